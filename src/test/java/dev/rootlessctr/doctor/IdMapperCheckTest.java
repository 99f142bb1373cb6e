package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdMapperCheckTest {

  @TempDir Path tree;

  @Test
  void missingHelpersAreOnlyAWarningThatExplainsTheSingleMapping() {
    Finding finding = FakeHost.healthy(tree).run(new IdMapperCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals("newuidmap not installed; newgidmap not installed", finding.seen());
    assertTrue(finding.why().contains("single mapping"), finding.why());
    assertEquals(
        "Optional; for multi-id mappings install them:\n"
            + "  sudo apt-get update && sudo apt-get install -y uidmap",
        finding.fix());
    assertEquals(List.of("uidmap"), finding.packages());
  }

  @Test
  void onFedoraTheyComeWithShadowUtils() {
    FakeHost host = FakeHost.healthy(tree);
    host.file("/etc/os-release", FakeHost.FEDORA);
    assertEquals(List.of("shadow-utils"), host.run(new IdMapperCheck()).packages());
  }

  @Test
  void helpersWithoutPrivilegeAreAWarning() {
    FakeHost host = FakeHost.healthy(tree);
    host.script("/usr/bin/newuidmap", "exit 1").script("/usr/bin/newgidmap", "exit 1");
    Finding finding = host.run(new IdMapperCheck());
    assertEquals(Status.WARN, finding.status());
    assertEquals(
        "/usr/bin/newuidmap has neither setuid nor cap_setuid;"
            + " /usr/bin/newgidmap has neither setuid nor cap_setgid",
        finding.seen());
  }

  @Test
  void fileCapabilitiesReportedByGetcapPass() {
    FakeHost host = FakeHost.healthy(tree);
    host.script("/usr/bin/newuidmap", "exit 1").script("/usr/bin/newgidmap", "exit 1");
    host.script(
        "/usr/sbin/getcap",
        "case \"$1\" in\n"
            + "  *newuidmap) echo \"$1 cap_setuid=ep\";;\n"
            + "  *newgidmap) echo \"$1 cap_setgid=ep\";;\nesac");
    Finding finding = host.run(new IdMapperCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "/usr/bin/newuidmap (file capability cap_setuid=ep);"
            + " /usr/bin/newgidmap (file capability cap_setgid=ep)",
        finding.seen());
  }

  @Test
  void setuidRootHelpersPass() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    assumeTrue(host.builderUid == 0, "only root can make a setuid-root file");
    host.script("/usr/bin/newuidmap", "exit 1").script("/usr/bin/newgidmap", "exit 1");
    for (String tool : List.of("newuidmap", "newgidmap")) {
      Files.setAttribute(host.path("/usr/bin/" + tool), "unix:mode", 04755);
    }
    Finding finding = host.run(new IdMapperCheck());
    assertEquals(Status.PASS, finding.status());
    assertEquals(
        "/usr/bin/newuidmap (setuid root); /usr/bin/newgidmap (setuid root)", finding.seen());
  }
}
