package dev.rootlessctr.oci;

/**
 * Content that breaks the OCI format. The message is a predicate that follows the name of where the
 * content was found ("index.json" + " has an entry without a \"digest\""), so each caller names its
 * source its own way. No stack trace: it describes data, not a bug.
 */
public class OciFormatException extends Exception {

  public OciFormatException(String predicate) {
    super(predicate, null, false, false);
  }

  /** The whole sentence, e.g. {@code index.json has an entry without a "digest"}. */
  public String about(String source) {
    return source + " " + getMessage();
  }
}
