package dev.rootlessctr.shell;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.Lesson;
import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes {@code :} commands, lesson and course names after {@code :open} ({@code deeper}, {@code
 * deeper/lifecycle}), container names and paths after {@code :inspect}, and file paths elsewhere.
 */
final class TutorCompleter implements Completer {

  private final Session session;
  private final Completer files;
  private final java.util.function.Supplier<List<String>> containers;
  private final CourseCatalog catalog;
  private final java.util.Map<Path, java.util.Optional<dev.rootlessctr.lesson.Course>> others =
      new java.util.HashMap<>();

  TutorCompleter(
      Session session,
      ShellState shell,
      java.util.function.Supplier<List<String>> containers,
      CourseCatalog catalog) {
    this.session = session;
    this.catalog = catalog;
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
        courses(candidates);
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

  /**
   * The courses by name, and the other courses' lessons as {@code course/lesson}; another course is
   * read once per sitting, at the first Tab that needs it.
   */
  private void courses(List<Candidate> candidates) {
    for (CourseShelf.Entry entry : catalog.courses()) {
      if (!entry.nameable()) {
        continue;
      }
      boolean open = catalog.isOpen(entry);
      candidates.add(
          new Candidate(
              entry.name(),
              entry.name(),
              null,
              "course"
                  + (entry.title().equals(entry.name()) ? "" : ": " + entry.title())
                  + (open ? " (open)" : ""),
              null,
              null,
              true));
      if (open) {
        continue;
      }
      others
          .computeIfAbsent(entry.dir(), dir -> catalog.load(entry))
          .ifPresent(
              course -> {
                for (Lesson lesson : course.lessons()) {
                  String id = entry.name() + "/" + lesson.id();
                  candidates.add(
                      new Candidate(
                          id,
                          id,
                          null,
                          entry.name() + " " + lesson.number() + ". " + lesson.title(),
                          null,
                          null,
                          true));
                }
              });
    }
  }
}
