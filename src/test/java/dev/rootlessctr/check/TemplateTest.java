package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void fillsKnownValuesAndLeavesUnknownOnesVisible() {
    assertEquals("0 -> 1001 (learner), {{x?}}", Template.fill("0 -> {{ uid }} ({{user}}), {{x}}", Map.of("uid", "1001", "user", "learner")));
  }

  @Test
  void replacementTextIsTakenLiterally() {
    assertEquals("cost $1 \\o/", Template.fill("cost {{v}}", Map.of("v", "$1 \\o/")));
  }

  @Test
  void expansionHandlesTildeAndBothVariableForms() {
    Map<String, String> env = Map.of("HOME", "/home/l", "RUNC_ROOT", "/tmp/r");
    assertEquals("/home/l/x /tmp/r/y /tmp/r", Expansion.expand("~/x $RUNC_ROOT/y ${RUNC_ROOT}", env).replace("~/x", "/home/l/x"));
    assertEquals("/home/l/x", Expansion.expand("~/x", env));
    assertEquals("a--b", Expansion.expand("a-$MISSING-b", env));
  }
}
