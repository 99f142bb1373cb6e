package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a tool on the learner's PATH and asks its version. */
final class ToolCheck implements Check {

  /** Directories that hold admin tools but are left out of ordinary users' PATH on Debian. */
  static final List<String> SBIN_DIRS = List.of("/usr/local/sbin", "/usr/sbin", "/sbin");

  private static final Pattern VERSION = Pattern.compile("version\\s+v?(\\S+)");

  private final String tool;
  private final Requirement requirement;
  private final boolean optional;
  private final String purpose;

  /**
   * A check for {@code tool}.
   *
   * @param optional whether the course can do without it (then absence is only a warning)
   * @param purpose one sentence on what the course uses it for
   */
  ToolCheck(String tool, Requirement requirement, boolean optional, String purpose) {
    this.tool = tool;
    this.requirement = requirement;
    this.optional = optional;
    this.purpose = purpose;
  }

  @Override
  public Finding run(HostView host) {
    Finding.Draft draft =
        Finding.about(tool, tool, requirement, "`" + tool + " --version` via your PATH");
    Status missing = optional ? Status.WARN : Status.FAIL;
    Optional<Path> found = host.which(tool);
    if (found.isEmpty()) {
      return notOnPath(host, draft, missing);
    }
    String where = host.hostPathOf(found.get());
    Captured version;
    try {
      version = host.run(List.of(found.get().toString(), "--version"));
    } catch (IOException e) {
      return draft.outcome(
          missing,
          "found at " + where + " but it could not be started: " + e.getMessage(),
          purpose,
          installFix(host, "Reinstall it:"),
          List.of());
    }
    if (!version.succeeded()) {
      return draft.outcome(
          missing,
          "found at "
              + where
              + " but `"
              + tool
              + " --version` failed: "
              + firstLine(version.stderr() + version.stdout()),
          purpose,
          installFix(host, "Reinstall it:"),
          List.of());
    }
    return draft.pass(tool + " " + versionOf(version.stdout()) + " at " + where);
  }

  private Finding notOnPath(HostView host, Finding.Draft draft, Status missing) {
    for (String dir : SBIN_DIRS) {
      Path candidate = host.resolve(dir).resolve(tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return draft.outcome(
            missing,
            "installed at " + dir + "/" + tool + ", but " + dir + " is not on your PATH",
            purpose + " Debian leaves the sbin directories out of ordinary users' PATH.",
            "Add it to your PATH now and for future logins:\n"
                + "  export PATH=\"$PATH:"
                + dir
                + "\"\n"
                + "  echo 'export PATH=\"$PATH:"
                + dir
                + "\"' >> ~/.profile",
            List.of());
      }
    }
    Distro distro = host.distro();
    List<String> packages =
        Packages.providing(tool, distro.family()).map(List::of).orElse(List.of());
    return draft.outcome(
        missing,
        "not installed (not found on your PATH)",
        purpose,
        installFix(host, "Install it:"),
        packages);
  }

  private String installFix(HostView host, String lead) {
    return Packages.installFix(lead, tool, host.distro(), host.user().isRoot());
  }

  /** The version word of a {@code --version} output, or its first line when it has none. */
  static String versionOf(String output) {
    Matcher matcher = VERSION.matcher(output);
    return matcher.find() ? matcher.group(1) : firstLine(output);
  }

  static String firstLine(String text) {
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline);
  }
}
