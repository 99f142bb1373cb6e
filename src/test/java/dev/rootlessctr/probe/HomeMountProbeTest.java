package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** home-mount on the correct edit and on each mistake a newcomer makes pasting it in. */
class HomeMountProbeTest {

  static final String HOME = ProbeLab.HOME;

  @TempDir Path temp;
  ProbeLab lab;
  Probe homeMount;
  Path bundle;
  ObjectNode spec;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    homeMount = lab.probes().get("home-mount");
    bundle = lab.lab.resolve("b");
    spec = Specs.recorded();
  }

  ProbeResult probeWith(ObjectNode edited) throws IOException {
    Specs.write(bundle, edited);
    return lab.run(homeMount, "b");
  }

  @Test
  void theCoursesMountPasses() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertTrue(result.passed(), result.actual());
    assertEquals(
        Map.of("source", HOME, "destination", HOME, "type", "bind", "options", "rbind,rw"),
        result.values());
    assertEquals(
        "b/config.json mounts[7] binds /home/learner -> /home/learner (bind; rbind, rw)",
        result.actual());
  }

  @Test
  void aLatin1ByteElsewhereInTheFileDoesNotStopTheCheck() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rbind", "rw"));
    spec.put("hostname", "caf\u00e9");
    Specs.write(bundle, spec);
    Path file = bundle.resolve("config.json");
    byte[] utf8 = java.nio.file.Files.readAllBytes(file);
    String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    // As an editor in a Latin-1 locale saves it: é as the single byte 0xE9, not valid UTF-8.
    java.nio.file.Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    ProbeResult result = lab.run(homeMount, "b");

    assertTrue(result.passed(), result.actual());
  }

  @Test
  void noMountAtAll() throws IOException {
    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertEquals(
        "b/config.json has no mount of /home/learner (its \"mounts\" list has 7 entries, none with"
            + " source or destination /home/learner)",
        result.actual());
  }

  @Test
  void fieldsPastedAtTheTopLevel() throws IOException {
    spec.setAll(Specs.mount(HOME, "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("its fields are at the top level of b/config.json"),
        result.actual());
    assertTrue(result.actual().contains("top-level \"mounts\" list"), result.actual());
  }

  @Test
  void mountPastedInsideProcess() throws IOException {
    spec.with("process").putArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("it is at process.mounts[0] in b/config.json"), result.actual());
  }

  @Test
  void mountPastedInsideLinux() throws IOException {
    spec.with("linux").set("mount", Specs.mount(HOME, "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(result.actual().contains("it is at linux.mount in b/config.json"), result.actual());
  }

  @Test
  void mountsReplacedByASingleObject() throws IOException {
    spec.set("mounts", Specs.mount(HOME, "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("\"mounts\" is a single object here, not a list"),
        result.actual());
  }

  @Test
  void relativeDestinationIsNamed() throws IOException {
    spec.withArray("mounts").add(Specs.mount("home/learner", "bind", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertEquals(
        "b/config.json mounts[7]: \"destination\" is the relative path \"home/learner\": runc 1.1"
            + " only warns about it, and newer runc refuses it; mount paths must be absolute:"
            + " \"/home/learner\"",
        result.actual());
    assertEquals("home/learner", result.values().get("destination"));
  }

  @Test
  void relativeSourceIsNamed() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", "home/learner", "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .contains(
                "\"source\" is the relative path \"home/learner\": runc would look for it inside"
                    + " the bundle folder; mount paths must be absolute: \"/home/learner\""),
        result.actual());
  }

  @Test
  void wrongType() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "tmpfs", HOME, "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .endsWith("\"type\" is \"tmpfs\": a host directory is shared with \"type\": \"bind\""),
        result.actual());
  }

  @Test
  void readOnlyOptions() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rbind", "ro"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("include \"ro\": your home would be read-only"), result.actual());
  }

  @Test
  void missingRw() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rbind"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .endsWith("\"options\" [rbind] lack \"rw\": add it to make the home writable"),
        result.actual());
  }

  @Test
  void missingBind() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", HOME, "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(result.actual().contains("lack \"rbind\" (or \"bind\")"), result.actual());
  }

  @Test
  void optionsWrittenAsOneString() throws IOException {
    ObjectNode mount = Specs.mount(HOME, "bind", HOME);
    mount.put("options", "rbind,rw");
    spec.withArray("mounts").add(mount);

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .contains("\"options\" must be a list like [\"rbind\", \"rw\"], not \"rbind,rw\""),
        result.actual());
  }

  @Test
  void sourceThatIsNotTheHome() throws IOException {
    spec.withArray("mounts").add(Specs.mount(HOME, "bind", "/tmp", "rbind", "rw"));

    ProbeResult result = probeWith(spec);

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("\"source\" is /tmp, not your home /home/learner"),
        result.actual());
  }

  @Test
  void aSyntaxErrorComesBeforeAnyMountCheck() throws IOException {
    ProbeLab.write(bundle.resolve("config.json"), "{\n  \"mounts\": [\n  }\n");

    ProbeResult result = lab.run(homeMount, "b");

    assertFalse(result.passed());
    assertTrue(
        result.actual().startsWith("b/config.json line 3, column 3: Unexpected close marker '}'"),
        result.actual());
  }
}
