package dev.rootlessctr.shell;

import dev.rootlessctr.check.Observations;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.progress.Progress;
import dev.rootlessctr.tutor.Bindings;
import dev.rootlessctr.tutor.Position;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the learner is in the course and what happened at each step in this sitting: the last
 * command's outcome and how many hints were shown.
 */
final class Session {

  private final Course course;
  private final Progress progress;
  private final Map<String, Outcome> outcomes = new HashMap<>();
  private final Map<String, Integer> hintsShown = new HashMap<>();
  private final Map<String, Observations> observations = new HashMap<>();
  private final Map<String, Map<String, String>> creditedValues = new HashMap<>();
  private final Map<String, String> usedInstead = new HashMap<>();
  private final Map<String, String> skipReasons = new HashMap<>();
  private Position position;
  private boolean positionSeen = true;
  private boolean anyCheckFailed;
  private Bindings bindings = Bindings.none();
  private Outcome lastLine;
  private final Set<Path> runcRootsSeen = new LinkedHashSet<>();
  private final List<Credit> credits = new ArrayList<>();
  private final Clock clock;
  private final Instant started;
  private ProgressListener listener = ProgressListener.none();
  private String mistake;
  private Position mistakeAt;
  private int mistakeRepeats;

  Session(Course course, Progress progress) {
    this(course, progress, Clock.systemUTC());
  }

  Session(Course course, Progress progress, Clock clock) {
    this.course = course;
    this.progress = progress;
    this.clock = clock;
    this.started = clock.instant();
    this.position = resume();
  }

  /**
   * A step done in this sitting: when, and by which line ({@code :report} quotes it).
   *
   * @param command the line that did the step's work; empty when {@code :run} made an edit
   * @param exitCode that line's exit status; -1 without a line
   * @param values what the step's check measured then
   */
  record Credit(
      Position step,
      Optional<String> command,
      int exitCode,
      Instant at,
      Map<String, String> values) {
    Credit {
      values = Map.copyOf(values);
    }
  }

  /**
   * Where the saved progress says the learner was, else the first step neither done nor skipped.
   */
  private Position resume() {
    if (course.lessons().isEmpty()) {
      return null;
    }
    String saved = progress.currentLesson();
    if (saved != null) {
      Optional<Lesson> lesson = course.find(saved);
      if (lesson.isPresent()) {
        int step = Math.min(Math.max(1, progress.currentStep()), lesson.get().steps().size());
        return new Position(lesson.get(), step);
      }
    }
    for (Lesson lesson : course.lessons()) {
      for (int step = 1; step <= lesson.steps().size(); step++) {
        if (!progress.isComplete(lesson.id(), step) && !progress.isSkipped(lesson.id(), step)) {
          return new Position(lesson, step);
        }
      }
    }
    return new Position(course.lessons().get(0), 1);
  }

  Course course() {
    return course;
  }

  Progress progress() {
    return progress;
  }

  Optional<Position> position() {
    return Optional.ofNullable(position);
  }

  void moveTo(Position next) {
    position = next;
    positionSeen = true;
    progress.moveTo(next.lesson().id(), next.stepNumber());
    announce();
  }

  /**
   * From now on {@code listener} hears of every change of standing; it hears the current one at
   * once.
   */
  void listen(ProgressListener listener) {
    this.listener = listener;
    announce();
  }

  /** The tutor recognised a known mistake (by its pattern) at the current step. */
  void noteMistake(String pattern) {
    boolean again = pattern.equals(mistake) && Objects.equals(position, mistakeAt);
    mistakeRepeats = again ? mistakeRepeats + 1 : 1;
    mistake = pattern;
    mistakeAt = position;
    announce();
  }

  private void announce() {
    if (position == null) {
      return;
    }
    int done = 0;
    int total = 0;
    for (Lesson lesson : course.lessons()) {
      Tally tally = tally(lesson);
      done += tally.done();
      total += tally.total();
    }
    int repeats = Objects.equals(position, mistakeAt) ? mistakeRepeats : 0;
    listener.changed(
        new ProgressListener.Standing(
            course.name(),
            position.lesson().number(),
            position.lesson().title(),
            position.stepNumber(),
            position.lesson().steps().size(),
            position.step().title(),
            isComplete(position),
            done,
            total,
            Optional.ofNullable(mistake),
            repeats));
  }

  /**
   * Moves where the learner's own lines led, without showing the step yet: {@code :next} shows it.
   */
  void moveUnseen(Position next) {
    moveTo(next);
    positionSeen = false;
  }

  /** Whether the current step was shown since the position last moved. */
  boolean positionSeen() {
    return positionSeen;
  }

  void markSeen() {
    positionSeen = true;
  }

  /** The learner's own names and --root, as their lines so far gave them. */
  Bindings bindings() {
    return bindings;
  }

  void learn(Bindings newer) {
    bindings = bindings.with(newer);
    newer.runcRoot().ifPresent(runcRootsSeen::add);
  }

  /** Every --root of the learner's own that their lines used in this sitting, oldest first. */
  Set<Path> runcRootsSeen() {
    return Set.copyOf(runcRootsSeen);
  }

  /** When this sitting began. */
  Instant started() {
    return started;
  }

  /** The steps done in this sitting, in the order they were done. */
  List<Credit> credits() {
    return List.copyOf(credits);
  }

  /** The values a step's check measured when it was done in this sitting. */
  Optional<Map<String, String>> creditedValues(Position p) {
    return Optional.ofNullable(creditedValues.get(key(p)));
  }

  /**
   * A step was done now, by {@code by} (empty: by an edit {@code :run} made), measuring {@code
   * values}.
   */
  void rememberValues(Position p, Map<String, String> values, Optional<Outcome> by) {
    creditedValues.put(key(p), Map.copyOf(values));
    credits.removeIf(c -> c.step().equals(p));
    credits.add(
        new Credit(
            p,
            by.map(Outcome::command),
            by.map(Outcome::exitCode).orElse(-1),
            clock.instant(),
            values));
  }

  /** The course's tool and the one the learner used instead ({@code runc -> crun}). */
  Map<String, String> usedInstead() {
    return Map.copyOf(usedInstead);
  }

  void usedInstead(String courseProgram, String theirs) {
    usedInstead.put(courseProgram, theirs);
  }

  /** The last line run at the prompt, whatever step it belonged to. */
  Optional<Outcome> lastLine() {
    return Optional.ofNullable(lastLine);
  }

  void recordLine(Outcome outcome) {
    lastLine = outcome;
  }

  private String key(Position p) {
    return p.lesson().id() + "#" + p.stepNumber();
  }

  Optional<Outcome> lastOutcome(Position p) {
    return Optional.ofNullable(outcomes.get(key(p)));
  }

  void recordOutcome(Position p, Outcome outcome) {
    outcomes.put(key(p), outcome);
  }

  Observations observations(Position p) {
    return observations.getOrDefault(key(p), Observations.none());
  }

  void recordObservations(Position p, Observations seen) {
    observations.put(key(p), seen);
  }

  /**
   * Forgets a step's outcome; only {@code :reset} does, after forgetting its progress, so the
   * listener hears of it.
   */
  void forgetOutcome(Position p) {
    outcomes.remove(key(p));
    observations.remove(key(p));
    hintsShown.remove(key(p));
    announce();
  }

  int nextHint(Position p) {
    return hintsShown.merge(key(p), 1, Integer::sum);
  }

  /** How many of a lesson's steps are done, of how many. */
  record Tally(int done, int total) {
    boolean complete() {
      return done == total;
    }
  }

  /**
   * The steps that have a check, and how many of them are done: an optional reading step (lesson
   * 1's alpine pull) neither adds to the work nor holds a lesson back from done. A lesson of
   * reading steps only counts them all.
   */
  Tally tally(Lesson lesson) {
    return tally(lesson, progress);
  }

  /** As {@link #tally(Lesson)}, for a lesson of any course and that course's progress. */
  static Tally tally(Lesson lesson, Progress progress) {
    Set<Integer> completed = progress.completed(lesson.id());
    int done = 0;
    int total = 0;
    boolean onlyReading = lesson.steps().stream().allMatch(Step::isReading);
    for (int step = 1; step <= lesson.steps().size(); step++) {
      if (onlyReading || !lesson.steps().get(step - 1).isReading()) {
        total++;
        if (completed.contains(step)) {
          done++;
        }
      }
    }
    return new Tally(done, total);
  }

  boolean isComplete(Position p) {
    return progress.isComplete(p.lesson().id(), p.stepNumber());
  }

  void complete(Position p) {
    progress.complete(p.lesson().id(), p.stepNumber());
    announce();
  }

  /**
   * The host cannot do step {@code p} ({@code why}: the doctor's finding): recorded as skipped, not
   * done, so the course can still be finished.
   */
  void skip(Position p, String why) {
    progress.skip(p.lesson().id(), p.stepNumber());
    skipReasons.put(key(p), why);
    announce();
  }

  boolean isSkipped(Position p) {
    return progress.isSkipped(p.lesson().id(), p.stepNumber());
  }

  /** Done, or skipped because the host cannot do it: nothing more the course waits for. */
  boolean isSettled(Position p) {
    return isComplete(p) || isSkipped(p);
  }

  /** Why a skipped step was skipped, in the doctor's words. */
  Optional<String> skipReason(Position p) {
    if (!isSkipped(p)) {
      return Optional.empty();
    }
    return Optional.of(
        skipReasons.getOrDefault(
            key(p), "skipped in an earlier sitting, when the doctor found this host lacked it"));
  }

  void noteCheck(boolean passed) {
    anyCheckFailed |= !passed;
  }

  boolean anyCheckFailed() {
    return anyCheckFailed;
  }

  /** The step after {@code p}, crossing into the next lesson; empty at the end of the course. */
  Optional<Position> after(Position p) {
    if (!p.isLastStep()) {
      return Optional.of(new Position(p.lesson(), p.stepNumber() + 1));
    }
    int index = course.lessons().indexOf(p.lesson());
    if (index + 1 < course.lessons().size()) {
      return Optional.of(new Position(course.lessons().get(index + 1), 1));
    }
    return Optional.empty();
  }

  Optional<Position> before(Position p) {
    if (p.stepNumber() > 1) {
      return Optional.of(new Position(p.lesson(), p.stepNumber() - 1));
    }
    int index = course.lessons().indexOf(p.lesson());
    if (index > 0) {
      Lesson previous = course.lessons().get(index - 1);
      return Optional.of(new Position(previous, previous.steps().size()));
    }
    return Optional.empty();
  }
}
