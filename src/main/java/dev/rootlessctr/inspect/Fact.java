package dev.rootlessctr.inspect;

import java.util.List;
import java.util.Optional;

/**
 * One thing {@code :inspect} says: a label and the lines measured for it, or why it could not be
 * measured.
 *
 * @param unreadable why nothing could be read; empty when {@code lines} holds the measurement
 */
public record Fact(String label, List<String> lines, Optional<String> unreadable) {

  public Fact {
    lines = List.copyOf(lines);
  }

  static Fact of(String label, String... lines) {
    return new Fact(label, List.of(lines), Optional.empty());
  }

  static Fact of(String label, List<String> lines) {
    return new Fact(label, lines, Optional.empty());
  }

  static Fact unreadable(String label, String why) {
    return new Fact(label, List.of(), Optional.of(why));
  }

  public boolean measured() {
    return unreadable.isEmpty();
  }
}
