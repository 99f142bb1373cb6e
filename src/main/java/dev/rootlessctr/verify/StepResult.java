package dev.rootlessctr.verify;

import java.time.Duration;
import java.util.List;

/**
 * How one step fared.
 *
 * @param number 1-based position in the whole run, as TAP counts
 * @param lesson the lesson's id, e.g. {@code spec}
 * @param step the step's number in its lesson
 * @param title the step's title
 * @param verdict passed, failed or skipped
 * @param time how long its commands and check took
 * @param reasons why it failed or was skipped, one line each; empty when it passed
 * @param output what its commands printed, for the failure's details
 */
public record StepResult(
    int number,
    String lesson,
    int step,
    String title,
    Verdict verdict,
    Duration time,
    List<String> reasons,
    String output) {

  /** The outcome of a step. */
  public enum Verdict {
    PASSED,
    FAILED,
    SKIPPED
  }

  public StepResult {
    reasons = List.copyOf(reasons);
  }

  /** {@code spec/1 Generate a rootless spec}. */
  public String name() {
    return lesson + "/" + step + " " + title;
  }

  /** Seconds with two decimals, as the report lines and JUnit show them. */
  public String seconds() {
    return String.format(java.util.Locale.ROOT, "%.2f", time.toMillis() / 1000.0);
  }
}
