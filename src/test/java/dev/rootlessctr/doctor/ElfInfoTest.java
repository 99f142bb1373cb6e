package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfInfoTest {

  @TempDir Path dir;

  @Test
  void aProgramWithoutInterpreterIsStatic() throws Exception {
    Path file = Files.write(dir.resolve("static"), ElfBytes.elf64(null));
    ElfInfo info = ElfInfo.read(file).orElseThrow();
    assertEquals(64, info.bits());
    assertTrue(info.isStatic());
  }

  @Test
  void theInterpreterIsReadFromPtInterp() throws Exception {
    Path file = Files.write(dir.resolve("dynamic"), ElfBytes.elf64("/lib64/ld-linux-x86-64.so.2"));
    assertEquals(
        Optional.of("/lib64/ld-linux-x86-64.so.2"), ElfInfo.read(file).orElseThrow().interpreter());
  }

  @Test
  void thirtyTwoBitBigEndianIsRead() throws Exception {
    Path file = Files.write(dir.resolve("mips"), ElfBytes.elf32BigEndian("/lib/ld.so.1"));
    ElfInfo info = ElfInfo.read(file).orElseThrow();
    assertEquals(32, info.bits());
    assertEquals(Optional.of("/lib/ld.so.1"), info.interpreter());
  }

  @Test
  void scriptsAndTruncatedFilesAreNotElf() throws Exception {
    assertTrue(ElfInfo.read(Files.writeString(dir.resolve("s"), "#!/bin/sh\n")).isEmpty());
    assertTrue(ElfInfo.read(Files.write(dir.resolve("t"), new byte[] {0x7f, 'E'})).isEmpty());
  }

  @Test
  void theRealMachinesBusyboxIsStaticAndItsShellIsNot() throws Exception {
    Path busybox = Path.of("/bin/busybox");
    assumeTrue(Files.isRegularFile(busybox), "busybox-static is installed on the course machine");
    assertTrue(ElfInfo.read(busybox).orElseThrow().isStatic());
    Path dash = Path.of("/bin/dash").toRealPath();
    assertFalse(ElfInfo.read(dash).orElseThrow().isStatic());
  }
}
