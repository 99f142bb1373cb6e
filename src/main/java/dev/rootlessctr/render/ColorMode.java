package dev.rootlessctr.render;

import java.util.Locale;
import java.util.Optional;

/** When to colour, as {@code --color} says: decide from the terminal, always, or never. */
public enum ColorMode {
  AUTO,
  ALWAYS,
  NEVER;

  /** {@code auto}, {@code always} or {@code never} (any case); empty for anything else. */
  public static Optional<ColorMode> parse(String text) {
    for (ColorMode mode : values()) {
      if (mode.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
