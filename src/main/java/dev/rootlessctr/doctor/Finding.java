package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.util.List;
import java.util.Objects;

/**
 * One diagnosed fact about the host, worded for a newcomer.
 *
 * @param id stable identifier for scripts, e.g. {@code userns}
 * @param title short name shown in the table, e.g. {@code User namespaces}
 * @param status whether it passes, deserves a warning or blocks
 * @param requirement the requirement it concerns; lessons needing it are affected
 * @param checked what was looked at, e.g. {@code /proc/sys/user/max_user_namespaces}
 * @param seen what was found there, in words
 * @param why why it matters for rootless containers; empty when it passes
 * @param fix what to do about it on the learner's distribution; empty when nothing is needed
 * @param packages distribution packages whose installation fixes it; empty when none would
 */
public record Finding(
    String id,
    String title,
    Status status,
    Requirement requirement,
    String checked,
    String seen,
    String why,
    String fix,
    List<String> packages) {

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(checked, "checked");
    Objects.requireNonNull(seen, "seen");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(fix, "fix");
    packages = List.copyOf(packages);
  }

  /**
   * Starts a finding; finish it with {@link Draft#pass}, {@link Draft#warn} or {@link Draft#fail}.
   */
  static Draft about(String id, String title, Requirement requirement, String checked) {
    return new Draft(id, title, requirement, checked);
  }

  /** Whether this finding stops the lessons that need its requirement. */
  public boolean blocks() {
    return status == Status.FAIL;
  }

  /** The identity of a finding before its outcome is known. */
  record Draft(String id, String title, Requirement requirement, String checked) {

    Finding pass(String seen) {
      return new Finding(id, title, Status.PASS, requirement, checked, seen, "", "", List.of());
    }

    Finding warn(String seen, String why, String fix) {
      return new Finding(id, title, Status.WARN, requirement, checked, seen, why, fix, List.of());
    }

    Finding fail(String seen, String why, String fix) {
      return new Finding(id, title, Status.FAIL, requirement, checked, seen, why, fix, List.of());
    }

    Finding outcome(Status status, String seen, String why, String fix, List<String> packages) {
      return new Finding(id, title, status, requirement, checked, seen, why, fix, packages);
    }
  }
}
