package dev.rootlessctr.exec;

import java.util.regex.Pattern;

/** Turns what a terminal showed into text a check can match: no escape sequences, no CRs. */
public final class TerminalText {

  private static final Pattern ESCAPES =
      Pattern.compile(
          "\u001B\\[[0-?]*["
              + " -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]");

  private TerminalText() {}

  public static String clean(String raw) {
    String text = ESCAPES.matcher(raw).replaceAll("");
    text = text.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n", -1)) {
      int cr = line.lastIndexOf('\r');
      // A bare CR returns to the start of the line: what follows overwrote what came before.
      out.append(
              cr >= 0 && cr < line.length() - 1 ? line.substring(cr + 1) : line.replace("\r", ""))
          .append('\n');
    }
    return out.substring(0, out.length() - 1);
  }
}
