package dev.rootlessctr.host;

/** runc answered, but not with what was asked: an error, no answer in time, or no JSON. */
public final class RuncException extends Exception {

  private final boolean timedOut;

  RuncException(String message, boolean timedOut) {
    super(message);
    this.timedOut = timedOut;
  }

  /** Whether runc gave no answer within the time allowed. */
  public boolean timedOut() {
    return timedOut;
  }
}
