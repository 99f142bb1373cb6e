package dev.rootlessctr.shell;

import dev.rootlessctr.doctor.Finding;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.room.LearnerProgress;
import dev.rootlessctr.room.Publisher;
import dev.rootlessctr.room.RoomConsent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * In workshop mode: asks the learner once whether the room may see their progress, and if so
 * publishes their standing to the room's registry after each change, in the background. A script
 * never asks; it publishes only when a yes is already stored. Everything else is the wrapped hooks'
 * business.
 */
final class RoomWiring implements LessonHooks, ProgressListener {

  private final LessonHooks inner;
  private final String address;
  private final Path configDir;
  private final Path stateDir;
  private final String loginName;
  private final boolean interactive;
  private final Clock clock;
  private final BiFunction<String, String, Publisher> publishers;
  private RoomConsent consent;
  private Publisher publisher;
  private Standing latest;
  private Instant stepSince;

  RoomWiring(
      LessonHooks inner,
      String address,
      Path configDir,
      Path stateDir,
      String loginName,
      boolean interactive,
      Clock clock,
      BiFunction<String, String, Publisher> publishers) {
    this.inner = inner;
    this.address = address;
    this.configDir = configDir;
    this.stateDir = stateDir;
    this.loginName = loginName;
    this.interactive = interactive;
    this.clock = clock;
    this.publishers = publishers;
    this.stepSince = clock.instant();
  }

  @Override
  public void started(Printer printer, Predicate<String> confirm) {
    inner.started(printer, confirm);
    Optional<RoomConsent> stored = RoomConsent.load(configDir);
    if (stored.isPresent()) {
      consent = stored.get();
      if (consent.share()) {
        startSharing(printer);
        printer.note(
            "Sharing your progress with the room at "
                + address
                + " as '"
                + name()
                + "' (:room off stops it).");
      }
      return;
    }
    if (interactive) {
      ask(printer, confirm);
    }
  }

  /** The consent question, with exactly what is shared; the answer is stored either way. */
  private void ask(Printer printer, Predicate<String> confirm) {
    printer.blank();
    printer.paragraph(
        "This is a workshop: the instructor can watch the progress of each learner who agrees,"
            + " through the room's registry at "
            + address
            + ".");
    printer.line("Shared: " + RoomConsent.WHAT_IS_SHARED);
    printer.paragraph(
        "You appear as '"
            + name()
            + "' (:room name NEW changes it); :room off stops sharing at any time.");
    boolean yes = confirm.test("Share your progress with the room? [y/N] ");
    consent = new RoomConsent(yes, name());
    try {
      consent.save(configDir);
    } catch (IOException e) {
      printer.note(
          "(Your answer could not be stored in "
              + RoomConsent.file(configDir)
              + ": "
              + e.getMessage()
              + "; it holds for this session.)");
    }
    if (yes) {
      startSharing(printer);
      printer.note(
          "Sharing with the room as '"
              + name()
              + "'. Your answer is kept in "
              + RoomConsent.file(configDir)
              + ".");
    } else {
      printer.note("Not sharing. :room on changes your mind.");
    }
  }

  private String name() {
    return consent != null && !consent.name().isEmpty() ? consent.name() : loginName;
  }

  private void startSharing(Printer printer) {
    if (publisher != null) {
      return;
    }
    try {
      publisher = publishers.apply(address, RoomConsent.learnerId(stateDir));
      if (latest != null) {
        publisher.publish(record(latest));
      }
    } catch (IOException e) {
      printer.note(
          "(The room cannot be told of your progress: no learner id in "
              + stateDir
              + ": "
              + e.getMessage()
              + ".)");
    }
  }

  @Override
  public void changed(Standing standing) {
    if (latest == null
        || latest.lessonNumber() != standing.lessonNumber()
        || latest.step() != standing.step()) {
      stepSince = clock.instant();
    }
    latest = standing;
    if (publisher != null) {
      publisher.publish(record(standing));
    }
  }

  private LearnerProgress record(Standing s) {
    return new LearnerProgress(
        true,
        name(),
        s.course(),
        s.lessonNumber(),
        s.lessonTitle(),
        s.step(),
        s.steps(),
        s.stepTitle(),
        s.stepDone(),
        s.done(),
        s.total(),
        stepSince,
        clock.instant(),
        s.mistake(),
        s.mistakeRepeats());
  }

  @Override
  public ProgressListener progressListener() {
    return this;
  }

  @Override
  public void beforeLesson(Lesson lesson, Printer printer) {
    if (publisher != null) {
      publisher.takeFailure().ifPresent(why -> printer.note("(Room: " + why + ")"));
    }
    inner.beforeLesson(lesson, printer);
  }

  @Override
  public boolean courseBlocked(Printer printer) {
    return inner.courseBlocked(printer);
  }

  @Override
  public List<Finding> stepBlockers(Step step) {
    return inner.stepBlockers(step);
  }

  @Override
  public void room(List<String> args, Printer printer, Predicate<String> confirm) {
    String what = args.isEmpty() ? "" : args.get(0);
    switch (what) {
      case "on" -> {
        if (!interactive) {
          printer.paragraph(
              "A script cannot agree for the learner: answer :room on in an interactive session, or"
                  + " store {\"share\": true} in "
                  + RoomConsent.file(configDir)
                  + ".");
          return;
        }
        consent = null;
        ask(printer, confirm);
      }
      case "off" -> stopSharing(printer);
      case "name" -> rename(args, printer);
      case "" -> {
        boolean sharing = publisher != null;
        printer.paragraph(
            sharing
                ? "Sharing your progress with the room at " + address + " as '" + name() + "'."
                : "Not sharing your progress with the room at " + address + ".");
        printer.line("What is shared: " + RoomConsent.WHAT_IS_SHARED);
        printer.note(
            sharing
                ? ":room off stops it; :room name NEW changes your name."
                : ":room on asks to share.");
      }
      default -> printer.failure(":room takes on, off or name NEW");
    }
  }

  private void stopSharing(Printer printer) {
    consent = new RoomConsent(false, name());
    store(printer);
    if (publisher != null) {
      // The registry may not allow deletes; overwriting the tag leaves nothing about the learner.
      publisher.publish(LearnerProgress.withdrawn(clock.instant()));
      publisher.close(3);
      publisher = null;
    }
    printer.success(
        "Not sharing with the room any more; what it showed of you was replaced by an empty"
            + " record.");
  }

  private void rename(List<String> args, Printer printer) {
    String name = String.join(" ", args.subList(1, args.size())).strip();
    if (name.isEmpty()) {
      printer.failure(":room name NEW, e.g. :room name Ada");
      return;
    }
    consent = new RoomConsent(consent != null && consent.share(), name);
    store(printer);
    if (publisher != null && latest != null) {
      publisher.publish(record(latest));
    }
    printer.success(
        "The room shows you as '"
            + consent.name()
            + "'"
            + (publisher == null ? " when you share (:room on)." : "."));
  }

  private void store(Printer printer) {
    try {
      consent.save(configDir);
    } catch (IOException e) {
      printer.failure(
          "could not store your answer in " + RoomConsent.file(configDir) + ": " + e.getMessage());
    }
  }

  @Override
  public void doctor(Printer printer, Predicate<String> confirm) {
    inner.doctor(printer, confirm);
  }

  @Override
  public List<String> status() {
    List<String> lines = new ArrayList<>(inner.status());
    lines.add(
        "Room:            "
            + (publisher != null
                ? "sharing as '" + name() + "' with " + address
                : "not sharing (:room on)"));
    return lines;
  }

  @Override
  public void close() {
    if (publisher != null) {
      publisher.close(2);
    }
    inner.close();
  }
}
