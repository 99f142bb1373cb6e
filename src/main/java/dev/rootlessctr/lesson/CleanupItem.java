package dev.rootlessctr.lesson;

import java.util.Locale;

/**
 * Something a lesson creates that {@code :reset} and leaving the shell remove. The parser only
 * accepts targets that stay in the lab, or files in the learner's home named one by one (see {@link
 * LabPaths}).
 *
 * @param target for {@link Kind#PATH}, a path relative to the lab or {@code ~/NAME} in the
 *     learner's home; for {@link Kind#CONTAINER}, a runc container id; for {@link Kind#PROCESS}, a
 *     program name
 */
public record CleanupItem(Kind kind, String target, int line) {

  /** What a cleanup directive removes. */
  public enum Kind {
    /** A file or directory in the lab, or one named in the learner's home. */
    PATH,
    /** A runc container in the course's state directory. */
    CONTAINER,
    /**
     * A program a lesson's line left running in the background (slirp4netns): only the processes of
     * that name that lines of this shell started are stopped.
     */
    PROCESS;

    /** The word a lesson writes: {@code path}, {@code container} or {@code process}. */
    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
