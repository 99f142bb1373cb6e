package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** subid-owner against a fake /etc/subuid, a fake /proc and bundles like lesson 3's. */
class SubidOwnerProbeTest {

  static final long PID = 7001;

  @TempDir Path temp;
  ProbeLab lab;
  Path subuid;
  long owner;
  long rangeStart;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    Path file = ProbeLab.write(lab.lab.resolve("deep-share/owned"), "");
    owner = Integer.toUnsignedLong((Integer) Files.getAttribute(file, "unix:uid"));
    if (owner == 0) {
      // As root, do what chown 1000 in lesson 3's container does: host uid 100999.
      owner = 100999;
      Files.setAttribute(file, "unix:uid", (int) owner);
    }
    // The file's owner is the 1000th id of the learner's range, whoever runs the test.
    rangeStart = owner - 999;
    subuid = ProbeLab.write(temp.resolve("etc/subuid"), "learner:" + rangeStart + ":65536\n");
  }

  ProbeResult run(Path subuidFile, String... args) throws IOException {
    Probe probe = new SubidOwnerProbe(lab.learner, lab.accounts, subuidFile);
    return ProbeLab.declaredOnly(probe, probe.run(lab.context(), List.of(args)));
  }

  void container(String uidMap) throws IOException {
    lab.process(PID, uidMap, Map.of());
  }

  @Test
  void aFileChownedInsideIsTheNthIdOfTheRangeAndUid1000Inside() throws IOException {
    container("         0       1001          1\n         1     " + rangeStart + "      65536\n");

    ProbeResult result = run(subuid, "deep-share/owned", Long.toString(PID));

    assertTrue(result.passed(), result.actual());
    assertEquals("1000", result.values().get("insideUid"));
    assertEquals("1000th", result.values().get("position"));
    assertEquals(rangeStart + ":65536", result.values().get("range"));
    assertEquals("1 " + rangeStart + " 65536", result.values().get("mapping"));
    assertTrue(
        result
            .actual()
            .startsWith(
                "inside uid 1000 -> host uid "
                    + owner
                    + ", the 1000th id of your range "
                    + rangeStart
                    + ":65536 in "),
        result.actual());
  }

  @Test
  void theMappingMayComeFromTheBundle() throws IOException {
    ProbeLab.write(
        lab.lab.resolve("deep-bundle/config.json"),
        "{\"linux\": {\"uidMappings\": [{\"containerID\": 0, \"hostID\": 1001, \"size\": 1},"
            + " {\"containerID\": 1, \"hostID\": "
            + rangeStart
            + ", \"size\": 65536}]}}");

    ProbeResult result = run(subuid, "deep-share/owned", "deep-bundle");

    assertTrue(result.passed(), result.actual());
    assertEquals("1000", result.values().get("insideUid"));
    assertEquals("the uidMappings of deep-bundle/config.json", result.values().get("mappedBy"));
  }

  @Test
  void anOwnerOutsideTheRangeFails() throws IOException {
    Path elsewhere = ProbeLab.write(temp.resolve("etc/subuid2"), "learner:5000000:65536\n");
    container("0 1001 1\n1 5000000 65536\n");

    ProbeResult result = run(elsewhere, "deep-share/owned", Long.toString(PID));

    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("which is not in your range 5000000:65536"), result.actual());
  }

  @Test
  void noRangeInSubuidSaysWhereTheDoctorLooks() throws IOException {
    Path none = ProbeLab.write(temp.resolve("etc/subuid3"), "someone-else:100000:65536\n");

    ProbeResult result = run(none, "deep-share/owned", Long.toString(PID));

    assertFalse(result.passed());
    assertTrue(result.actual().contains("no range of subordinate uids"), result.actual());
  }

  @Test
  void inTheRangeButNotMappedShowsAsNobody() throws IOException {
    container("0 1001 1\n");

    ProbeResult result = run(subuid, "deep-share/owned", Long.toString(PID));

    assertFalse(result.passed());
    assertTrue(result.actual().contains("does not map that uid"), result.actual());
    assertEquals("1000th", result.values().get("position"));
  }

  @Test
  void brokenMapsAndSpecsAreFailuresNotCrashes() throws IOException {
    container("garbage\n0 x 1\n");
    ProbeResult garbled = run(subuid, "deep-share/owned", Long.toString(PID));
    assertFalse(garbled.passed());
    assertTrue(garbled.actual().contains("uid_map is empty"), garbled.actual());

    ProbeLab.write(lab.lab.resolve("bad/config.json"), "{\"linux\": {\"uidMappings\": [");
    ProbeResult badJson = run(subuid, "deep-share/owned", "bad");
    assertFalse(badJson.passed());

    ProbeLab.write(
        lab.lab.resolve("odd/config.json"),
        "{\"linux\": {\"uidMappings\": [{\"containerID\": \"a\", \"hostID\": -1, \"size\": 0}]}}");
    ProbeResult odd = run(subuid, "deep-share/owned", "odd");
    assertFalse(odd.passed());
    assertTrue(odd.actual().contains("no usable linux.uidMappings"), odd.actual());

    ProbeResult missing = run(subuid, "deep-share/nothing", Long.toString(PID));
    assertFalse(missing.passed());
    assertTrue(missing.actual().startsWith("deep-share/nothing does not exist"), missing.actual());
  }

  @Test
  void ordinals() {
    assertEquals(
        List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th", "1000th"),
        List.of(1L, 2L, 3L, 4L, 11L, 12L, 13L, 21L, 112L, 1000L).stream()
            .map(SubidOwnerProbe::ordinal)
            .toList());
  }
}
