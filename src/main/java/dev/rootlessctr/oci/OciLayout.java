package dev.rootlessctr.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OCI image layout on disk ({@code oci-layout}, {@code index.json}, {@code blobs/ALG/HEX}): read
 * by the mirror and the probes, written by the busybox image builder. Blobs are found only through
 * a validated {@link Digest}, never through a path from outside, so nothing outside {@code blobs/}
 * can be reached.
 */
public final class OciLayout {

  /** The annotation that carries a tag in an index. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;

  public OciLayout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** A manifest found by tag or digest, with its media type read from the index or itself. */
  public record Manifest(Digest digest, String mediaType, Path file, long size) {}

  /** Where the blob with {@code digest} lives in this layout, present or not. */
  public Path blobPath(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** The blob's file when it is present as a regular file (not a link) inside this layout. */
  public Optional<Path> blob(Digest digest) {
    Path file = blobPath(digest).normalize();
    if (!file.startsWith(root.resolve("blobs"))
        || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  public JsonNode index() throws IOException {
    return JSON.readTree(root.resolve("index.json").toFile());
  }

  public List<String> tags() throws IOException {
    List<String> tags = new ArrayList<>();
    for (JsonNode entry : index().path("manifests")) {
      String tag = entry.path("annotations").path(REF_NAME).asText("");
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return tags;
  }

  public Optional<Manifest> manifestByTag(String tag) throws IOException {
    for (JsonNode entry : index().path("manifests")) {
      if (tag.equals(entry.path("annotations").path(REF_NAME).asText())) {
        try {
          return manifestByDigest(Digest.parse(entry.path("digest").asText()));
        } catch (InvalidDigest unusable) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** The blob {@code digest} when it is a manifest or an index (a layer or config is not). */
  public Optional<Manifest> manifestByDigest(Digest digest) throws IOException {
    Optional<Path> file = blob(digest);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(file.get().toFile());
    } catch (IOException notJson) {
      return Optional.empty();
    }
    if (manifest == null || !manifest.has("schemaVersion")) {
      return Optional.empty();
    }
    String mediaType =
        manifest
            .path("mediaType")
            .asText(manifest.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST);
    return Optional.of(new Manifest(digest, mediaType, file.get(), Files.size(file.get())));
  }

  /** Checks the blob against its descriptor and returns its bytes; for manifests and configs. */
  public byte[] readVerified(Descriptor descriptor) throws BlobProblem, IOException {
    Path file = existing(descriptor);
    byte[] bytes = Files.readAllBytes(file);
    checkSize(descriptor, bytes.length);
    checkDigest(descriptor, descriptor.digest().newHasher().digest(bytes));
    return bytes;
  }

  /** Checks the blob against its descriptor by streaming it; for layers, which can be large. */
  public void verify(Descriptor descriptor) throws BlobProblem, IOException {
    Path file = existing(descriptor);
    checkSize(descriptor, Files.size(file));
    MessageDigest hasher = descriptor.digest().newHasher();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        hasher.update(buffer, 0, read);
      }
    }
    checkDigest(descriptor, hasher.digest());
  }

  private Path existing(Descriptor descriptor) throws BlobProblem {
    return blob(descriptor.digest())
        .orElseThrow(() -> new BlobProblem(BlobProblem.Kind.MISSING, -1, null));
  }

  private static void checkSize(Descriptor descriptor, long actual) throws BlobProblem {
    if (actual != descriptor.size()) {
      throw new BlobProblem(BlobProblem.Kind.SIZE_MISMATCH, actual, null);
    }
  }

  private static void checkDigest(Descriptor descriptor, byte[] hash) throws BlobProblem {
    Digest actual = descriptor.digest().sameAlgorithm(hash);
    if (!actual.equals(descriptor.digest())) {
      throw new BlobProblem(BlobProblem.Kind.DIGEST_MISMATCH, -1, actual);
    }
  }

  // --- writing ------------------------------------------------------------------------------

  /** Makes {@code root} an empty layout to write into: the blobs folder, no index yet. */
  public static OciLayout create(Path root) throws IOException {
    Files.createDirectories(root.resolve("blobs/sha256"));
    return new OciLayout(root);
  }

  /** Stores {@code bytes} as a sha256 blob and describes it. */
  public Descriptor writeBlob(byte[] bytes, String mediaType) throws IOException {
    Digest digest = Digest.sha256(Digest.sha256Hasher().digest(bytes));
    Files.write(blobPath(digest), bytes);
    return new Descriptor(mediaType, digest, bytes.length);
  }

  /** Moves {@code file}, already hashed to {@code digest} while written, into the blobs. */
  public Descriptor moveIntoBlobs(Path file, Digest digest, String mediaType) throws IOException {
    long size = Files.size(file);
    Files.move(file, blobPath(digest));
    return new Descriptor(mediaType, digest, size);
  }

  /**
   * Writes {@code index.json} listing each manifest under its tag, then the {@code oci-layout}
   * marker: last, so that a layout with a marker is complete.
   */
  public void writeIndex(Map<String, Descriptor> manifestsByTag) throws IOException {
    ObjectNode index = JSON.createObjectNode();
    index.put("schemaVersion", 2);
    ArrayNode manifests = index.putArray("manifests");
    manifestsByTag.forEach(
        (tag, manifest) -> {
          ObjectNode entry = manifest.toJson();
          entry.putObject("annotations").put(REF_NAME, tag);
          manifests.add(entry);
        });
    Files.write(root.resolve("index.json"), JSON.writeValueAsBytes(index));
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }
}
