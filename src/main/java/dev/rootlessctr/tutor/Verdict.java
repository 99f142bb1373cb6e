package dev.rootlessctr.tutor;

import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.lesson.Mistake;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one line the learner typed did, as the tutor judged it. The shell prints a verdict; it
 * decides nothing itself.
 */
public sealed interface Verdict {

  /** Nothing worth saying: the learner is exploring and nothing failed. */
  record Quiet() implements Verdict {}

  /**
   * One step the line completed.
   *
   * @param report the check that passed, with the values it measured
   * @param seen what was seen from outside while the line ran
   * @param bindings the learner's own names and {@code --root}, as the check used them
   */
  record Credit(Position step, CheckReport report, Observations seen, Bindings bindings) {}

  /**
   * The line completed these steps, in course order; {@code next} is the first step not done, and
   * {@code here} what the current step still lacks when the line was its work too but did not do it
   * (a container session that tried the read-only root but never ran {@code ip a}).
   */
  record Completed(List<Credit> credits, Optional<Position> next, Optional<NotYet> here)
      implements Verdict {
    public Completed {
      credits = List.copyOf(credits);
    }

    public Completed(List<Credit> credits, Optional<Position> next) {
      this(credits, next, Optional.empty());
    }
  }

  /** The line was this step's work, but the step's check does not hold yet. */
  record NotYet(Position step, ExpectationResult failed, Observations seen, Bindings bindings)
      implements Verdict {}

  /** The line was an earlier command of the step, and it worked: {@code next} comes now. */
  record NextCommand(Position step, String next) implements Verdict {}

  /**
   * The output shows a mistake the course knows, judged in the context of the step the line was
   * meant for, and true in the learner's situation.
   */
  record KnownMistake(
      Position context, Mistake mistake, Map<String, String> values, Observations seen)
      implements Verdict {
    public KnownMistake {
      values = Map.copyOf(values);
    }
  }

  /**
   * The tool reported that it was called wrongly; {@code corrected} is the likely intended line.
   */
  record WrongUsage(String program, UsageError error, Optional<String> corrected)
      implements Verdict {}

  /** bash found no command {@code typed}; {@code suggestion} is the course's closest command. */
  record NotFound(String typed, Optional<String> suggestion, Optional<String> corrected)
      implements Verdict {}

  /** Where a line ran. */
  enum Side {
    HOST,
    CONTAINER
  }

  /**
   * A line meant for one side ran on the other: {@code touch /tmp/toto} typed here, on the host, or
   * {@code runc} typed inside the container.
   *
   * @param start for a container line run on the host: the command that starts the container
   */
  record WrongSide(String command, Side ranOn, Optional<Position> step, Optional<String> start)
      implements Verdict {}

  /**
   * The learner used another tool for a step's work ({@code crun} for {@code runc}): the course's
   * checks look at what its own tool made, so the tutor says so instead of judging.
   */
  record OtherTool(
      String program,
      String courseProgram,
      String subcommand,
      Optional<Position> step,
      int exitCode,
      String lastLine)
      implements Verdict {}

  /** The runc state directory the learner named belongs to another user. */
  record ForeignStateDir(Path dir, String owner, Path courseRoot) implements Verdict {}

  /**
   * The line failed and the tutor cannot tell why: it says what it saw, and that it is not sure.
   */
  record Unsure(String program, int exitCode, String lastLine, boolean inCourse)
      implements Verdict {}
}
