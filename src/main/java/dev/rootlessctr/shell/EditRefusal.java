package dev.rootlessctr.shell;

import dev.rootlessctr.edit.JsonEditor.Refused;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.JsonEdit;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one line {@code :run} prints when it cannot make a lesson's JSON edit: what is wrong with the
 * file, and how to get a good one back, from the course itself: the step whose check wants that
 * file to exist and whose command makes it (lesson 3's {@code runc spec} for config.json).
 */
final class EditRefusal {

  private EditRefusal() {}

  /**
   * @param shown the file as the learner knows it (their bundle name, not the lesson's)
   * @param words fills a lesson's text for this learner (placeholders, the names they chose)
   */
  static String message(
      Refused refused,
      String shown,
      JsonEdit edit,
      Lesson current,
      Course course,
      UnaryOperator<String> words) {
    String what = "cannot edit: " + shown + " " + refused.problem() + ".";
    if (refused.kind() == Refused.Kind.LESSON) {
      return what
          + " This is a mistake in "
          + current.file().getFileName()
          + " (line "
          + edit.line()
          + "), not yours.";
    }
    if (refused.kind() == Refused.Kind.WRONG_SHAPE) {
      return what
          + " Fix that part by hand"
          + maker(course, refused.file(), words)
              .map(m -> ", or remove the file and make it again with " + m)
              .orElse("")
          + ".";
    }
    Optional<String> maker = maker(course, refused.file(), words);
    String remove =
        refused.kind() == Refused.Kind.MISSING
            ? "Make it"
            : "Remove it (rm " + shown + ") and make it again";
    return what
        + " "
        + remove
        + maker.map(m -> " with " + m).orElse(" the way you made it first")
        + ", then :run here again.";
  }

  /**
   * The command, lesson and step that make {@code file}, e.g. {@code `runc spec ...` (lesson 3,
   * step 1)}.
   */
  private static Optional<String> maker(Course course, String file, UnaryOperator<String> words) {
    for (Lesson lesson : course.lessons()) {
      for (Step step : lesson.steps()) {
        boolean makesIt =
            !step.commands().isEmpty()
                && step.expectations().stream()
                    .anyMatch(
                        e ->
                            e instanceof Expectation.PathState state
                                && state.path().equals(file)
                                && state.kind() != Expectation.PathState.Kind.MISSING);
        if (makesIt) {
          String command = words.apply(step.commands().get(0).text());
          return Optional.of(
              "`" + command + "` (lesson " + lesson.number() + ", step " + step.number() + ")");
        }
      }
    }
    return Optional.empty();
  }
}
