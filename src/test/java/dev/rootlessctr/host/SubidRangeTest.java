package dev.rootlessctr.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubidRangeTest {

  // This machine's /etc/subuid, as useradd wrote it.
  static final String SUBUID =
      "rctr-learner:100000:65536\nrctr-learner2:165536:65536\nlearner:231072:65536\n";

  @Test
  void theUsersFirstLineByName() {
    assertEquals(
        Optional.of(new SubidRange(165536, 65536)),
        SubidRange.first(SUBUID, "rctr-learner2", 1002));
  }

  @Test
  void aLineMayNameTheUserByUid() {
    assertEquals(
        Optional.of(new SubidRange(300000, 10)),
        SubidRange.first("1005:300000:10\n", "someone", 1005));
  }

  @Test
  void brokenLinesAreSkippedNotFatal() {
    String text =
        "# comment\nrctr-learner\nrctr-learner:abc:65536\nrctr-learner:100000:0\n"
            + "rctr-learner:4294967290:65536\nrctr-learner:1:2:3\nrctr-learner:200000:5\n";
    assertEquals(Optional.of(new SubidRange(200000, 5)), SubidRange.first(text, "rctr-learner", 1));
    assertEquals(Optional.empty(), SubidRange.first("", "rctr-learner", 1));
    assertEquals(Optional.empty(), SubidRange.first(SUBUID, "nobody-here", 77));
  }

  @Test
  void aMissingFileIsNoRange(@TempDir Path temp) {
    assertEquals(Optional.empty(), SubidRange.read(temp.resolve("subuid"), "rctr-learner", 1001));
  }

  @Test
  void containsIsHalfOpen() {
    SubidRange range = new SubidRange(100000, 65536);
    assertTrue(range.contains(100000));
    assertTrue(range.contains(165535));
    assertFalse(range.contains(165536));
    assertFalse(range.contains(99999));
    assertEquals("100000:65536", range.text());
  }

  @Test
  void anImpossibleRangeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new SubidRange(0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SubidRange(4294967295L, 1));
  }
}
