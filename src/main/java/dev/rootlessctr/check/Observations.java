package dev.rootlessctr.check;

import dev.rootlessctr.lesson.Expectation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the shell saw from outside while a command ran: the best result of each "while it runs"
 * expectation (the first that passed, else the last that failed) and the values measured then.
 * Results keep the lesson's order, which is the order the shell reports them in.
 */
public record Observations(
    Map<Expectation, ExpectationResult> results, Map<String, String> values) {

  public Observations {
    results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    values = Map.copyOf(values);
  }

  public static Observations none() {
    return new Observations(Map.of(), Map.of());
  }
}
