package dev.rootlessctr.lesson;

import java.util.List;
import java.util.Set;

/**
 * One step of a lesson: what to read, what to run, what must be true afterwards.
 *
 * @param line the 1-based line of the step's heading, for messages
 * @param text shown for the step (without its check, explanation or hints); quotes built-ins only
 * @param commands the shell lines {@code :run} runs, in order
 * @param edits JSON edits {@code :run} applies before the commands
 * @param expectations what the check verifies; all must hold
 * @param whileRunning expectations sampled from outside while the command runs (a container seen as
 *     a second terminal would see it); each must hold at some moment, or after the command
 * @param explanation shown once the check passes; its placeholders quote measured values
 * @param hints revealed one at a time
 * @param mistakes known error messages and what they mean
 * @param inside the lines a {@code console} block shows typed at the container's prompt ({@code / #
 *     }): what the learner types inside, never run on the host
 * @param recap one line for the end of the course: what this step showed, quoting the values its
 *     check measured
 * @param needs what this one step needs from the host beyond its lesson's needs (a {@code needs:}
 *     directive under its heading); where the host lacks it, the step is skipped, not failed
 * @param cannot the lesson's words for a host that cannot do this step ({@code ### If the host
 *     cannot}); quotes built-ins only
 */
public record Step(
    int number,
    String title,
    int line,
    Prose text,
    List<Command> commands,
    List<JsonEdit> edits,
    List<Expectation> expectations,
    List<Expectation> whileRunning,
    Prose explanation,
    List<Prose> hints,
    List<Mistake> mistakes,
    List<Command> inside,
    Prose recap,
    Set<Requirement> needs,
    Prose cannot) {

  public Step(
      int number,
      String title,
      int line,
      Prose text,
      List<Command> commands,
      List<JsonEdit> edits,
      List<Expectation> expectations,
      List<Expectation> whileRunning,
      Prose explanation,
      List<Prose> hints,
      List<Mistake> mistakes) {
    this(
        number,
        title,
        line,
        text,
        commands,
        edits,
        expectations,
        whileRunning,
        explanation,
        hints,
        mistakes,
        List.of(),
        Prose.empty(line),
        Set.of(),
        Prose.empty(line));
  }

  public Step {
    inside = List.copyOf(inside);
    commands = List.copyOf(commands);
    edits = List.copyOf(edits);
    expectations = List.copyOf(expectations);
    whileRunning = List.copyOf(whileRunning);
    hints = List.copyOf(hints);
    mistakes = List.copyOf(mistakes);
    needs = Set.copyOf(needs);
  }

  /** This step with other checks (the same ones read with a learner's names). */
  public Step withChecks(List<Expectation> newExpectations, List<Expectation> newWhileRunning) {
    return new Step(
        number,
        title,
        line,
        text,
        commands,
        edits,
        newExpectations,
        newWhileRunning,
        explanation,
        hints,
        mistakes,
        inside,
        recap,
        needs,
        cannot);
  }

  /** A step with nothing to check is done once read. */
  public boolean isReading() {
    return expectations.isEmpty() && whileRunning.isEmpty();
  }
}
