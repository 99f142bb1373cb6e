package dev.rootlessctr.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code :} command: its name and short forms, the arguments it takes, one line of help, and what
 * it does. This table is the only list of commands: help, completion and the read loop all use it.
 */
record TutorCommand(
    String name,
    List<String> aliases,
    String args,
    String summary,
    List<String> argChoices,
    Action action) {

  /** What a command does; false when the shell should end. */
  @FunctionalInterface
  interface Action {
    boolean run(Shell shell, List<String> args);
  }

  TutorCommand {
    aliases = List.copyOf(aliases);
    argChoices = List.copyOf(argChoices);
  }

  private static TutorCommand of(
      String name,
      List<String> aliases,
      String args,
      String summary,
      List<String> choices,
      Action action) {
    return new TutorCommand(name, aliases, args, summary, choices, action);
  }

  /** A command that always keeps the shell going. */
  private static Action doing(java.util.function.BiConsumer<Shell, List<String>> action) {
    return (shell, args) -> {
      action.accept(shell, args);
      return true;
    };
  }

  static final List<TutorCommand> ALL =
      List.of(
          of("help", List.of("h", "?"), "", "this list", List.of(), doing((s, a) -> s.help())),
          of(
              "lessons",
              List.of("ls"),
              "",
              "the course's lessons and your progress in each",
              List.of(),
              doing((s, a) -> s.lessons())),
          of(
              "courses",
              List.of(),
              "",
              "the courses there are, your progress in each, which one is open",
              List.of(),
              doing((s, a) -> s.courses())),
          of(
              "open",
              List.of("o"),
              "N|NAME|COURSE[/N] [STEP]",
              "open a lesson by number or name (at a step), or a course",
              List.of(),
              Shell::open),
          of(
              "show",
              List.of(),
              "",
              "show the current step again",
              List.of(),
              doing((s, a) -> s.tutor().show())),
          of(
              "next",
              List.of("n"),
              "",
              "go to the next step",
              List.of(),
              doing((s, a) -> s.tutor().next())),
          of(
              "back",
              List.of("b", "prev"),
              "",
              "go to the previous step",
              List.of(),
              doing((s, a) -> s.tutor().back())),
          of(
              "run",
              List.of("r"),
              "",
              "show the step's command, then run it for you",
              List.of(),
              doing((s, a) -> s.tutor().run())),
          of(
              "check",
              List.of("c"),
              "",
              "check the step: what was expected, what is there",
              List.of(),
              doing((s, a) -> s.tutor().check())),
          of(
              "explain",
              List.of("e"),
              "",
              "explain the step's result from what is measured now",
              List.of(),
              doing((s, a) -> s.tutor().explain())),
          of(
              "hint",
              List.of(),
              "",
              "one more hint each time",
              List.of(),
              doing((s, a) -> s.tutor().hint())),
          of(
              "output",
              List.of("out"),
              "",
              "the last command's whole output (usage text is folded)",
              List.of(),
              doing((s, a) -> s.tutor().output())),
          of(
              "status",
              List.of("s"),
              "",
              "progress, lab directory, settings",
              List.of(),
              doing((s, a) -> s.status())),
          of(
              "reset",
              List.of(),
              "step|lesson|all",
              "undo progress and remove what the lessons created (asks first)",
              List.of("step", "lesson", "all"),
              doing(Shell::reset)),
          of(
              "inspect",
              List.of("i"),
              "[NAME|PATH]",
              "live facts about a container, a bundle or an image layout",
              List.of(),
              doing(Shell::inspect)),
          of(
              "report",
              List.of(),
              "",
              "write what you did and measured to a file in the lab, to hand in",
              List.of(),
              doing((s, a) -> s.report())),
          of(
              "room",
              List.of(),
              "[on|off|name NAME]",
              "what the workshop room's instructor sees of you; turn it on or off",
              List.of("on", "off", "name"),
              doing(Shell::room)),
          of(
              "doctor",
              List.of(),
              "",
              "diagnose this host for rootless containers",
              List.of(),
              doing((s, a) -> s.doctor())),
          of(
              "quit",
              List.of("q", "exit"),
              "",
              "leave (Ctrl-D too); containers are removed, your lab stays",
              List.of(),
              (s, a) -> false));

  /** The command called {@code name} or one of its short forms. */
  static Optional<TutorCommand> find(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return ALL.stream()
        .filter(c -> c.name().equals(lower) || c.aliases().contains(lower))
        .findFirst();
  }
}
