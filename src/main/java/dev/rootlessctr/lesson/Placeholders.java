package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one definition of a {@code {{name}}} placeholder: its syntax, the values every lesson may
 * quote without a probe, and filling it in plain text (shell lines, JSON edits, probe arguments).
 * Prose gets its placeholders as {@link Placeholder} nodes instead, filled when rendered.
 */
public final class Placeholders {

  /** Names the shell always provides. */
  public static final Set<String> BUILT_IN =
      Set.of(
          "user",
          "uid",
          "gid",
          "home",
          "lab",
          "runc_root",
          "exit",
          "cwd",
          "editor",
          "subuid_start",
          "subuid_count",
          "subgid_start",
          "subgid_count");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*}}");

  private Placeholders() {}

  /** A piece of text: literal, or the name of a placeholder. */
  record Part(String text, boolean placeholder) {}

  /** {@code text} cut into literal runs and placeholder names, in order. */
  static List<Part> split(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    int at = 0;
    while (matcher.find()) {
      if (matcher.start() > at) {
        parts.add(new Part(text.substring(at, matcher.start()), false));
      }
      parts.add(new Part(matcher.group(1), true));
      at = matcher.end();
    }
    if (at < text.length()) {
      parts.add(new Part(text.substring(at), false));
    }
    return parts;
  }

  /** Whether {@code text} quotes any value. */
  static boolean any(String text) {
    return text.contains("{{") && PLACEHOLDER.matcher(text).find();
  }

  /**
   * Fills the placeholders of a plain-text line (a command, a JSON edit): each value is inserted as
   * it is, never scanned again. A name without a value stays as written, so a shell line shows the
   * gap instead of running with an empty word; the lesson's load checks make that rare.
   */
  public static String fill(String text, Map<String, String> values) {
    if (!text.contains("{{")) {
      return text;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
