package dev.rootlessctr.shell;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.Lesson;
import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes {@code :} commands, lesson names after {@code :open}, container names and paths after
 * {@code :inspect}, and file paths elsewhere.
 */
final class TutorCompleter implements Completer {

  private final Session session;
  private final Completer files;
  private final java.util.function.Supplier<List<String>> containers;

  TutorCompleter(
      Session session, ShellState shell, java.util.function.Supplier<List<String>> containers) {
    this.session = session;
    this.containers = containers;
    this.files =
        new Completers.FileNameCompleter() {
          @Override
          protected Path getUserDir() {
            return shell.cwd();
          }
        };
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    boolean tutorLine = !words.isEmpty() && words.get(0).startsWith(":");
    if (tutorLine && line.wordIndex() == 0) {
      for (TutorCommand command : TutorCommand.ALL) {
        candidates.add(
            new Candidate(
                ":" + command.name(),
                ":" + command.name(),
                null,
                command.summary(),
                null,
                null,
                true));
      }
      return;
    }
    if (tutorLine && line.wordIndex() == 1) {
      String name = words.get(0).substring(1);
      if (name.equals("open")) {
        for (Lesson lesson : session.course().lessons()) {
          candidates.add(
              new Candidate(
                  lesson.id(),
                  lesson.id(),
                  null,
                  lesson.number() + ". " + lesson.title(),
                  null,
                  null,
                  true));
        }
      }
      TutorCommand.find(name)
          .ifPresent(c -> c.argChoices().forEach(a -> candidates.add(new Candidate(a))));
      if (TutorCommand.find(name).filter(c -> c.name().equals("inspect")).isPresent()) {
        containers
            .get()
            .forEach(c -> candidates.add(new Candidate(c, c, null, "container", null, null, true)));
        files.complete(reader, line, candidates);
      }
      return;
    }
    if (!tutorLine) {
      files.complete(reader, line, candidates);
    }
  }
}
