package dev.rootlessctr.shell;

import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.VisibleText;
import dev.rootlessctr.progress.Progress;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code :courses}, the line that says other courses exist, and the course half of {@code :open}
 * ({@code :open deeper}, {@code :open deeper/lifecycle}, {@code :open deeper/2 3}): it decides
 * whether to switch, announces what the switch deletes (this shell's containers, as at {@code
 * :quit}) and asks first on a terminal; the launcher then starts the shell on the other course.
 */
final class CoursesCommand {

  private final CourseCatalog catalog;
  private final Cleaner cleaner;

  CoursesCommand(CourseCatalog catalog, Cleaner cleaner) {
    this.catalog = catalog;
    this.cleaner = cleaner;
  }

  CourseCatalog catalog() {
    return catalog;
  }

  /** {@code :courses}: each course with its title, lessons and the learner's progress in it. */
  void list(Printer printer, Session session) {
    List<CourseShelf.Entry> courses = catalog.courses();
    printer.line("Courses (:open NAME goes to one, :open NAME/LESSON to a lesson of it):");
    int nameWidth = courses.stream().mapToInt(c -> c.name().length()).max().orElse(1);
    int titleWidth =
        courses.stream()
            .mapToInt(c -> c.title().equals(c.name()) ? 0 : c.title().length())
            .max()
            .orElse(0);
    String row = "%s %-" + nameWidth + "s  %-" + Math.max(1, titleWidth) + "s  %-10s %s%s";
    for (CourseShelf.Entry entry : courses) {
      boolean open = catalog.isOpen(entry);
      Optional<Course> course = open ? Optional.of(session.course()) : catalog.load(entry);
      Optional<Progress> progress =
          open ? Optional.of(session.progress()) : catalog.progress(entry);
      String lessons =
          course
              .map(c -> c.lessons().size() + (c.lessons().size() == 1 ? " lesson" : " lessons"))
              .orElse("unreadable");
      String done = course.map(c -> progressText(c, progress)).orElse("");
      printer.line(
          String.format(
              row,
              open ? ">" : " ",
              entry.name(),
              entry.title().equals(entry.name()) ? "" : entry.title(),
              lessons,
              done,
              open ? "  (open)" : ""));
      course
          .filter(c -> !c.unloaded().isEmpty())
          .ifPresent(
              c ->
                  printer.note(
                      "    "
                          + c.unloaded().size()
                          + " lesson file(s) did not load: rootless-ctr lint "
                          + entry.dir()
                          + " lists why."));
      if (!entry.nameable()) {
        printer.note(
            "    its folder name is not one plain word, so :open cannot name it; start with"
                + " --lessons "
                + VisibleText.of(entry.dir().toString()));
      }
    }
    if (courses.size() == 1) {
      printer.note("No other course was found beside this one (in " + catalog.shelfDir() + ").");
    }
  }

  private static String progressText(Course course, Optional<Progress> progress) {
    if (progress.isEmpty()) {
      return "progress unreadable";
    }
    int done = 0;
    int total = 0;
    for (Lesson lesson : course.lessons()) {
      Session.Tally tally = Session.tally(lesson, progress.get());
      done += tally.done();
      total += tally.total();
    }
    return done + "/" + total + " steps done";
  }

  /** One line naming the other courses and how to go there; nothing when there are none. */
  void mention(Printer printer) {
    List<CourseShelf.Entry> others =
        catalog.others().stream().filter(CourseShelf.Entry::nameable).toList();
    if (others.isEmpty()) {
      return;
    }
    String names = String.join(", ", others.stream().map(CoursesCommand::described).toList());
    printer.note(
        (others.size() == 1 ? "Another course is here: " : "Other courses are here: ")
            + names
            + ". :courses lists them; :open "
            + others.get(0).name()
            + " goes there.");
  }

  private static String described(CourseShelf.Entry entry) {
    return entry.title().equals(entry.name())
        ? entry.name()
        : entry.name() + " (" + entry.title() + ")";
  }

  /**
   * What {@code :open WORD} means when WORD is no lesson of the open course: a course ({@code
   * deeper}), or a lesson of one ({@code deeper/lifecycle}, {@code deeper/2}); empty when it names
   * no course.
   */
  Optional<Target> target(String word) {
    int slash = word.indexOf('/');
    String name = slash < 0 ? word : word.substring(0, slash);
    String lesson = slash < 0 ? "" : word.substring(slash + 1);
    return catalog
        .named(name)
        .map(entry -> new Target(entry, lesson.isEmpty() ? Optional.empty() : Optional.of(lesson)));
  }

  /** A course and, optionally, one of its lessons. */
  record Target(CourseShelf.Entry entry, Optional<String> lesson) {}

  /**
   * Decides a switch to {@code target} (not the open course): checks that the course and the lesson
   * and step asked for exist before anything is deleted, says what the switch does, and asks on a
   * terminal when it deletes containers. Empty when the shell stays where it is (and says why).
   */
  Optional<CourseSwitch> decide(
      Target target,
      Optional<String> step,
      Printer printer,
      Session session,
      boolean interactive,
      Predicate<String> confirm) {
    CourseShelf.Entry entry = target.entry();
    Optional<Course> loaded = catalog.load(entry);
    if (loaded.isEmpty()) {
      printer.failure(
          "course " + entry.name() + " cannot be read (" + entry.dir() + "); staying here.");
      return Optional.empty();
    }
    Course course = loaded.get();
    if (course.lessons().isEmpty()) {
      printer.failure(
          "course "
              + entry.name()
              + " has no lesson that loads, so it cannot run"
              + course.errors().stream().findFirst().map(e -> ": " + e).orElse(".")
              + " (rootless-ctr lint "
              + entry.dir()
              + " lists every problem). Staying in "
              + session.course().name()
              + ".");
      return Optional.empty();
    }
    if (!interactive && !course.errors().isEmpty()) {
      printer.failure(
          "course "
              + entry.name()
              + " has "
              + course.errors().size()
              + " problem(s); a script opens only a course without any (rootless-ctr lint "
              + entry.dir()
              + " lists them). Staying in "
              + session.course().name()
              + ".");
      return Optional.empty();
    }
    if (target.lesson().isPresent()) {
      String key = target.lesson().get();
      Optional<Lesson> lesson = course.find(key);
      if (lesson.isEmpty()) {
        Optional<Course.Unloaded> broken = course.findUnloaded(key);
        printer.failure(
            broken
                .map(
                    b ->
                        "lesson "
                            + b.number()
                            + " of "
                            + entry.name()
                            + " did not load, so it cannot run: "
                            + b.errors().get(0))
                .orElse(
                    "course "
                        + entry.name()
                        + " has no lesson '"
                        + VisibleText.of(key)
                        + "'. :courses lists the courses; Tab after :open "
                        + entry.name()
                        + "/ lists its lessons."));
        return Optional.empty();
      }
      if (step.isPresent() && stepNumber(lesson.get(), step.get()).isEmpty()) {
        printer.failure(stepOutOfRange(lesson.get(), step.get()));
        return Optional.empty();
      }
    }
    List<String> containers = cleaner.containers();
    printer.paragraph(
        "Opening course "
            + described(entry)
            + ". Your progress in "
            + session.course().name()
            + " is saved, your lab stays as it is"
            + (containers.isEmpty()
                ? "."
                : ", and the containers this shell started are deleted first, as at :quit: "
                    + String.join(", ", containers)
                    + "."));
    if (!containers.isEmpty()
        && interactive
        && !confirm.test(
            "Delete " + (containers.size() == 1 ? "it" : "them") + " and switch? [y/N] ")) {
      printer.line("Nothing was changed; staying in course " + session.course().name() + ".");
      return Optional.empty();
    }
    return Optional.of(
        new CourseSwitch(entry, course, target.lesson(), step, session.course().name()));
  }

  /** {@code step} as a step number of {@code lesson}, if it is one. */
  static Optional<Integer> stepNumber(Lesson lesson, String step) {
    if (!step.matches("\\d{1,4}")) {
      return Optional.empty();
    }
    int number = Integer.parseInt(step);
    return number >= 1 && number <= lesson.steps().size() ? Optional.of(number) : Optional.empty();
  }

  /** What {@code :open} says of a step the lesson does not have (as for the open course). */
  static String stepOutOfRange(Lesson lesson, String step) {
    return "lesson "
        + lesson.number()
        + " has steps 1 to "
        + lesson.steps().size()
        + ", not '"
        + VisibleText.of(step)
        + "'.";
  }
}
