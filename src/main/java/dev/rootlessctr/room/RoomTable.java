package dev.rootlessctr.room;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The instructor's view of one round: a line per learner who shares, with who looks stuck marked.
 * Decides nothing about the screen; {@link RoomCommand} prints the lines.
 *
 * @param stuckAfter on one step, not done, for longer than this looks stuck
 * @param stuckRepeats the same known mistake this many times in a row on one step looks stuck
 */
record RoomTable(String address, Duration stuckAfter, int stuckRepeats) {

  private static final String ROW = "%-16s %-24s %-30s %8s %5s  %-30s %s";
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Why a learner looks stuck, if they do. */
  Optional<String> stuck(LearnerProgress p, Instant now) {
    if (p.stepDone()) {
      return Optional.empty();
    }
    Duration on = onStep(p, now);
    if (on.compareTo(stuckAfter) > 0) {
      return Optional.of("STUCK: " + on.toMinutes() + " min on this step");
    }
    if (p.mistake().isPresent() && p.mistakeRepeats() >= stuckRepeats) {
      return Optional.of("STUCK: same mistake " + p.mistakeRepeats() + " times");
    }
    return Optional.empty();
  }

  /** Time on the step by the learner's clock, which in a room is close enough; never negative. */
  static Duration onStep(LearnerProgress p, Instant now) {
    Duration on = Duration.between(p.stepSince(), now);
    return on.isNegative() ? Duration.ZERO : on;
  }

  List<String> render(RoomReader.Round round, Instant now) {
    List<LearnerProgress> sharing =
        round.learners().stream()
            .filter(LearnerProgress::sharing)
            .sorted(
                Comparator.comparing(
                        (LearnerProgress p) -> p.name().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(LearnerProgress::updated))
            .toList();
    long stuck = sharing.stream().filter(p -> stuck(p, now).isPresent()).count();
    List<String> lines = new ArrayList<>();
    lines.add(
        "Room at "
            + address
            + ": "
            + sharing.size()
            + " learner"
            + (sharing.size() == 1 ? "" : "s")
            + " sharing, "
            + stuck
            + " look"
            + (stuck == 1 ? "s" : "")
            + " stuck  ("
            + CLOCK.format(now)
            + ")");
    int withdrawn = round.learners().size() - sharing.size();
    if (withdrawn > 0 || round.unreadable() > 0) {
      lines.add(
          (withdrawn > 0 ? withdrawn + " stopped sharing. " : "")
              + (round.unreadable() > 0
                  ? round.unreadable() + " record(s) could not be read."
                  : ""));
    }
    if (sharing.isEmpty()) {
      lines.add(
          "No learner shares progress yet: they start with --registry workshop="
              + address
              + " and answer yes once.");
      return lines;
    }
    lines.add("");
    lines.add(
        String.format(ROW, "LEARNER", "LESSON", "STEP", "ON STEP", "DONE", "LAST MISTAKE", "")
            .stripTrailing());
    for (LearnerProgress p : sharing) {
      String lesson = cut(p.lessonNumber() + ". " + p.lessonTitle(), 24);
      String step =
          cut(p.step() + "/" + p.steps() + (p.stepDone() ? " done " : " ") + p.stepTitle(), 30);
      String mistake =
          p.mistake()
              .map(m -> cut(m, 26) + (p.mistakeRepeats() > 1 ? " x" + p.mistakeRepeats() : ""))
              .orElse("-");
      lines.add(
          String.format(
                  ROW,
                  cut(p.name(), 16),
                  lesson,
                  step,
                  duration(onStep(p, now)),
                  p.done() + "/" + p.total(),
                  mistake,
                  stuck(p, now).orElse(""))
              .stripTrailing());
    }
    return lines;
  }

  static String duration(Duration d) {
    long s = d.toSeconds();
    return s < 3600
        ? String.format("%dm%02ds", s / 60, s % 60)
        : String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  private static String cut(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "~";
  }
}
