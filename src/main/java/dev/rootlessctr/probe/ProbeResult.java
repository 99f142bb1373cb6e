package dev.rootlessctr.probe;

import java.util.Map;

/**
 * What a probe saw.
 *
 * @param passed whether the state is what the probe's name promises
 * @param expected what a passing state looks like, in words for the learner
 * @param actual what was really there, in words for the learner
 * @param values measured values, by name, that explanations may quote (e.g. {@code hostID})
 */
public record ProbeResult(
    boolean passed, String expected, String actual, Map<String, String> values) {

  public ProbeResult {
    values = Map.copyOf(values);
  }

  public static ProbeResult pass(String expected, String actual, Map<String, String> values) {
    return new ProbeResult(true, expected, actual, values);
  }

  public static ProbeResult fail(String expected, String actual) {
    return new ProbeResult(false, expected, actual, Map.of());
  }
}
