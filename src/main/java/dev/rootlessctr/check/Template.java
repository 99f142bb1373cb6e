package dev.rootlessctr.check;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{name}}} in an explanation with values a check measured. */
public final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*}}");

  private Template() {}

  /** Unknown names stay visible as {@code {{name?}}} so a lesson bug shows instead of hiding. */
  public static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      String replacement = value != null ? value : "{{" + matcher.group(1) + "?}}";
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
