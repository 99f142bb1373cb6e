package dev.rootlessctr.lesson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The probes a shell has and the values each measures, as data, so a lesson's probe calls and
 * {@code {{probe.key}}} quotes are checked when it loads without this package knowing the probes.
 *
 * @param valueNames each probe's name and the names of the values it measures; an empty list means
 *     the probe does not declare them and any key is accepted
 * @param checked false for {@link #ANY}: probe names and keys are not checked at all
 */
public record ProbeCatalog(Map<String, List<String>> valueNames, boolean checked) {

  /**
   * No catalog: only what the lesson itself shows (a quote of a probe its step calls) is checked.
   */
  public static final ProbeCatalog ANY = new ProbeCatalog(Map.of(), false);

  public ProbeCatalog {
    TreeMap<String, List<String>> copy = new TreeMap<>();
    valueNames.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    valueNames = java.util.Collections.unmodifiableMap(copy);
  }

  /** The shell's probes: probe name to the values it measures. */
  public static ProbeCatalog of(Map<String, List<String>> valueNames) {
    return new ProbeCatalog(valueNames, true);
  }

  /** Whether a lesson may call a probe of this name. */
  boolean has(String probe) {
    return !checked || valueNames.containsKey(probe);
  }

  /** The values {@code probe} declares, empty when any key is accepted. */
  Optional<List<String>> declared(String probe) {
    List<String> values = valueNames.get(probe);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values);
  }
}
