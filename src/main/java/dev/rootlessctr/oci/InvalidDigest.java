package dev.rootlessctr.oci;

/** A string that is not a digest this program accepts, with which of the reasons it is. */
public final class InvalidDigest extends OciFormatException {

  /** Why: the registry answers the first two alike, a probe words them apart. */
  public enum Problem {
    /** No {@code ALG:} prefix, or one that is not an algorithm name at all. */
    NO_ALGORITHM,
    /** A well-formed algorithm other than sha256 and sha512. */
    UNSUPPORTED_ALGORITHM,
    /** A known algorithm with a hex part of the wrong length or not lowercase hex. */
    BAD_HEX
  }

  private final Problem problem;
  private final String text;

  InvalidDigest(Problem problem, String text, String predicate) {
    super(predicate);
    this.problem = problem;
    this.text = text;
  }

  public Problem problem() {
    return problem;
  }

  /** The string that was refused, as given. */
  public String text() {
    return text;
  }
}
