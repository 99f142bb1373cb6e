package dev.rootlessctr.shell;

import java.util.Optional;

/**
 * Told where the learner stands whenever that changes: a step credited, a move, a known mistake.
 * Called on the shell's own thread, so it must return at once.
 */
@FunctionalInterface
public interface ProgressListener {

  void changed(Standing standing);

  /**
   * Where the learner stands.
   *
   * @param done steps with a check that are done, over the whole course, of {@code total}
   * @param mistake the pattern of the last known mistake the tutor recognised, if any
   * @param mistakeRepeats how many times in a row it came at the current step
   */
  record Standing(
      String course,
      int lessonNumber,
      String lessonTitle,
      int step,
      int steps,
      String stepTitle,
      boolean stepDone,
      int done,
      int total,
      Optional<String> mistake,
      int mistakeRepeats) {}

  static ProgressListener none() {
    return standing -> {};
  }
}
