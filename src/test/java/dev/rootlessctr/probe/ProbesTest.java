package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry lessons look probes up in. */
class ProbesTest {

  @Test
  void everyProbeIsRegisteredUnderTheNameItsUsageStartsWith() {
    Map<String, Probe> probes = Probes.standard();

    assertEquals(
        List.of(
            "oci-layout",
            "rootfs",
            "config",
            "config-diff",
            "home-mount",
            "runc-state",
            "runc-list",
            "uid-map",
            "namespaces",
            "interfaces",
            "mountinfo",
            "file-owner",
            "host-user",
            "no-containers",
            "cgroups",
            "subid-owner",
            "capabilities",
            "seccomp"),
        List.copyOf(probes.keySet()));
    probes.forEach((name, probe) -> assertTrue(probe.usage().startsWith(name), probe.usage()));
  }

  @Test
  void everyProbeDeclaresDistinctLowerCamelValueNames() {
    Probes.standard()
        .forEach(
            (name, probe) -> {
              List<String> names = probe.valueNames();
              assertFalse(names.isEmpty(), name);
              assertEquals(Set.copyOf(names).size(), names.size(), name + " repeats a name");
              names.forEach(
                  value -> assertTrue(value.matches("[a-z][A-Za-z]*"), name + "." + value));
            });
    assertTrue(
        Probes.find("namespaces")
            .orElseThrow()
            .valueNames()
            .containsAll(List.of("net", "hostNet", "netShared", "differ", "shared")));
  }

  @Test
  void findByName() {
    assertEquals("uid-map", Probes.find("uid-map").orElseThrow().name());
    assertFalse(Probes.find("uid_map").isPresent());
  }

  @Test
  void aWrongNumberOfWordsIsALessonBugReportedWithTheUsage() {
    Probe probe = Probes.find("mountinfo").orElseThrow();
    ProbeContext context =
        new ProbeContext(Path.of("/"), Map.of(), Path.of("/nonexistent"), Path.of("/proc"), null);

    IllegalArgumentException bug =
        assertThrows(IllegalArgumentException.class, () -> probe.run(context, List.of("c1")));

    assertEquals(
        "probe mountinfo got 1 word(s) [c1]; usage: mountinfo PID|NAME PATH", bug.getMessage());
  }
}
