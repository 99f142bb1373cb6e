package dev.rootlessctr.probe;

/**
 * Thrown inside a probe when the state is not what the probe looks for.
 *
 * <p>The message is what the learner reads as "actual", so it names the file, field or process and
 * says what it means. It carries no stack trace: it is an answer, not an error.
 */
final class Unmet extends Exception {

  Unmet(String whatWasFound) {
    super(whatWasFound, null, false, false);
  }
}
