package dev.rootlessctr.doctor;

/** Asks the learner whether a command may run, e.g. "Run it now? [y/N]". */
@FunctionalInterface
public interface Consent {

  /** True only when the learner said yes to running {@code displayCommand}. */
  boolean grantedFor(String displayCommand);
}
