package dev.rootlessctr.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One OCI image layout served as a repository. Blobs are found only through a validated digest,
 * never through a path taken from a request, so nothing outside {@code blobs/} can be reached.
 */
final class OciStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  OciStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  /** A manifest found by tag or digest, with its media type read from the index or itself. */
  record Manifest(Digest digest, String mediaType, Path file, long size) {}

  List<String> tags() throws IOException {
    List<String> tags = new ArrayList<>();
    for (JsonNode entry : index().path("manifests")) {
      String tag = entry.path("annotations").path("org.opencontainers.image.ref.name").asText("");
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }

  Optional<Manifest> manifestByTag(String tag) throws IOException {
    for (JsonNode entry : index().path("manifests")) {
      if (tag.equals(entry.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
        Digest.Result parsed = Digest.parse(entry.path("digest").asText());
        if (parsed.digest().isPresent()) {
          return manifestByDigest(parsed.digest().get());
        }
      }
    }
    return Optional.empty();
  }

  Optional<Manifest> manifestByDigest(Digest digest) throws IOException {
    Optional<Path> file = blob(digest);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(file.get().toFile());
    } catch (IOException notJson) {
      return Optional.empty(); // a layer is not a manifest
    }
    if (manifest == null || !manifest.has("schemaVersion")) {
      return Optional.empty();
    }
    String mediaType = manifest.path("mediaType").asText(manifest.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST);
    return Optional.of(new Manifest(digest, mediaType, file.get(), Files.size(file.get())));
  }

  /** The blob's file when it is present as a regular file (not a link) inside this layout. */
  Optional<Path> blob(Digest digest) {
    Path file = root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex()).normalize();
    if (!file.startsWith(root.resolve("blobs")) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private JsonNode index() throws IOException {
    return JSON.readTree(root.resolve("index.json").toFile());
  }
}
