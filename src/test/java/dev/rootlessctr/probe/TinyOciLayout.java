package dev.rootlessctr.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hand-built OCI image layout with real sha256 digests, shaped like what skopeo writes: one
 * manifest tagged in index.json, a config and two layers.
 */
final class TinyOciLayout {

  final Path dir;
  final String manifestDigest;
  final String configDigest;
  final String firstLayerDigest;
  final long totalSize;

  TinyOciLayout(Path dir, String tag) throws IOException {
    this.dir = dir;
    // The probe hashes layers but never unpacks them, so their bytes need not be real tarballs.
    byte[] layer1 = "layer one: bin/busybox and friends".getBytes(StandardCharsets.UTF_8);
    byte[] layer2 = "layer two: etc/passwd".getBytes(StandardCharsets.UTF_8);
    byte[] config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
            .getBytes(StandardCharsets.UTF_8);
    firstLayerDigest = blob(layer1);
    String secondLayer = blob(layer2);
    configDigest = blob(config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":"
                + descriptor(
                    "application/vnd.oci.image.config.v1+json", configDigest, config.length)
                + ","
                + "\"layers\":["
                + descriptor(
                    "application/vnd.oci.image.layer.v1.tar+gzip", firstLayerDigest, layer1.length)
                + ","
                + descriptor(
                    "application/vnd.oci.image.layer.v1.tar+gzip", secondLayer, layer2.length)
                + "]}")
            .getBytes(StandardCharsets.UTF_8);
    manifestDigest = blob(manifest);
    totalSize = manifest.length + config.length + layer1.length + layer2.length;
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"digest\":\""
            + manifestDigest
            + "\",\"size\":"
            + manifest.length
            + ","
            + "\"annotations\":{\"org.opencontainers.image.ref.name\":\""
            + tag
            + "\"}}]}");
  }

  Path blobPath(String digest) {
    return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  private String blob(byte[] content) throws IOException {
    String digest = "sha256:" + HexFormat.of().formatHex(sha256(content));
    Path file = blobPath(digest);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return digest;
  }

  private static String descriptor(String mediaType, String digest, long size) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + "}";
  }

  static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
