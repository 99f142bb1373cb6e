package dev.rootlessctr.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  @Test
  void fillsPlainTextAndLeavesAnUnknownNameAsWritten() {
    assertEquals(
        "0 -> 1001 (learner), {{x}}",
        Placeholders.fill(
            "0 -> {{ uid }} ({{user}}), {{x}}", Map.of("uid", "1001", "user", "learner")));
  }

  @Test
  void aValueIsInsertedAsItIsAndNeverScannedAgain() {
    assertEquals(
        "cost $1 \\o/ {{uid}}",
        Placeholders.fill("cost {{v}}", Map.of("v", "$1 \\o/ {{uid}}", "uid", "WRONG")));
  }

  @Test
  void splitsTextIntoLiteralsAndNames() {
    assertEquals(
        List.of(
            new Placeholders.Part("a ", false),
            new Placeholders.Part("probe.key", true),
            new Placeholders.Part(" b {{ not one }}", false)),
        Placeholders.split("a {{probe.key}} b {{ not one }}"));
  }
}
