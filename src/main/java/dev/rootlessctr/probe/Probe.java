package dev.rootlessctr.probe;

import java.io.IOException;
import java.util.List;

/**
 * A named, read-only look at real state that a lesson's check can call by name.
 *
 * <p>A probe never changes anything the learner can see: it reads files, /proc and the JSON that
 * tools print. It measures values (a uid, a digest, a namespace inode) that the step's explanation
 * may quote.
 */
public interface Probe {

  /** The name lessons use, e.g. {@code oci-layout}. */
  String name();

  /** One line: the arguments it takes, e.g. {@code oci-layout DIR [TAG]}. */
  String usage();

  /**
   * The names of the values this probe measures, so that a lesson's {@code {{probe-name.key}}} can
   * be checked when the lesson is loaded; a result never has a value whose name is not listed.
   */
  default List<String> valueNames() {
    return List.of();
  }

  /**
   * Looks; {@code args} are the words the lesson wrote after the probe's name.
   *
   * <p>State that is not as promised (a missing file, a stopped container) is a failed result whose
   * "actual" tells the learner what is wrong, not an exception.
   *
   * @throws IllegalArgumentException when the lesson passed the wrong number of words: a bug in the
   *     lesson, reported with {@link #usage()}
   */
  ProbeResult run(ProbeContext context, List<String> args) throws IOException;
}
