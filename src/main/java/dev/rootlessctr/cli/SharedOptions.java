package dev.rootlessctr.cli;

import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.render.ColorMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the options the shell and the doctor share, before or after the doctor's name. */
final class SharedOptions {

  private Path lessons;
  private Path lab;
  private RegistryMode registry;
  private ColorMode color = ColorMode.AUTO;
  private boolean allowRoot;
  private final List<String> given = new ArrayList<>();

  /** Reads {@code arg} if it is a shared option; false when it is not one. */
  boolean take(Words.Arg arg, Words words) throws InputError {
    switch (arg.name()) {
      case "--lessons" -> lessons = folder(arg, words.value(arg));
      case "--lab" -> lab = folder(arg, words.value(arg));
      case "--registry" -> {
        String value = words.value(arg);
        try {
          registry = RegistryMode.parse(value);
        } catch (IllegalArgumentException e) {
          throw new InputError(
              "--registry " + value + ": " + e.getMessage() + ".", CommandLine.HELP_HINT);
        }
      }
      case "--color" -> {
        String value = words.value(arg);
        color =
            ColorMode.parse(value)
                .orElseThrow(
                    () ->
                        new InputError(
                            "--color takes auto, always or never (found '" + value + "').",
                            CommandLine.HELP_HINT));
      }
      case "--allow-root" -> {
        words.flag(arg);
        allowRoot = true;
      }
      default -> {
        return false;
      }
    }
    given.add(arg.name());
    return true;
  }

  /** The options given so far, by name, in order. */
  List<String> given() {
    return List.copyOf(given);
  }

  CourseOptions options() {
    return new CourseOptions(
        Optional.ofNullable(lessons),
        Optional.ofNullable(lab),
        Optional.ofNullable(registry),
        color,
        allowRoot);
  }

  private static Path folder(Words.Arg arg, String value) throws InputError {
    if (value.isBlank()) {
      // Path.of("") is the working directory: an empty --lab once made the checkout the lab.
      throw new InputError(
          arg.name() + " needs a folder name, not an empty string.", CommandLine.HELP_HINT);
    }
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new InputError(
          arg.name() + ": not a usable path (" + e.getReason() + ").", CommandLine.HELP_HINT);
    }
  }
}
