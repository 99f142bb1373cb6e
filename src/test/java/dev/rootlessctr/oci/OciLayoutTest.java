package dev.rootlessctr.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layout written here reads back the same, and every way a blob can be wrong is told apart. */
class OciLayoutTest {

  @TempDir Path dir;

  private OciLayout layout;
  private Descriptor config;
  private Descriptor manifest;

  @BeforeEach
  void write() throws IOException {
    layout = OciLayout.create(dir);
    config =
        layout.writeBlob(
            "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_CONFIG);
    String body =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.OCI_MANIFEST
            + "\",\"config\":"
            + config.toJson()
            + ",\"layers\":[]}";
    manifest = layout.writeBlob(body.getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST);
    layout.writeIndex(Map.of("v1", manifest));
  }

  @Test
  void readsBackWhatItWrote() throws Exception {
    assertEquals(List.of("v1"), layout.tags());
    OciLayout.Manifest found = layout.manifestByTag("v1").orElseThrow();
    assertEquals(manifest.digest(), found.digest());
    assertEquals(MediaTypes.OCI_MANIFEST, found.mediaType());
    assertEquals(manifest.size(), found.size());
    assertEquals("{\"imageLayoutVersion\":\"1.0.0\"}", Files.readString(dir.resolve("oci-layout")));
    assertEquals(manifest, Descriptor.from(layout.index().path("manifests").get(0)));
    assertArrayEquals(
        Files.readAllBytes(layout.blobPath(config.digest())), layout.readVerified(config));
  }

  @Test
  void aConfigIsNotAManifestAndAnUnknownTagIsNothing() throws IOException {
    assertTrue(layout.manifestByDigest(config.digest()).isEmpty());
    assertTrue(layout.manifestByTag("v2").isEmpty());
  }

  @Test
  void aMissingBlobAndALinkedOneAreMissing() throws IOException {
    Path file = layout.blobPath(config.digest());
    Path elsewhere = Files.move(file, dir.resolve("outside"));
    assertEquals(
        BlobProblem.Kind.MISSING,
        assertThrows(BlobProblem.class, () -> layout.verify(config)).kind());
    Files.createSymbolicLink(file, elsewhere);
    assertEquals(
        BlobProblem.Kind.MISSING,
        assertThrows(BlobProblem.class, () -> layout.verify(config)).kind(),
        "a link is never followed");
  }

  @Test
  void aShortenedBlobIsASizeMismatchAndAnAlteredOneADigestMismatch() throws IOException {
    Path file = layout.blobPath(config.digest());
    Files.writeString(file, "{}");
    BlobProblem size = assertThrows(BlobProblem.class, () -> layout.readVerified(config));
    assertEquals(BlobProblem.Kind.SIZE_MISMATCH, size.kind());
    assertEquals(2, size.actualSize());
    Files.writeString(file, "{\"os\":\"LINUX\"}");
    BlobProblem digest = assertThrows(BlobProblem.class, () -> layout.verify(config));
    assertEquals(BlobProblem.Kind.DIGEST_MISMATCH, digest.kind());
    assertEquals(
        Digest.sha256(Digest.sha256Hasher().digest(Files.readAllBytes(file))),
        digest.actualDigest());
  }

  @Test
  void aDescriptorWithoutDigestOrSizeSaysWhich() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(
        "the manifest has an entry without a \"digest\"",
        assertThrows(OciFormatException.class, () -> Descriptor.from(json.readTree("{\"size\":1}")))
            .about("the manifest"));
    assertEquals(
        "the manifest has an entry without a numeric \"size\"",
        assertThrows(
                OciFormatException.class,
                () -> Descriptor.from(json.readTree("{\"digest\":\"" + config.digest() + "\"}")))
            .about("the manifest"));
  }
}
