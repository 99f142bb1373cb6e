package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.host.HumanSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** oci-layout on a hand-built layout, intact and broken in the ways a copy goes wrong. */
class OciLayoutProbeTest {

  @TempDir Path temp;
  ProbeLab lab;
  Probe ociLayout;
  TinyOciLayout layout;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    ociLayout = lab.probes().get("oci-layout");
    layout = new TinyOciLayout(Files.createDirectories(lab.lab.resolve("busybox")), "latest");
  }

  @Test
  void anIntactLayoutPassesWithItsMeasurements() throws IOException {
    ProbeResult result = lab.run(ociLayout, "busybox", "latest");

    assertTrue(result.passed(), result.actual());
    assertEquals("latest", result.values().get("tag"));
    assertEquals(layout.manifestDigest, result.values().get("manifestDigest"));
    assertEquals(layout.configDigest, result.values().get("configDigest"));
    assertEquals("2", result.values().get("layers"));
    assertEquals(Long.toString(layout.totalSize), result.values().get("size"));
    assertEquals(layout.totalSize + " B", result.values().get("sizeHuman"));
    assertEquals("amd64", result.values().get("architecture"));
    assertEquals("linux", result.values().get("os"));
  }

  @Test
  void withoutATagTheOnlyImageIsTaken() throws IOException {
    ProbeResult result = lab.run(ociLayout, "busybox/");

    assertTrue(result.passed(), result.actual());
    assertEquals("latest", result.values().get("tag"));
  }

  @Test
  void anUnknownTagListsTheTagsPresent() throws IOException {
    ProbeResult result = lab.run(ociLayout, "busybox", "1.36");

    assertFalse(result.passed());
    assertEquals(
        "busybox/index.json has no image tagged \"1.36\" (tags present: latest)", result.actual());
  }

  @Test
  void aMissingDirectoryHasNotBeenPulled() throws IOException {
    ProbeResult result = lab.run(ociLayout, "alpine");

    assertFalse(result.passed());
    assertEquals(
        "alpine does not exist: the image has not been pulled into it yet", result.actual());
  }

  @Test
  void aMissingIndexHasNotBeenPulled() throws IOException {
    Files.delete(layout.dir.resolve("index.json"));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertEquals(
        "busybox/index.json is missing: the layout has not been pulled yet", result.actual());
  }

  @Test
  void aMissingMarkerFileIsNotALayout() throws IOException {
    Files.delete(layout.dir.resolve("oci-layout"));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .startsWith("busybox/oci-layout is missing: busybox is not an OCI image layout"),
        result.actual());
  }

  @Test
  void aMissingLayerBlobIsNamed() throws IOException {
    Files.delete(layout.blobPath(layout.firstLayerDigest));
    String hex = layout.firstLayerDigest.substring(7);

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertEquals(
        "blob sha256:"
            + hex.substring(0, 12)
            + "… listed by the manifest is missing (busybox/blobs/sha256/"
            + hex
            + " does not exist)",
        result.actual());
  }

  @Test
  void aCorruptedLayerOfTheSameSizeIsADigestMismatch() throws IOException {
    Path blob = layout.blobPath(layout.firstLayerDigest);
    byte[] bytes = Files.readAllBytes(blob);
    bytes[0] ^= 1;
    Files.write(blob, bytes);
    String actualHash = HexFormat.of().formatHex(TinyOciLayout.sha256(bytes));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .startsWith(
                "digest mismatch for busybox/blobs/sha256/" + layout.firstLayerDigest.substring(7)),
        result.actual());
    assertTrue(
        result.actual().contains("the file hashes to sha256:" + actualHash.substring(0, 12)),
        result.actual());
    assertTrue(result.actual().endsWith("(the blob is corrupted)"), result.actual());
  }

  @Test
  void aTruncatedConfigIsASizeMismatch() throws IOException {
    Path blob = layout.blobPath(layout.configDigest);
    byte[] bytes = Files.readAllBytes(blob);
    Files.write(blob, java.util.Arrays.copyOf(bytes, 10));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains(": the manifest says " + bytes.length + " bytes, the file has 10"),
        result.actual());
  }

  @Test
  void aDigestThatIsNotHexIsRefusedBeforeItBecomesAPath() throws IOException {
    Path index = layout.dir.resolve("index.json");
    String json = Files.readString(index, StandardCharsets.UTF_8);
    Files.writeString(index, json.replace(layout.manifestDigest, "sha256:../../../etc/passwd"));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("has a malformed digest \"sha256:../../../etc/passwd\""),
        result.actual());
  }

  @Test
  void aMultiPlatformIndexIsNamedRatherThanMisread() throws IOException {
    Path index = layout.dir.resolve("index.json");
    String json = Files.readString(index, StandardCharsets.UTF_8);
    Files.writeString(
        index,
        json.replace(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json"));

    ProbeResult result = lab.run(ociLayout, "busybox");

    assertFalse(result.passed());
    assertEquals(
        "the image tagged latest is a multi-platform index; copy a single platform",
        result.actual());
  }

  @Test
  void humanSizesUseBinaryUnits() {
    assertEquals("812 B", HumanSize.of(812));
    assertEquals("2.0 KiB", HumanSize.of(2048));
    assertEquals("1.1 MiB", HumanSize.of(1_153_434));
  }
}
