package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config probe on runc 1.1.5's rootless spec and the ways a learner's edit breaks it. */
class ConfigProbeTest {

  @TempDir Path temp;
  ProbeLab lab;
  Probe config;
  Path bundle;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    config = lab.probes().get("config");
    bundle = lab.lab.resolve("b");
  }

  @Test
  void measuresTheRootlessSpec() throws IOException {
    ProbeLab.write(
        bundle.resolve("config.json"), FakeRunc.recorded("runc-1.1.5-spec-rootless.json"));

    ProbeResult result = lab.run(config, "b");

    assertTrue(result.passed(), result.actual());
    assertEquals("sh", result.values().get("args"));
    assertEquals("0:0", result.values().get("user"));
    assertEquals("true", result.values().get("terminal"));
    assertEquals("true", result.values().get("readonly"));
    assertEquals("0 -> 1001 (learner), size 1", result.values().get("uidMapping"));
    assertEquals("0 -> 1001 (learner), size 1", result.values().get("gidMapping"));
    assertEquals("1001", result.values().get("hostUid"));
    assertEquals("learner", result.values().get("hostUser"));
    assertEquals("pid, ipc, uts, mount, user", result.values().get("namespaces"));
    assertEquals("false", result.values().get("hasNetworkNs"));
    assertEquals("AUDIT_WRITE, KILL, NET_BIND_SERVICE", result.values().get("capabilities"));
    assertEquals("3", result.values().get("capabilityCount"));
    assertEquals(
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin, TERM=xterm",
        result.values().get("env"));
    assertEquals("7", result.values().get("mounts"));
    assertEquals("none", result.values().get("homeMount"));
  }

  @Test
  void aTrailingCommaIsReportedWhereTheCommaIs() throws IOException {
    String spec = FakeRunc.recorded("runc-1.1.5-spec-rootless.json");
    // A trailing comma after the last bounding capability, a classic hand-edit mistake.
    String broken = spec.replaceFirst("\"CAP_NET_BIND_SERVICE\"\n", "\"CAP_NET_BIND_SERVICE\",\n");
    ProbeLab.write(bundle.resolve("config.json"), broken);
    List<String> lines = broken.lines().toList();
    int comma = lines.indexOf("\t\t\t\t\"CAP_NET_BIND_SERVICE\",") + 1;
    int column = "\t\t\t\t\"CAP_NET_BIND_SERVICE\"".length() + 1;

    ProbeResult result = lab.run(config, "b");

    assertFalse(result.passed());
    // The parser stops at the "]" on the next line; the learner must delete the comma.
    assertTrue(
        result
            .actual()
            .startsWith(
                "b/config.json line "
                    + comma
                    + ", column "
                    + column
                    + ": a trailing comma: \"]\" follows it (line "
                    + (comma + 1)
                    + ", column 4)"),
        result.actual());
    assertTrue(result.actual().contains("remove this comma"), result.actual());
    assertTrue(
        result.actual().contains("\n  " + comma + " | \t\t\t\t\"CAP_NET_BIND_SERVICE\",\n"),
        result.actual());
    assertTrue(
        result.actual().endsWith("\t\t\t\t" + " ".repeat(column - 5) + "^"), result.actual());
  }

  @Test
  void anyOtherSyntaxErrorIsReportedWhereTheParserStopped() throws IOException {
    String spec = FakeRunc.recorded("runc-1.1.5-spec-rootless.json");
    // A missing comma between two capabilities.
    String broken = spec.replaceFirst("\"CAP_KILL\",\n", "\"CAP_KILL\"\n");
    ProbeLab.write(bundle.resolve("config.json"), broken);
    List<String> lines = broken.lines().toList();
    int next = lines.indexOf("\t\t\t\t\"CAP_NET_BIND_SERVICE\"") + 1;

    ProbeResult result = lab.run(config, "b");

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .startsWith("b/config.json line " + next + ", column 5: Unexpected character ('\"'"),
        result.actual());
    assertTrue(
        result.actual().contains("\n  " + next + " | \t\t\t\t\"CAP_NET_BIND_SERVICE\"\n"),
        result.actual());
    assertTrue(result.actual().endsWith("\t\t\t\t^"), result.actual());
  }

  @Test
  void textAfterTheClosingBraceIsAnErrorAsInRunc() throws IOException {
    ProbeLab.write(
        bundle.resolve("config.json"), FakeRunc.recorded("runc-1.1.5-spec-rootless.json") + "}\n");

    ProbeResult result = lab.run(config, "b");

    assertFalse(result.passed());
    assertTrue(
        result.actual().startsWith("b/config.json line 181, column 2: Unexpected close marker '}'"),
        result.actual());
  }

  @Test
  void aSubordinateRangeIsShownWithoutAnAccountName() throws IOException {
    ObjectNode spec = Specs.recorded();
    com.fasterxml.jackson.databind.node.ArrayNode uids =
        (com.fasterxml.jackson.databind.node.ArrayNode) spec.get("linux").get("uidMappings");
    uids.addObject().put("containerID", 1).put("hostID", 100000).put("size", 65536);
    Specs.write(bundle, spec);

    ProbeResult result = lab.run(config, "b");

    assertEquals(
        "0 -> 1001 (learner), size 1; 1 -> 100000, size 65536", result.values().get("uidMapping"));
  }

  @Test
  void aSpecWithoutUidMappingsIsNotRootless() throws IOException {
    ObjectNode spec = Specs.recorded();
    ((ObjectNode) spec.get("linux")).remove("uidMappings");
    Specs.write(bundle, spec);

    ProbeResult result = lab.run(config, "b");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("has no linux.uidMappings"), result.actual());
    assertEquals("none", result.values().get("uidMapping"));
  }

  @Test
  void reportsTheHomeMountAndANetworkNamespace() throws IOException {
    ObjectNode spec = Specs.recorded();
    spec.withArray("mounts").add(Specs.mount(ProbeLab.HOME, "bind", ProbeLab.HOME, "rbind", "rw"));
    spec.with("linux").withArray("namespaces").addObject().put("type", "network");
    Specs.write(bundle, spec);

    ProbeResult result = lab.run(config, "b/config.json");

    assertTrue(result.passed(), result.actual());
    assertEquals(
        "/home/learner -> /home/learner (bind; rbind, rw)", result.values().get("homeMount"));
    assertEquals("8", result.values().get("mounts"));
    assertEquals("true", result.values().get("hasNetworkNs"));
  }

  @Test
  void aMissingBundleOrConfigSaysWhatIsMissing() throws IOException {
    assertEquals(
        "b does not exist: there is no bundle directory there yet", lab.run(config, "b").actual());
    Files.createDirectories(bundle);
    assertEquals(
        "b/config.json is missing: no runtime spec has been generated in that bundle yet",
        lab.run(config, "b").actual());
    assertEquals(
        "b/config.json is missing: no runtime spec has been generated in that bundle yet",
        lab.run(config, "b/config.json").actual());
  }
}
