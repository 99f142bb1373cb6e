package dev.rootlessctr.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The result of a step's check: every expectation's result and the values they measured. */
public record CheckReport(List<ExpectationResult> results, Map<String, String> values) {

  public CheckReport {
    results = List.copyOf(results);
    values = Map.copyOf(values);
  }

  public boolean passed() {
    return results.stream().allMatch(ExpectationResult::passed);
  }

  public Optional<ExpectationResult> firstFailure() {
    return results.stream().filter(r -> !r.passed()).findFirst();
  }
}
