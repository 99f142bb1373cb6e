package dev.rootlessctr.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

  @TempDir Path dir;

  private void append(Path log, byte[] bytes) throws Exception {
    Files.write(log, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void append(Path log, String text) throws Exception {
    append(log, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void handsOnTheCommandsOutputWithoutScriptsHeaderAndTrailer() throws Exception {
    Path log = dir.resolve("typescript");
    StringBuilder seen = new StringBuilder();
    LogTail tail = new LogTail(log, seen::append);
    tail.poll(); // nothing written yet
    append(
        log,
        "Script started on 2026-12-01 15:32:50+00:00 [COMMAND=\"echo hi\" <not executed on"
            + " terminal>]\n"
            + "h");
    tail.poll();
    assertEquals("h", seen.toString());
    append(log, "i\r\n");
    tail.poll();
    append(log, "\nScript done on 2026-12-01 15:32:50+00:00 [COMMAND_EXIT_CODE=\"0\"]\n");
    tail.finish();
    assertEquals("hi\r\n", seen.toString());
  }

  @Test
  void aHeaderWrittenInPiecesAndACharacterCutInTwoAreNeverHandedOnHalf() throws Exception {
    Path log = dir.resolve("typescript");
    StringBuilder seen = new StringBuilder();
    LogTail tail = new LogTail(log, seen::append);
    append(log, "Script sta");
    tail.poll();
    assertEquals("", seen.toString());
    append(log, "rted on now\n");
    byte[] check = "\u2714 done\n".getBytes(StandardCharsets.UTF_8);
    append(log, new byte[] {check[0], check[1]});
    tail.poll();
    assertEquals("", seen.toString());
    append(log, java.util.Arrays.copyOfRange(check, 2, check.length));
    tail.poll();
    tail.finish();
    assertEquals("\u2714 done\n", seen.toString());
  }
}
