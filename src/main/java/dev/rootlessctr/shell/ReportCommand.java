package dev.rootlessctr.shell;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.tutor.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code :report}: a Markdown file (and the same as HTML) that a learner can hand in, written into
 * the lab and nowhere else. It quotes only what this session recorded when each step was done (the
 * line typed, its exit status, the values measured then, the time) and the tool versions asked now;
 * steps done in an earlier sitting are listed as such, with nothing invented for them.
 */
final class ReportCommand {

  private static final List<String> TOOLS = List.of("runc", "skopeo", "oci-image-tool");
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(5);
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Session session;
  private final ShellState state;
  private final Lab lab;
  private final HostUser user;
  private final ProcessRunner processes;
  private final Clock clock;

  ReportCommand(
      Session session,
      ShellState state,
      Lab lab,
      HostUser user,
      ProcessRunner processes,
      Clock clock) {
    this.session = session;
    this.state = state;
    this.lab = lab;
    this.user = user;
    this.processes = processes;
    this.clock = clock;
  }

  void run(Printer printer) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    try {
      if (!Files.isDirectory(lab.dir())) {
        printer.failure("no report written: the lab directory " + lab.dir() + " does not exist");
        return;
      }
      String markdown = markdown(now);
      String base = "rootless-ctr-report-" + FILE_TIME.format(now);
      Path md = write(base + ".md", markdown);
      Path html = write(base + ".html", ReportHtml.of("rootless-ctr report", markdown));
      printer.success("Report written: " + md);
      printer.note(
          "The same as a web page: "
              + html
              + ". It holds what this session measured; nothing was sent anywhere.");
    } catch (IOException e) {
      printer.failure("could not write the report into " + lab.dir() + ": " + e.getMessage());
    }
  }

  /**
   * Creates the file in the lab; an existing file or symlink there is never followed or
   * overwritten.
   */
  private Path write(String name, String text) throws IOException {
    Path file = lab.dir().resolve(name);
    Files.writeString(
        file,
        text,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return file;
  }

  String markdown(Instant now) {
    StringBuilder md = new StringBuilder();
    md.append("# rootless-ctr report: course ").append(session.course().name()).append("\n\n");
    md.append("- Learner: ")
        .append(code(user.name()))
        .append(" (uid ")
        .append(user.uid())
        .append(", gid ")
        .append(user.gid())
        .append(")\n");
    proc("sys/kernel/hostname").ifPresent(h -> md.append("- Host: ").append(code(h)).append("\n"));
    proc("sys/kernel/osrelease")
        .ifPresent(k -> md.append("- Kernel: ").append(code(k)).append("\n"));
    md.append("- Session started: ")
        .append(session.started().truncatedTo(ChronoUnit.SECONDS))
        .append("\n");
    md.append("- Report written: ").append(now).append("\n");
    md.append("- Lab directory: ").append(code(lab.dir().toString())).append("\n");
    md.append("- runc state directory of the course: ")
        .append(code(lab.runcRoot().toString()))
        .append("\n");
    int done = 0;
    int total = 0;
    for (Lesson lesson : session.course().lessons()) {
      Session.Tally tally = session.tally(lesson);
      done += tally.done();
      total += tally.total();
    }
    List<Session.Credit> credits = session.credits();
    md.append("- Progress: ")
        .append(done)
        .append(" of ")
        .append(total)
        .append(" steps done, ")
        .append(credits.size())
        .append(" of them in this session\n\n");

    md.append("## Tools\n\n");
    for (String tool : TOOLS) {
      md.append("- ").append(code(tool)).append(": ").append(version(tool)).append("\n");
    }
    md.append("\n## Steps done in this session\n\n");
    if (credits.isEmpty()) {
      md.append("None yet.\n");
    }
    for (Session.Credit credit : credits) {
      Position p = credit.step();
      md.append("### Lesson ")
          .append(p.lesson().number())
          .append(", step ")
          .append(p.stepNumber())
          .append(": ")
          .append(plain(p.step().title()))
          .append("\n\n");
      md.append("- Done at: ")
          .append(credit.at().truncatedTo(ChronoUnit.SECONDS))
          .append(" (")
          .append(elapsed(Duration.between(session.started(), credit.at())))
          .append(" into the session)\n");
      if (credit.command().isPresent()) {
        md.append("- Command: ").append(code(credit.command().get())).append("\n");
        md.append("- Exit status: ").append(credit.exitCode()).append("\n");
      } else {
        md.append("- Command: none; the step's edit was made by `:run`\n");
      }
      // The probes' measurements ("uid-map.hostID"); the shell's own values (lab, uid) are above.
      Map<String, String> values = new TreeMap<>(credit.values());
      values.keySet().removeIf(k -> !k.contains("."));
      if (!values.isEmpty()) {
        md.append("- Measured when it was done:\n");
        values.forEach(
            (k, v) -> md.append("  - ").append(code(k)).append(": ").append(code(v)).append("\n"));
      }
      md.append("\n");
    }
    List<String> earlier = new ArrayList<>();
    for (Lesson lesson : session.course().lessons()) {
      for (Step step : lesson.steps()) {
        Position p = new Position(lesson, step.number());
        if (session.isComplete(p) && credits.stream().noneMatch(c -> c.step().equals(p))) {
          earlier.add(
              "- Lesson "
                  + lesson.number()
                  + ", step "
                  + step.number()
                  + ": "
                  + plain(step.title()));
        }
      }
    }
    if (!earlier.isEmpty()) {
      md.append("## Steps done in an earlier sitting\n\n");
      md.append(
          "This session did not see them done, so it has no command or measurement to quote.\n\n");
      earlier.forEach(line -> md.append(line).append("\n"));
      md.append("\n");
    }
    return md.toString();
  }

  /** The tool's first line of {@code --version}, asked now from the session's PATH. */
  private String version(String tool) {
    try {
      Captured c =
          processes.run(
              List.of("/usr/bin/env", tool, "--version"), state.cwd(), state.env(), TOOL_TIMEOUT);
      String first = c.stdout().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      if (c.succeeded() && !first.isEmpty()) {
        return code(first.strip());
      }
      return "not measured ("
          + (c.exitCode() == 127
              ? "not found on the session's PATH"
              : c.timedOut() ? "no answer within 5 s" : "exit status " + c.exitCode())
          + ")";
    } catch (IOException e) {
      return "not measured (" + plain(e.getMessage()) + ")";
    }
  }

  private java.util.Optional<String> proc(String file) {
    try {
      return java.util.Optional.of(Files.readString(Path.of("/proc", file)).strip())
          .filter(s -> !s.isEmpty());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private static String elapsed(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** A Markdown code span that holds {@code text} exactly, whatever backticks it contains. */
  static String code(String text) {
    String oneLine = text.replace("\r", "").replace("\n", " ⏎ ");
    int longest = 0;
    int run = 0;
    for (char c : oneLine.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.isEmpty();
    return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
  }

  /** Text outside code: Markdown's special characters escaped so a title is read as written. */
  static String plain(String text) {
    return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
  }
}
