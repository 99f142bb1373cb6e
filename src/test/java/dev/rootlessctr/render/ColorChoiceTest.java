package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColorChoiceTest {

  @Test
  void colourDegradesUnderNoColorDumbTerminalsAndPipes() {
    assertTrue(
        ColorChoice.wanted(ColorMode.AUTO, Map.of("TERM", "xterm-256color"), "xterm-256color"));
    assertFalse(ColorChoice.wanted(ColorMode.AUTO, Map.of("NO_COLOR", "1"), "xterm-256color"));
    assertTrue(
        ColorChoice.wanted(ColorMode.AUTO, Map.of("NO_COLOR", ""), "xterm"),
        "an empty NO_COLOR does not count (no-color.org)");
    assertFalse(ColorChoice.wanted(ColorMode.AUTO, Map.of("TERM", "dumb"), "dumb"));
    assertFalse(ColorChoice.wanted(ColorMode.AUTO, Map.of(), null), "not a terminal");
    assertTrue(
        ColorChoice.wanted(ColorMode.ALWAYS, Map.of("NO_COLOR", "1"), null),
        "an explicit option wins");
    assertFalse(ColorChoice.wanted(ColorMode.NEVER, Map.of(), "xterm"));
  }
}
