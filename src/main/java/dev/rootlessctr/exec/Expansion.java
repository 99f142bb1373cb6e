package dev.rootlessctr.exec;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ~}, {@code $NAME} and {@code ${NAME}} in a lesson argument; no other shell syntax.
 */
public final class Expansion {

  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{(\\w+)}|(\\w+))");

  private Expansion() {}

  public static String expand(String word, Map<String, String> env) {
    String home = env.getOrDefault("HOME", "");
    String expanded = word;
    if (expanded.equals("~")) {
      expanded = home;
    } else if (expanded.startsWith("~/")) {
      expanded = home + expanded.substring(1);
    }
    Matcher matcher = VARIABLE.matcher(expanded);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      matcher.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, "")));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
