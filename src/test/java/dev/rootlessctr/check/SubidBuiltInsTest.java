package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubidBuiltInsTest {

  @TempDir Path temp;

  @Test
  void bothRangesOfTheLearner() throws IOException {
    Path subuid =
        Files.writeString(temp.resolve("subuid"), "other:1:5\nrctr-learner:100000:65536\n");
    Path subgid = Files.writeString(temp.resolve("subgid"), "rctr-learner:200000:1000\n");

    assertEquals(
        Map.of(
            "subuid_start", "100000",
            "subuid_count", "65536",
            "subgid_start", "200000",
            "subgid_count", "1000"),
        SubidBuiltIns.of(subuid, subgid, "rctr-learner", 1001));
  }

  @Test
  void noLineNoValue() throws IOException {
    Path subuid = Files.writeString(temp.resolve("subuid"), "other:1:5\n");

    assertEquals(Map.of(), SubidBuiltIns.of(subuid, temp.resolve("missing"), "rctr-learner", 1001));
  }
}
