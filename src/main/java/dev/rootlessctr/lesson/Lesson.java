package dev.rootlessctr.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One lesson file.
 *
 * @param number position in the course, from 1
 * @param id the file name without its order prefix and extension ({@code pull} for {@code
 *     01-pull.md})
 * @param intro shown when the lesson opens, before its first step
 * @param needs host requirements the steps rely on, from the lesson's {@code needs:} tags
 * @param cleanup what the lesson may create outside the lab directory, removed by {@code :reset}
 */
public record Lesson(
    int number,
    String id,
    String fileStem,
    Path file,
    String title,
    Prose intro,
    List<Step> steps,
    Set<Requirement> needs,
    List<CleanupItem> cleanup) {

  public Lesson {
    steps = List.copyOf(steps);
    needs = Set.copyOf(needs);
    cleanup = List.copyOf(cleanup);
  }

  /** Whether the lesson, or one of its steps, needs {@code requirement}. */
  public boolean uses(Requirement requirement) {
    return needs.contains(requirement)
        || steps.stream().anyMatch(s -> s.needs().contains(requirement));
  }
}
