package dev.rootlessctr.inspect;

import java.util.List;
import java.util.Optional;

/**
 * What {@code :inspect} found: what was looked at, and its facts in the order they are shown.
 *
 * @param title one line naming the thing and where it was found
 */
public record Inspection(Kind kind, String title, List<Fact> facts) {

  /** What was inspected. */
  public enum Kind {
    CONTAINER,
    BUNDLE,
    LAYOUT,
    /** No argument: what there is to inspect. */
    OVERVIEW,
    /** The argument named nothing that exists. */
    NOTHING
  }

  public Inspection {
    facts = List.copyOf(facts);
  }

  /** The fact with this label, if there is one. */
  public Optional<Fact> fact(String label) {
    return facts.stream().filter(f -> f.label().equals(label)).findFirst();
  }
}
