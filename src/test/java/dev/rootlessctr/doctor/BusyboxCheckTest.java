package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyboxCheckTest {

  @TempDir Path tree;

  @Test
  void missingBusyboxOnDebianAsksForBusyboxStatic() {
    Finding finding = FakeHost.healthy(tree).run(new BusyboxCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals("/bin/busybox does not exist", finding.seen());
    assertEquals(List.of("busybox-static"), finding.packages());
    assertEquals(
        "Install the static BusyBox (busybox-static replaces the dynamically linked busybox"
            + " package):\n"
            + "  sudo apt-get update && sudo apt-get install -y busybox-static",
        finding.fix());
  }

  @Test
  void onFedoraThePackageIsBusybox() {
    FakeHost host = FakeHost.healthy(tree);
    host.file("/etc/os-release", FakeHost.FEDORA);
    Finding finding = host.run(new BusyboxCheck());
    assertEquals(List.of("busybox"), finding.packages());
    assertEquals("Install it:\n  sudo dnf install -y busybox", finding.fix());
  }

  @Test
  void aDynamicBusyboxFailsNamingItsLoader() throws Exception {
    FakeHost host = FakeHost.healthy(tree);
    Files.createDirectories(host.path("/bin"));
    Files.write(host.path("/bin/busybox"), ElfBytes.elf64("/lib64/ld-linux-x86-64.so.2"));
    Finding finding = host.run(new BusyboxCheck());
    assertEquals(Status.FAIL, finding.status());
    assertEquals(
        "/bin/busybox is dynamically linked (it asks for the loader"
            + " /lib64/ld-linux-x86-64.so.2): this is not the static BusyBox",
        finding.seen());
    assertEquals(List.of("busybox-static"), finding.packages());
  }

  @Test
  void aScriptNamedBusyboxIsNotTheProgram() {
    FakeHost host = FakeHost.healthy(tree).script("/bin/busybox", "echo BusyBox v1.0");
    Finding finding = host.run(new BusyboxCheck());
    assertEquals(Status.FAIL, finding.status());
    assertTrue(finding.seen().contains("is not an ELF program"), finding.seen());
  }

  @Test
  void theRealStaticBusyboxPasses() throws Exception {
    Path real = Path.of("/bin/busybox");
    assumeTrue(Files.isRegularFile(real), "busybox-static is installed on the course machine");
    FakeHost host = FakeHost.healthy(tree);
    Files.createDirectories(host.path("/bin"));
    Files.copy(real, host.path("/bin/busybox"));
    Finding finding = host.run(new BusyboxCheck());
    assertEquals(Status.PASS, finding.status());
    assertTrue(
        finding.seen().matches("static BusyBox v1\\.\\d+\\.\\d+ at /bin/busybox"), finding.seen());
  }
}
