package dev.rootlessctr.oci;

/** A blob that is not what its descriptor promises: missing, of another size, or corrupted. */
public final class BlobProblem extends Exception {

  /** What is wrong with the blob. */
  public enum Kind {
    MISSING,
    SIZE_MISMATCH,
    DIGEST_MISMATCH
  }

  private final Kind kind;
  private final long actualSize;
  private final Digest actualDigest;

  BlobProblem(Kind kind, long actualSize, Digest actualDigest) {
    super(kind.name(), null, false, false);
    this.kind = kind;
    this.actualSize = actualSize;
    this.actualDigest = actualDigest;
  }

  public Kind kind() {
    return kind;
  }

  /** The file's size, for {@link Kind#SIZE_MISMATCH}. */
  public long actualSize() {
    return actualSize;
  }

  /** What the file hashes to, for {@link Kind#DIGEST_MISMATCH}. */
  public Digest actualDigest() {
    return actualDigest;
  }
}
