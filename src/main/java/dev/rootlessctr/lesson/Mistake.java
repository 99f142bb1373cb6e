package dev.rootlessctr.lesson;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A known error: when a command's output contains {@code pattern}, show {@code explanation}.
 *
 * @param when the situation the explanation is true in, e.g. {@code registry -> [offline]} (written
 *     {@code (registry: offline)} after the pattern); empty means always
 */
public record Mistake(String pattern, Prose explanation, int line, Map<String, Set<String>> when) {

  public Mistake {
    when = Map.copyOf(when);
  }

  public Mistake(String pattern, Prose explanation, int line) {
    this(pattern, explanation, line, Map.of());
  }

  /**
   * Whether the explanation holds in {@code situation} (name to value, e.g. registry -> online).
   */
  public boolean fits(Map<String, String> situation) {
    return when.entrySet().stream()
        .allMatch(
            e ->
                situation.containsKey(e.getKey())
                    && e.getValue().contains(situation.get(e.getKey())));
  }

  /** The situation names a lesson may use in {@code (name: value)}. */
  public static final List<String> SITUATIONS = List.of("registry");
}
