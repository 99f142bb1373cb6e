package dev.rootlessctr.shell;

import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.ContainerGuard;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.CleanupItem;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.progress.BackgroundSaver;
import dev.rootlessctr.tutor.Position;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;

/**
 * The read loop: lines starting with {@code :} are tutorial commands, every other line is a real
 * shell line run in the lab, after which the current step is checked.
 */
public final class Shell {

  private final Tutor tutor;
  private final Input input;
  private final Prompt prompt;
  private final Lab lab;
  private final Cleaner cleaner;
  private final BackgroundSaver saver;
  private final java.nio.file.Path progressFile;
  private final LessonHooks hooks;
  private final ContainerGuard guard;
  private final InspectCommand inspect;
  private final ReportCommand report;
  private final CoursesCommand courses;
  private CourseSwitch arriving;
  private CourseSwitch leaving;

  Shell(
      Tutor tutor,
      Input input,
      Prompt prompt,
      Lab lab,
      Cleaner cleaner,
      ContainerGuard guard,
      BackgroundSaver saver,
      java.nio.file.Path progressFile,
      LessonHooks hooks,
      InspectCommand inspect,
      ReportCommand report,
      CoursesCommand courses) {
    this.courses = courses;
    this.inspect = inspect;
    this.report = report;
    this.guard = guard;
    this.progressFile = progressFile;
    this.tutor = tutor;
    this.input = input;
    this.prompt = prompt;
    this.lab = lab;
    this.cleaner = cleaner;
    this.saver = saver;
    this.hooks = hooks;
  }

  /**
   * Runs until {@code :quit} or the end of input; returns the exit status: 0, or 1 when input was
   * scripted and some {@code :check} failed or the host diagnosis found what blocks the course.
   */
  public int run() {
    Printer printer = tutor.printer();
    guard.arm();
    boolean hostBlocked = false;
    try {
      hooks.started(printer, this::confirm);
      if (arriving != null) {
        arrive(arriving);
      } else {
        courses.mention(printer);
        tutor.show();
      }
      while (true) {
        String line;
        try {
          line = input.readLine(prompt.render(tutor.session(), tutor.shellState().cwd()));
        } catch (UserInterruptException e) {
          printer.note("(Ctrl-C cancels the line; :quit or Ctrl-D leaves.)");
          continue;
        } catch (EndOfFileException e) {
          break;
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty() || (!input.interactive() && trimmed.startsWith("#"))) {
          continue;
        }
        if (trimmed.startsWith(":")) {
          if (!dispatch(trimmed)) {
            break;
          }
        } else if (trimmed.matches("(exit|logout)(\\s+\\d+)?")) {
          // Each line runs in its own bash, so exit would end nothing; usually the learner
          // thinks they are still inside a container that has already gone.
          printer.note(
              "'"
                  + trimmed
                  + "' here would end nothing: this is the rootless-ctr prompt, not a container's"
                  + " shell (a container's prompt is '/ # '). :quit or Ctrl-D leaves"
                  + " rootless-ctr.");
        } else {
          tutor.runLine(trimmed);
        }
      }
      hostBlocked = !input.interactive() && hooks.courseBlocked(printer);
    } finally {
      leave();
    }
    return !input.interactive() && (tutor.session().anyCheckFailed() || hostBlocked) ? 1 : 0;
  }

  /** Runs a {@code :} command; false when the shell should end. */
  private boolean dispatch(String line) {
    String[] words = line.substring(1).strip().split("\\s+");
    List<String> args = List.of(words).subList(1, words.length);
    Optional<TutorCommand> command = TutorCommand.find(words[0]);
    if (command.isEmpty()) {
      tutor.printer().failure("unknown command :" + words[0] + " (:help lists them)");
      return true;
    }
    return command.get().action().run(this, args);
  }

  Tutor tutor() {
    return tutor;
  }

  /** This shell starts where a {@code :open} in another course's shell asked to go. */
  void arriveFrom(CourseSwitch request) {
    this.arriving = request;
  }

  /** The course {@code :open} asked to go to when this shell ended, if it ended for that. */
  Optional<CourseSwitch> switchRequested() {
    return Optional.ofNullable(leaving);
  }

  /** {@code :lessons}: this course's lessons, and a word about the others. */
  void lessons() {
    tutor.lessons();
    courses.mention(tutor.printer());
  }

  /** {@code :courses}. */
  void courses() {
    courses.list(tutor.printer(), tutor.session());
  }

  /**
   * The first step shown in a course {@code :open} switched to: the lesson (and step) it named,
   * else the first lesson not done, else where the learner was.
   */
  private void arrive(CourseSwitch request) {
    Printer printer = tutor.printer();
    Course course = tutor.session().course();
    printer.blank();
    printer.paragraph(
        "Course "
            + course.name()
            + (request.entry().title().equals(course.name())
                ? ""
                : " (" + request.entry().title() + ")")
            + ": "
            + course.lessons().size()
            + " lessons. :courses lists the courses; :open "
            + request.from()
            + " goes back.");
    Optional<Lesson> lesson = request.lesson().flatMap(course::find);
    if (lesson.isPresent()) {
      Optional<Integer> step =
          request.step().flatMap(s -> CoursesCommand.stepNumber(lesson.get(), s));
      if (step.isPresent()) {
        tutor.open(lesson.get(), step.get());
      } else {
        tutor.open(lesson.get());
      }
      return;
    }
    Optional<Lesson> unfinished =
        course.lessons().stream().filter(l -> !tutor.session().tally(l).complete()).findFirst();
    if (unfinished.isPresent()) {
      tutor.open(unfinished.get());
    } else {
      tutor.show();
    }
  }

  /** {@code :open} of a course: this one (a lesson of it), or another (the shell ends for it). */
  private boolean openCourse(CoursesCommand.Target target, Optional<String> step) {
    if (courses.catalog().isOpen(target.entry())) {
      if (target.lesson().isEmpty()) {
        Optional<Lesson> unfinished =
            tutor.session().course().lessons().stream()
                .filter(l -> !tutor.session().tally(l).complete())
                .findFirst();
        printer().note("Course " + target.entry().name() + " is open already.");
        unfinished.ifPresentOrElse(tutor::open, tutor::show);
        return true;
      }
      List<String> rest = new ArrayList<>(List.of(target.lesson().get()));
      step.ifPresent(rest::add);
      return open(rest);
    }
    Optional<CourseSwitch> decided =
        courses.decide(
            target, step, printer(), tutor.session(), input.interactive(), this::confirm);
    decided.ifPresent(d -> leaving = d);
    return decided.isEmpty();
  }

  private Printer printer() {
    return tutor.printer();
  }

  void inspect(List<String> args) {
    inspect.run(tutor.printer(), args);
  }

  void report() {
    report.run(tutor.printer());
  }

  void doctor() {
    hooks.doctor(tutor.printer(), this::confirm);
  }

  void room(List<String> args) {
    hooks.room(args, tutor.printer(), this::confirm);
  }

  void help() {
    Printer printer = tutor.printer();
    printer.paragraph(
        "Type shell commands as usual; they run in your lab directory, and each is judged against"
            + " the whole course.");
    printer.line("Tutorial commands start with ':' (Tab completes them):");
    for (TutorCommand command : TutorCommand.ALL) {
      String usage = ":" + command.name() + (command.args().isEmpty() ? "" : " " + command.args());
      printer.line(String.format("  %-24s %s", usage, command.summary()));
    }
    printer.note("Ctrl-C interrupts the running command, never this shell.");
  }

  /** {@code :open}; false when the shell ends to open another course. */
  boolean open(List<String> args) {
    Printer printer = tutor.printer();
    if (args.isEmpty()) {
      printer.paragraph(
          "Which lesson? :open N or :open NAME, and a step number to go to that step. :lessons"
              + " lists them; :open COURSE or COURSE/LESSON goes to another course (:courses).");
      return true;
    }
    Optional<Lesson> lesson = tutor.session().course().find(args.get(0));
    Optional<Course.Unloaded> broken = tutor.session().course().findUnloaded(args.get(0));
    Optional<CoursesCommand.Target> course =
        lesson.isPresent() || broken.isPresent() ? Optional.empty() : courses.target(args.get(0));
    if (course.isPresent()) {
      return openCourse(
          course.get(), args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty());
    }
    if (lesson.isEmpty() && broken.isPresent()) {
      printer.failure(
          "lesson "
              + broken.get().number()
              + " did not load, so it cannot run: "
              + broken.get().errors().get(0));
      return true;
    }
    if (lesson.isEmpty()) {
      printer.failure(
          "no lesson '"
              + dev.rootlessctr.lesson.VisibleText.of(args.get(0))
              + "'. :lessons lists them.");
      return true;
    }
    if (args.size() > 1) {
      String step = args.get(1);
      int steps = lesson.get().steps().size();
      if (!step.matches("\\d{1,4}")
          || Integer.parseInt(step) < 1
          || Integer.parseInt(step) > steps) {
        printer.failure(
            "lesson "
                + lesson.get().number()
                + " has steps 1 to "
                + steps
                + ", not '"
                + step
                + "'.");
        return true;
      }
      tutor.open(lesson.get(), Integer.parseInt(step));
      return true;
    }
    tutor.open(lesson.get());
    return true;
  }

  void status() {
    Printer printer = tutor.printer();
    Session session = tutor.session();
    Course course = session.course();
    int done = 0;
    int total = 0;
    for (Lesson lesson : course.lessons()) {
      Session.Tally tally = session.tally(lesson);
      done += tally.done();
      total += tally.total();
    }
    printer.paragraph(
        "Course "
            + course.name()
            + ": "
            + done
            + " of "
            + total
            + " steps done (optional reading steps not counted).");
    session
        .position()
        .ifPresent(
            p ->
                printer.styled(
                    "You are at lesson "
                        + p.lesson().number()
                        + " ("
                        + p.lesson().title()
                        + "), step "
                        + p.stepNumber()
                        + " ("
                        + p.step().title()
                        + ")"
                        + (session.isComplete(p) ? ", done." : "."),
                    printer.style().plain()));
    tutor.lessons();
    printer.line("Lab directory:   " + lab.dir());
    printer.line("runc state dir:  " + lab.runcRoot() + "  (RUNC_ROOT in your shell)");
    printer.line("Progress file:   " + progressFile);
    hooks.status().forEach(printer::line);
  }

  void reset(List<String> args) {
    Printer printer = tutor.printer();
    String scope = args.isEmpty() ? "step" : args.get(0);
    boolean yes = args.contains("--yes") || args.contains("-y");
    Optional<Position> position = tutor.session().position();
    if (position.isEmpty()) {
      return;
    }
    Position p = position.get();
    List<String> plan = new ArrayList<>();
    switch (scope) {
      case "step" ->
          plan.add(
              "forget that step "
                  + p.stepNumber()
                  + " of lesson "
                  + p.lesson().number()
                  + " is done");
      case "lesson" -> {
        plan.add(
            "forget the progress of lesson "
                + p.lesson().number()
                + " ("
                + p.lesson().title()
                + ")");
        p.lesson()
            .cleanup()
            .forEach(
                item ->
                    plan.add(
                        switch (item.kind()) {
                          case CONTAINER -> "remove container " + item.target();
                          case PROCESS ->
                              "stop " + item.target() + " if a line of this shell started it";
                          case PATH -> "remove " + cleaner.resolve(item);
                        }));
      }
      case "all" -> {
        plan.add("forget all progress in course " + tutor.session().course().name());
        cleaner.startedProcesses().forEach(running -> plan.add("stop " + running));
        cleaner
            .containers()
            .forEach(c -> plan.add("delete container " + c + " (runc delete --force)"));
        tutor
            .session()
            .course()
            .lessons()
            .forEach(
                l ->
                    l.cleanup().stream()
                        .filter(i -> i.kind() == CleanupItem.Kind.PATH)
                        .forEach(i -> plan.add("remove " + cleaner.resolve(i))));
        plan.add("empty the lab directory " + lab.dir());
      }
      default -> {
        printer.failure(":reset takes step, lesson or all");
        return;
      }
    }
    printer.line("This will:");
    plan.forEach(item -> printer.line("  - " + item));
    if (!yes && !confirm("Go ahead? [y/N] ")) {
      printer.line("Nothing was changed.");
      return;
    }
    Session session = tutor.session();
    List<String> done = new ArrayList<>();
    switch (scope) {
      case "step" -> {
        session.progress().forgetStep(p.lesson().id(), p.stepNumber());
        session.forgetOutcome(p);
      }
      case "lesson" -> {
        session.progress().forgetLesson(p.lesson().id());
        for (int i = 1; i <= p.lesson().steps().size(); i++) {
          session.forgetOutcome(new Position(p.lesson(), i));
        }
        done.addAll(cleaner.remove(p.lesson().cleanup()));
        session.moveTo(new Position(p.lesson(), 1));
      }
      default -> {
        session.progress().forgetAll();
        for (Lesson lesson : session.course().lessons()) {
          done.addAll(cleaner.remove(lesson.cleanup()));
        }
        try {
          done.addAll(cleaner.removeLabContents());
        } catch (IOException e) {
          done.add("could not empty the lab: " + e.getMessage());
        }
        session.course().lessons().stream()
            .findFirst()
            .ifPresent(first -> session.moveTo(new Position(first, 1)));
        tutor.shellState().cd(lab.dir());
      }
    }
    done.forEach(d -> printer.note("  " + d));
    save();
    printer.success("Reset " + scope + ".");
    tutor.show();
  }

  private boolean confirm(String question) {
    if (!input.interactive()) {
      tutor.printer().line("(Not confirmed: a scripted session must write :reset SCOPE --yes.)");
      return false;
    }
    try {
      String answer = input.readLine(question);
      return answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }

  private void save() {
    saver.save();
  }

  /** Leaving: no container keeps running, progress is saved, the lab stays for next time. */
  private void leave() {
    Printer printer = tutor.printer();
    List<String> removed = guard.release();
    // Saved and stopped before anything is said: the terminal may be gone already.
    saver.close();
    hooks.close();
    removed.forEach(r -> printer.note(r));
    if (leaving != null) {
      saver.unsaved().ifPresent(why -> printer.warning("Progress was not saved (" + why + ")."));
      return;
    }
    if (input.interactive()) {
      String progress =
          saver
              .unsaved()
              .map(why -> "Progress was not saved (" + why + ").")
              .orElse("Progress saved.");
      printer.note(progress + " Your lab stays in " + lab.dir() + " (:reset all removes it). Bye.");
    }
  }
}
