package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capabilities and seccomp against /proc/PID/status files, recorded and broken. */
class StatusProbesTest {

  // pid 1 of lesson 4's container: CAP_CHOWN added, a seccomp rule for mkdir (runc 1.1.5).
  static final String RECORDED = FakeRunc.recorded("runc-1.1.5-status-chown-seccomp.txt");

  @TempDir Path temp;
  ProbeLab lab;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
  }

  void status(long pid, String text) throws IOException {
    Path dir = lab.process(pid, "0 1001 1\n", Map.of());
    Files.writeString(dir.resolve("status"), text);
  }

  ProbeResult run(String probe, String... args) throws IOException {
    return lab.run(lab.probes().get(probe), args);
  }

  @Test
  void capEffDecodesToNamesAndSeccompToItsMode() throws IOException {
    status(90, RECORDED);

    ProbeResult result = run("capabilities", "90", "CAP_CHOWN", "!CAP_SYS_ADMIN");

    assertTrue(result.passed(), result.actual());
    assertEquals(
        "CAP_CHOWN, CAP_KILL, CAP_NET_BIND_SERVICE, CAP_AUDIT_WRITE",
        result.values().get("effective"));
    assertEquals("4", result.values().get("effectiveCount"));
    assertEquals("0000000020000421", result.values().get("effectiveHex"));
    assertEquals("4", result.values().get("boundingCount"));
    assertEquals("filter", result.values().get("seccomp"));
    assertEquals("1", result.values().get("seccompFilters"));
  }

  @Test
  void aCapabilityThatShouldBeGoneButIsFailsAndSaysSo() throws IOException {
    status(91, RECORDED);

    ProbeResult result = run("capabilities", "91", "!CAP_CHOWN");

    assertFalse(result.passed());
    assertTrue(result.actual().endsWith("; but CAP_CHOWN is effective"), result.actual());
  }

  @Test
  void aMisspeltCapabilityNeverPasses() throws IOException {
    status(92, RECORDED);

    ProbeResult result = run("capabilities", "92", "!CAP_CHWON");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("CAP_CHWON is not a capability name"), result.actual());
  }

  @Test
  void theRootlessDefaultHasThreeAndNoFilter() throws IOException {
    status(93, RECORDED.replace("20000421", "20000420").replace("Seccomp:\t2", "Seccomp:\t0"));

    ProbeResult caps = run("capabilities", "93", "!CAP_CHOWN");
    ProbeResult seccomp = run("seccomp", "93");

    assertTrue(caps.passed(), caps.actual());
    assertEquals("CAP_KILL, CAP_NET_BIND_SERVICE, CAP_AUDIT_WRITE", caps.values().get("effective"));
    assertFalse(seccomp.passed());
    assertEquals("off", seccomp.values().get("mode"));
    assertTrue(seccomp.actual().contains("no linux.seccomp"), seccomp.actual());
  }

  @Test
  void seccompFilterPasses() throws IOException {
    status(94, RECORDED);

    ProbeResult result = run("seccomp", "94");

    assertTrue(result.passed(), result.actual());
    assertEquals("filter", result.values().get("mode"));
    assertEquals("1", result.values().get("filters"));
    assertEquals("94", result.values().get("processId"));
  }

  @Test
  void brokenStatusFilesAreFailuresNotCrashes() throws IOException {
    status(95, "Name:\tsleep\nCapPrm:\t0\nCapBnd:\t0\n");
    status(96, RECORDED.replace("CapEff:\t0000000020000421", "CapEff:\tnot-hex"));
    status(97, RECORDED.replace("CapEff:\t0000000020000421", "CapEff:\t-1"));
    status(98, "Name:\tsleep\n");
    lab.process(99, "0 1001 1\n", Map.of()); // no status file at all

    assertTrue(run("capabilities", "95").actual().contains("has no CapEff: line"));
    assertTrue(run("capabilities", "96").actual().contains("CapEff is not a hex mask: not-hex"));
    assertTrue(run("capabilities", "97").actual().contains("CapEff is not a hex mask: -1"));
    ProbeResult noLine = run("seccomp", "98");
    assertFalse(noLine.passed());
    assertEquals("not shown", noLine.values().get("mode"));
    ProbeResult gone = run("capabilities", "99");
    assertFalse(gone.passed());
    assertTrue(gone.actual().contains("has it just exited?"), gone.actual());
    assertFalse(run("seccomp", "99").passed());
    ProbeResult noProcess = run("seccomp", "12345");
    assertFalse(noProcess.passed());
    assertTrue(noProcess.actual().contains("is not running"), noProcess.actual());
  }
}
