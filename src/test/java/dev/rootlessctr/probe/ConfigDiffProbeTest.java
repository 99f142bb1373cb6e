package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config-diff on the two real specs the runtimes lesson compares (runc 1.1.5's {@code spec
 * --rootless} and umoci 0.4.7's {@code unpack --rootless}), and on files a learner broke.
 */
class ConfigDiffProbeTest {

  @TempDir Path temp;
  ProbeLab lab;
  Probe diff;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    diff = lab.probes().get("config-diff");
    ProbeLab.write(
        lab.lab.resolve("runc-bundle/config.json"),
        FakeRunc.recorded("runc-1.1.5-spec-rootless.json"));
    ProbeLab.write(
        lab.lab.resolve("umoci-bundle/config.json"),
        FakeRunc.recorded("umoci-0.4.7-unpack-rootless.json"));
  }

  @Test
  void runcSpecAgainstUmociUnpackAsRecorded() throws IOException {
    ProbeResult result = lab.run(diff, "runc-bundle", "umoci-bundle", "/hostname", "/annotations");

    assertTrue(result.passed(), result.actual());
    assertEquals("/root/readonly", result.values().get("onlyFirst"));
    assertEquals(
        "/process/capabilities/inheritable, /annotations", result.values().get("onlySecond"));
    assertEquals(
        "/ociVersion, /process/env, /hostname, /mounts, /linux/maskedPaths,"
            + " /linux/readonlyPaths",
        result.values().get("differ"));
    assertEquals("6", result.values().get("differCount"));
    assertEquals("runc-bundle/config.json", result.values().get("first"));
    assertTrue(
        result.values().get("named").startsWith("/hostname: \"runc\" vs \"umoci-default\"; "),
        result.values().get("named"));
    assertTrue(result.values().get("named").contains("/annotations: (absent) vs {"));
    // Both tools map container root to the same learner and run the same process.
    assertEquals("15", result.values().get("sameCount"));
  }

  @Test
  void aPointerBothSidesAgreeOnFailsAndSaysSo() throws IOException {
    ProbeResult result = lab.run(diff, "runc-bundle", "umoci-bundle", "/linux/uidMappings");

    assertFalse(result.passed());
    assertTrue(
        result.actual().endsWith("but both have the same value at /linux/uidMappings"),
        result.actual());
  }

  @Test
  void identicalFilesPassWithNothingListed() throws IOException {
    ProbeResult result = lab.run(diff, "runc-bundle", "runc-bundle/config.json");

    assertTrue(result.passed());
    assertEquals(
        "runc-bundle/config.json and runc-bundle/config.json are the same", result.actual());
    assertEquals("none", result.values().get("differ"));
    assertEquals("0", result.values().get("onlySecondCount"));
  }

  @Test
  void aMissingBundleIsAPlainReason() throws IOException {
    ProbeResult result = lab.run(diff, "runc-bundle", "nowhere");

    assertFalse(result.passed());
    assertEquals("nowhere does not exist: there is no bundle directory there yet", result.actual());
  }

  @Test
  void aBundleWithoutConfigSaysNoSpecYet() throws IOException {
    Files.createDirectories(lab.lab.resolve("empty"));

    ProbeResult result = lab.run(diff, "empty", "umoci-bundle");

    assertFalse(result.passed());
    assertEquals(
        "empty/config.json is missing: no runtime spec has been generated in that bundle yet",
        result.actual());
  }

  @Test
  void brokenJsonNamesLineAndColumn() throws IOException {
    ProbeLab.write(
        lab.lab.resolve("broken/config.json"), "{\n  \"hostname\": \"x\"\n  \"a\": 1\n}");

    ProbeResult result = lab.run(diff, "runc-bundle", "broken");

    assertFalse(result.passed());
    assertTrue(
        result.actual().startsWith("broken/config.json line 3, column 3: "), result.actual());
  }

  @Test
  void aJsonListIsNotASpec() throws IOException {
    ProbeLab.write(lab.lab.resolve("list/config.json"), "[1, 2]");

    ProbeResult result = lab.run(diff, "list", "runc-bundle");

    assertFalse(result.passed());
    assertEquals("list/config.json holds a JSON ARRAY, not an object { ... }", result.actual());
  }

  @Test
  void nestingBeyondTheParsersLimitIsAReasonNotAStackOverflow() throws IOException {
    String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    ProbeLab.write(lab.lab.resolve("deep/config.json"), deep);

    ProbeResult result = lab.run(diff, "deep", "runc-bundle");

    assertFalse(result.passed());
    assertTrue(result.actual().startsWith("deep/config.json "), result.actual());
    assertTrue(result.actual().contains("nesting depth"), result.actual());
  }

  @Test
  void hostileKeysReachTheTerminalEscapedAndShort() throws IOException {
    String escape = "\\u001b[2J";
    ProbeLab.write(
        lab.lab.resolve("hostile/config.json"),
        "{\"" + escape + "a/b~c\": 1, \"" + "k".repeat(500) + "\": 2}");

    ProbeResult result = lab.run(diff, "runc-bundle", "hostile");

    assertTrue(result.passed());
    String onlySecond = result.values().get("onlySecond");
    assertTrue(onlySecond.startsWith("/\\u001b[2Ja~1b~0c, /kkk"), onlySecond);
    assertFalse(onlySecond.contains("\u001b"));
    assertTrue(onlySecond.endsWith("…"), onlySecond);
    assertTrue(onlySecond.length() < 200, onlySecond);
  }

  @Test
  void aThousandDifferencesAreCountedButNotAllListed() throws IOException {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 1000; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    ProbeLab.write(lab.lab.resolve("many/config.json"), many.append('}').toString());

    ProbeResult result = lab.run(diff, "runc-bundle", "many");

    assertEquals("1000", result.values().get("onlySecondCount"));
    String listed = result.values().get("onlySecond");
    assertTrue(listed.startsWith("/k0, /k1, /k2, "), listed);
    assertTrue(listed.endsWith(", /k23, and 976 more"), listed);
  }

  @Test
  void aPointerWithoutSlashIsALessonBug() {
    assertThrows(
        IllegalArgumentException.class,
        () -> lab.run(diff, "runc-bundle", "umoci-bundle", "hostname"));
    assertThrows(IllegalArgumentException.class, () -> lab.run(diff, "runc-bundle"));
  }
}
