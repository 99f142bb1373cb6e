package dev.rootlessctr.cli;

import dev.rootlessctr.lint.LintCommand;
import dev.rootlessctr.lint.NewLessonCommand;
import dev.rootlessctr.room.RoomCommand;
import dev.rootlessctr.verify.VerifyCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one command-line parser: turns the words into a {@link Command} record, or an {@link
 * InputError} naming the word it could not use. It reads no file and starts nothing.
 */
public final class CommandLine {

  static final String HELP_HINT = "rootless-ctr --help lists the options.";

  public static final String USAGE =
      String.join(
          "\n",
          "usage: rootless-ctr [OPTIONS]            start the tutorial shell",
          "       rootless-ctr doctor [--json]      diagnose this host for rootless containers",
          "       rootless-ctr mirror build|serve|push HOST:PORT",
          "       rootless-ctr lint [--json] [DIR]  check a course's lessons (default: --lessons)",
          "       rootless-ctr new-lesson DIR NAME  start a lesson from a template that passes"
              + " lint",
          "       rootless-ctr verify [--tap] [--junit FILE]   check every step, headless",
          "       rootless-ctr room HOST:PORT [--once]   the workshop room's progress, live",
          "",
          "options:",
          "  --lessons DIR|NAME  the course: a folder, or a course beside lessons/rootless",
          "                      by name, such as deeper (default: rootless)",
          "  --lab DIR           where commands run (default: ~/rootless-ctr-lab)",
          "  --registry MODE     offline (default: built-in mirror), online (Docker Hub),",
          "                      or workshop=HOST:PORT (the instructor's registry)",
          "  --color WHEN        auto (default), always or never; NO_COLOR is honoured",
          "  --allow-root        run as root anyway (nothing will be rootless)",
          "  --fresh             a throwaway home, lab and progress, removed at the end (for"
              + " scripts)",
          "  --record FILE.cast  record the session as an asciicast v2 file (asciinema play FILE)",
          "  -h, --help          this text",
          "",
          ExitCode.HELP);

  /** How a subcommand reads the words after its name, given the shared options before it. */
  interface Subcommand {
    Command parse(Words words, SharedOptions shared) throws InputError;
  }

  /**
   * The subcommands by name; a new one is one line here (and its record). A command that still
   * reads its own words is one line too: {@code Map.entry("lint", OwnWordsCommand.named("lint",
   * (context, args) -> ...))}.
   */
  static final Map<String, Subcommand> SUBCOMMANDS =
      Map.ofEntries(
          Map.entry("doctor", DoctorCommandLine::parse),
          Map.entry("mirror", MirrorCommandLine::parse),
          Map.entry(
              "lint",
              OwnWordsCommand.named(
                  "lint",
                  Set.of("--lessons"),
                  (c, shared, args) ->
                      new LintCommand(course(c, shared), shelf(c)).run(args, c.out(), c.err()))),
          Map.entry(
              "new-lesson",
              OwnWordsCommand.named(
                  "new-lesson",
                  Set.of(),
                  (c, shared, args) -> new NewLessonCommand().run(args, c.out(), c.err()))),
          Map.entry(
              "verify",
              OwnWordsCommand.named(
                  "verify",
                  Set.of("--lessons"),
                  (c, shared, args) ->
                      new VerifyCommand(c.env().variables(), c.env().processes(), shelf(c))
                          .run(course(c, shared), args, c.out(), c.err()))),
          Map.entry(
              "room",
              OwnWordsCommand.named(
                  "room",
                  Set.of(),
                  (c, shared, args) ->
                      new RoomCommand(c.env().console(), java.time.Clock.systemUTC())
                          .run(args, c.out(), c.err()))));

  /**
   * The course a subcommand works on: {@code --lessons} (a path or a course's name), else the
   * project's.
   */
  private static Path course(Context context, CourseOptions shared) throws InputError {
    Path project = context.env().projectDir();
    return shared.lessons().isPresent()
        ? CourseInputs.named(shared.lessons().get(), project)
        : CourseInputs.defaultLessons(project);
  }

  /** Where a subcommand's own course names are looked up: beside the shipped courses. */
  private static dev.rootlessctr.lesson.CourseShelf shelf(Context context) {
    return CourseInputs.shelf(context.env().projectDir());
  }

  private CommandLine() {}

  /** Parses {@code args}. */
  public static Command parse(List<String> args) throws InputError {
    Words words = new Words(args);
    SharedOptions shared = new SharedOptions();
    boolean fresh = false;
    java.util.Optional<Path> record = java.util.Optional.empty();
    while (words.hasNext()) {
      Words.Arg arg = words.next();
      Subcommand subcommand = arg.inline().isEmpty() ? SUBCOMMANDS.get(arg.name()) : null;
      if (subcommand != null) {
        if (fresh) {
          throw new InputError(
              "--fresh applies to the shell, not to " + arg.name() + ".", HELP_HINT);
        }
        return subcommand.parse(words, shared);
      }
      if (arg.name().equals("-h") || arg.name().equals("--help")) {
        return new HelpCommand(USAGE);
      }
      if (arg.name().equals("--fresh")) {
        words.flag(arg);
        fresh = true;
      } else if (arg.name().equals("--record")) {
        record = java.util.Optional.of(Path.of(words.value(arg)));
      } else if (!shared.take(arg, words)) {
        throw unknown(arg, "");
      }
    }
    CourseOptions options = shared.options();
    if (fresh && options.lab().isPresent()) {
      throw new InputError("--fresh makes its own throwaway lab; drop --lab.", HELP_HINT);
    }
    if (fresh && record.isPresent()) {
      throw new InputError(
          "--record records a real session; --fresh throws everything away at the end.", HELP_HINT);
    }
    return new ShellCommand(options, fresh, record);
  }

  /** The error for a word nobody takes; {@code command} names the subcommand, if any. */
  static InputError unknown(Words.Arg arg, String command) {
    String where = command.isEmpty() ? "" : " for " + command;
    String what = arg.name().startsWith("-") ? "unknown option " : "unknown command ";
    String hint =
        command.isEmpty() ? HELP_HINT : "rootless-ctr " + command + " --help lists its options.";
    return new InputError(what + arg + where + ".", hint);
  }
}
