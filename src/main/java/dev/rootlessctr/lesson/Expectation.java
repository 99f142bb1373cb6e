package dev.rootlessctr.lesson;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One thing a step's check verifies. Written in a lesson as a list item under {@code ### Check}: a
 * keyword, then its arguments in code spans (see {@code lessons/README.md}).
 */
public sealed interface Expectation {

  /** The 1-based line in the lesson file. */
  int line();

  /** The command's exit status: a number, or any non-zero status when {@code status} is empty. */
  record ExitStatus(Integer status, int line) implements Expectation {
    public boolean nonZero() {
      return status == null;
    }
  }

  /** The command's output (stdout and stderr together) contains {@code text}. */
  record OutputContains(String text, boolean negated, int line) implements Expectation {}

  /** Some line of the command's output matches {@code pattern}. */
  record OutputMatches(Pattern pattern, int line) implements Expectation {}

  /** A path, relative to the learner's directory, exists (as the kind given) or does not. */
  record PathState(String path, Kind kind, int line) implements Expectation {
    /** What must be at the path. */
    public enum Kind {
      FILE,
      DIRECTORY,
      ANY,
      MISSING
    }
  }

  /**
   * The value at a JSON Pointer of a JSON file equals {@code expected} (a JSON literal), or, when
   * {@code expected} is null, is present.
   */
  record JsonValue(String file, String pointer, String expected, int line) implements Expectation {}

  /**
   * A named state probe passes; its measured values become {@code {{name.key}}} for explanations.
   */
  record ProbeCall(String name, List<String> args, int line) implements Expectation {
    public ProbeCall {
      args = List.copyOf(args);
    }
  }
}
