package dev.rootlessctr.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.oci.Digest;
import dev.rootlessctr.oci.InvalidDigest;
import java.io.IOException;
import java.util.Optional;

/**
 * How a learner's record sits in the registry: one repository for the room, one tag per learner, an
 * OCI image manifest without layers whose config blob is the record. Registries that know nothing
 * of rootless-ctr (Debian's docker-registry 2.8, CNCF distribution) store it as is.
 */
final class ProgressArtifact {

  /** The room's repository in the registry; its tags are learner ids. */
  static final String REPOSITORY = "rootless-ctr-room/progress";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProgressArtifact() {}

  /** The manifest pointing at a config blob of {@code size} bytes with {@code digest}. */
  static byte[] manifest(String digest, int size) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", RegistryClient.OCI_MANIFEST);
    ObjectNode config = root.putObject("config");
    config.put("mediaType", LearnerProgress.MEDIA_TYPE);
    config.put("digest", digest);
    config.put("size", size);
    root.putArray("layers");
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The config digest of a manifest, if it is a progress artifact at all. */
  static Optional<String> configDigest(byte[] manifest) {
    try {
      JsonNode config = JSON.readTree(manifest).path("config");
      if (!LearnerProgress.MEDIA_TYPE.equals(config.path("mediaType").asText())) {
        return Optional.empty();
      }
      // sha256 only: the room checks each blob against its digest with SHA-256.
      Digest digest = Digest.parse(config.path("digest").asText());
      return digest.algorithm().equals("sha256")
          ? Optional.of(digest.toString())
          : Optional.empty();
    } catch (IOException | InvalidDigest e) {
      return Optional.empty();
    }
  }
}
