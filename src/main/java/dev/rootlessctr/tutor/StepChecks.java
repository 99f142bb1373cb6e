package dev.rootlessctr.tutor;

import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.Observations;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.lesson.Step;
import java.util.Optional;

/** Runs a step's check against the real state, read with the learner's names. */
@FunctionalInterface
public interface StepChecks {

  CheckReport check(Step step, Optional<Outcome> outcome, Observations seen, Bindings bindings);
}
