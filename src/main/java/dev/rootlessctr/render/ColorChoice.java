package dev.rootlessctr.render;

import java.util.Map;

/** Whether to colour: the learner's setting first, then NO_COLOR and dumb terminals say no. */
public final class ColorChoice {

  private ColorChoice() {}

  /**
   * @param setting the {@code --color} choice
   * @param terminalType the terminal's type, or null when output is not a terminal
   */
  public static boolean wanted(ColorMode setting, Map<String, String> env, String terminalType) {
    if (setting == ColorMode.ALWAYS) {
      return true;
    }
    if (setting == ColorMode.NEVER || terminalType == null) {
      return false;
    }
    String noColor = env.get("NO_COLOR");
    boolean dumb = terminalType.startsWith("dumb") || "dumb".equals(env.get("TERM"));
    return (noColor == null || noColor.isEmpty()) && !dumb;
  }
}
