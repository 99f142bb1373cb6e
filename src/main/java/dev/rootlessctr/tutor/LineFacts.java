package dev.rootlessctr.tutor;

import dev.rootlessctr.check.Observations;
import dev.rootlessctr.exec.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one line once it ran.
 *
 * @param matches the steps whose commands it matches (from {@link LineMatcher}, before it ran)
 * @param seen what was seen from outside while it ran, for each step that was watched
 * @param known the learner's names from earlier lines
 */
public record LineFacts(
    String line,
    Outcome outcome,
    Path cwd,
    Map<String, String> env,
    List<Match> matches,
    Map<Position, Observations> seen,
    Bindings known) {

  public LineFacts {
    env = Map.copyOf(env);
    matches = List.copyOf(matches);
    seen = Map.copyOf(seen);
  }

  Observations seen(Position p) {
    return seen.getOrDefault(p, Observations.none());
  }
}
