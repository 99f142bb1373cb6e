package dev.rootlessctr.mirror;

/** The distribution specification's error codes the mirror answers with, and their statuses. */
enum RegistryError {
  NAME_UNKNOWN(404, "repository name not known to registry"),
  NAME_INVALID(400, "invalid repository name"),
  MANIFEST_UNKNOWN(404, "manifest unknown"),
  BLOB_UNKNOWN(404, "blob unknown to registry"),
  DIGEST_INVALID(400, "provided digest did not match uploaded content"),
  UNSUPPORTED(405, "the operation is unsupported"),
  DENIED(403, "requested access to the resource is denied");

  final int status;
  final String message;

  RegistryError(int status, String message) {
    this.status = status;
    this.message = message;
  }
}
