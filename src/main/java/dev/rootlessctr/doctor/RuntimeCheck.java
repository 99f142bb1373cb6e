package dev.rootlessctr.doctor;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An OCI runtime's finding: installed (as {@link ToolCheck} finds it), and then able to start a
 * container here ({@link SmokeRun}), which only a real start can tell.
 */
final class RuntimeCheck implements Check {

  private final ToolCheck installed;
  private final String runtime;
  private final boolean optional;
  private final boolean tryRun;

  /**
   * A check of {@code runtime} ({@code runc} or {@code crun}).
   *
   * @param optional whether the course can do without it: then a failed start is a warning
   * @param tryRun whether to start a container, or only find the program (a quick diagnosis)
   */
  RuntimeCheck(ToolCheck installed, String runtime, boolean optional, boolean tryRun) {
    this.installed = installed;
    this.runtime = runtime;
    this.optional = optional;
    this.tryRun = tryRun;
  }

  @Override
  public Finding run(HostView host) {
    Finding found = installed.run(host);
    Optional<Path> program = host.which(runtime);
    if (found.status() != Status.PASS || program.isEmpty()) {
      return found;
    }
    String checked =
        found.checked()
            + ", then `"
            + runtime
            + " run` of `true` in a throwaway"
            + " bundle under a private --root ("
            + SmokeRun.TIMEOUT.toSeconds()
            + " s limit)";
    if (!tryRun) {
      return with(
          found,
          Status.PASS,
          found.checked(),
          found.seen() + " (starting a container is tried by :doctor)",
          "",
          "");
    }
    if (host.user().isRoot()) {
      return with(
          found,
          Status.PASS,
          checked,
          found.seen()
              + "; no container tried: one started"
              + " by root says nothing about rootless ones",
          "",
          "");
    }
    SmokeRun.Result result = SmokeRun.attempt(host, program.get(), runtime);
    return switch (result.outcome()) {
      case STARTED ->
          with(
              found,
              Status.PASS,
              checked,
              found.seen() + "; started a test container (`true`) in " + result.detail(),
              "",
              "");
      case NOT_TRIED ->
          with(
              found,
              Status.PASS,
              checked,
              found.seen() + "; no container tried: " + result.detail(),
              "",
              "");
      case FAILED -> failed(found, checked, result.detail());
    };
  }

  private Finding failed(Finding found, String checked, String said) {
    String seen = found.seen() + ", but it could not start a test container: " + said;
    if (optional) {
      String fix =
          said.contains("cgroups in hybrid mode")
              ? "Nothing to do for this course. crun needs a host with cgroup v2 alone; this one"
                  + " mounts v1 and v2 side by side (hybrid), which the boot configuration decides."
              : "Nothing to do for this course; the error above is " + runtime + "'s own.";
      return with(
          found,
          Status.WARN,
          checked,
          seen,
          runtime
              + " is only for optional lessons that compare it with runc. Lessons that need "
              + runtime
              + " cannot work on this host (the shell says so before one starts); the"
              + " rest of the course does not need it.",
          fix);
    }
    return with(
        found,
        Status.FAIL,
        checked,
        seen,
        "Every lesson from Run on starts containers with "
            + runtime
            + "; the doctor started the"
            + " simplest one it could, as you, and "
            + runtime
            + " refused.",
        "The error above is "
            + runtime
            + "'s own; the user-namespace, AppArmor and cgroup"
            + " findings may say why. To see it yourself: `"
            + runtime
            + " spec --rootless` in an"
            + " empty folder, then `"
            + runtime
            + " --root /tmp/"
            + runtime
            + "-test run -b . test`.");
  }

  private static Finding with(
      Finding found, Status status, String checked, String seen, String why, String fix) {
    return new Finding(
        found.id(),
        found.title(),
        status,
        found.requirement(),
        checked,
        seen,
        why,
        fix,
        found.packages());
  }
}
