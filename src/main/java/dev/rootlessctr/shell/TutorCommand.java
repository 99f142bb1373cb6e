package dev.rootlessctr.shell;

import java.util.List;

/** A {@code :} command: its name, the arguments it takes and one line of help. */
record TutorCommand(String name, String args, String summary, List<String> argChoices) {

  static final List<TutorCommand> ALL =
      List.of(
          new TutorCommand("help", "", "this list", List.of()),
          new TutorCommand("lessons", "", "the course's lessons and your progress in each", List.of()),
          new TutorCommand("open", "N|NAME", "open a lesson by number or name", List.of()),
          new TutorCommand("show", "", "show the current step again", List.of()),
          new TutorCommand("next", "", "go to the next step", List.of()),
          new TutorCommand("back", "", "go to the previous step", List.of()),
          new TutorCommand("run", "", "show the step's command, then run it for you", List.of()),
          new TutorCommand("check", "", "check the step: what was expected, what is there", List.of()),
          new TutorCommand("explain", "", "explain the step's result from what was measured", List.of()),
          new TutorCommand("hint", "", "one more hint each time", List.of()),
          new TutorCommand("status", "", "progress, lab directory, settings", List.of()),
          new TutorCommand("reset", "step|lesson|all", "undo progress and remove what the lessons created (asks first)", List.of("step", "lesson", "all")),
          new TutorCommand("doctor", "", "diagnose this host for rootless containers", List.of()),
          new TutorCommand("quit", "", "leave (Ctrl-D too); containers are removed, your lab stays", List.of()));

  static java.util.Optional<TutorCommand> find(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
