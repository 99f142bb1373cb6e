package dev.rootlessctr.verify;

import java.util.List;

/** How many steps passed, failed and were skipped. */
record Tally(int passed, int failed, int skipped) {

  static Tally of(List<StepResult> results) {
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (StepResult result : results) {
      switch (result.verdict()) {
        case PASSED -> passed++;
        case FAILED -> failed++;
        case SKIPPED -> skipped++;
      }
    }
    return new Tally(passed, failed, skipped);
  }

  /** {@code 9 passed, 0 failed, 1 skipped}; the skipped part only when there are some. */
  String summary() {
    return passed
        + " passed, "
        + failed
        + " failed"
        + (skipped > 0 ? ", " + skipped + " skipped" : "");
  }
}
