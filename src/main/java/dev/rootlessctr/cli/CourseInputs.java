package dev.rootlessctr.cli;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lesson.CourseShelf;
import dev.rootlessctr.lesson.VisibleText;
import dev.rootlessctr.mirror.RegistryMode;
import dev.rootlessctr.settings.Settings;
import dev.rootlessctr.settings.XdgDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks what the shell and the doctor are about to use, before either starts: the course folder,
 * the lab directory and the registry mode (from the command line, else settings.json). Each problem
 * becomes an {@link InputError} with its own message, so no bad path or setting reaches code that
 * would fail on it with a stack trace.
 */
final class CourseInputs {

  /** The same file names the course loader reads. */
  private static final Pattern LESSON_FILE = Pattern.compile("\\d+[-_].+\\.md");

  private CourseInputs() {}

  /** The course the project ships, used when no {@code --lessons} is given. */
  static Path defaultLessons(Path projectDir) {
    return projectDir.resolve("lessons").resolve("rootless");
  }

  /** The folder the shipped courses sit in, where {@code --lessons NAME} looks. */
  static CourseShelf shelf(Path projectDir) {
    return CourseShelf.in(defaultLessons(projectDir).getParent());
  }

  /**
   * The course folder, absolute: {@code given} (a path, or the name of a course beside the shipped
   * ones, such as {@code deeper}), else the project's; it must be a folder holding at least one
   * lesson file.
   */
  static Path lessons(Optional<Path> given, Path projectDir) throws InputError {
    CourseShelf shelf = shelf(projectDir);
    Path chosen = defaultLessons(projectDir);
    if (given.isPresent()) {
      try {
        chosen = shelf.resolve(given.get().toString());
      } catch (CourseShelf.Unknown e) {
        throw new InputError(
            "--lessons " + VisibleText.of(given.get().toString()) + ": " + e.getMessage() + ".",
            e.hint() + " Name one of them, or a course folder by its path.");
      }
    }
    Path dir = chosen.toAbsolutePath().normalize();
    String option =
        given
            .map(p -> "--lessons " + VisibleText.of(p.toString()))
            .orElse("the course folder " + dir);
    String hint =
        given.isPresent()
            ? CourseShelf.listing(shelf.courses()) + " Name one of them, or a course folder."
            : "Start rootless-ctr from the project folder (./rootless-ctr), or pass --lessons DIR.";
    if (!Files.exists(dir)) {
      String link =
          Files.isSymbolicLink(dir)
              ? " (it is a link to " + linkTarget(dir) + ", which is gone)"
              : "";
      throw new InputError(option + link + ": there is no such folder.", hint);
    }
    if (!Files.isDirectory(dir)) {
      throw new InputError(option + " is a file, not a course folder.", hint);
    }
    if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
      throw new InputError(option + ": you may not read that folder.", hint);
    }
    boolean any;
    try (Stream<Path> listing = Files.list(dir)) {
      any = listing.anyMatch(p -> LESSON_FILE.matcher(p.getFileName().toString()).matches());
    } catch (IOException e) {
      throw new InputError(option + ": cannot list it (" + e.getMessage() + ").", hint);
    }
    if (!any || dir.getFileName() == null) {
      throw new InputError(option + " holds no lesson files (named like 01-pull.md).", hint);
    }
    return dir;
  }

  /**
   * What a subcommand's {@code --lessons VALUE} names (lint and verify judge the folder
   * themselves): a path as given, or a course beside the shipped ones.
   */
  static Path named(Path given, Path projectDir) throws InputError {
    try {
      return shelf(projectDir).resolve(given.toString());
    } catch (CourseShelf.Unknown e) {
      throw new InputError(
          "--lessons " + VisibleText.of(given.toString()) + ": " + e.getMessage() + ".",
          e.hint() + " Name one of them, or a course folder by its path.");
    }
  }

  private static String linkTarget(Path link) {
    try {
      return VisibleText.of(Files.readSymbolicLink(link).toString());
    } catch (IOException e) {
      return "something unreadable";
    }
  }

  /** The lab directory, absolute: given, or the default in the home; it must be writable. */
  static Path lab(Optional<Path> given, HostUser user) throws InputError {
    Path dir = given.map(p -> p.toAbsolutePath().normalize()).orElseGet(() -> Lab.defaultDir(user));
    String option = given.isPresent() ? "--lab " + given.get() : "the lab directory " + dir;
    String hint =
        given.isPresent()
            ? "Name a folder you own, or leave --lab out for " + Lab.defaultDir(user) + "."
            : "Pass --lab DIR to use another folder.";
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new InputError(option + " is a file, not a folder.", hint);
      }
      if (!Files.isWritable(dir) || !Files.isExecutable(dir)) {
        throw new InputError(option + ": you may not write in that folder.", hint);
      }
      // Writable is not enough: a lab in a folder someone else owns (a shared /tmp folder, or a
      // link into another user's home) would let them change what the lessons check and run.
      long owner = owner(dir);
      if (owner != user.uid()) {
        String link = Files.isSymbolicLink(dir) ? " (it is a link to " + real(dir) + ")" : "";
        throw new InputError(
            option + link + " belongs to uid " + owner + ", not to you (uid " + user.uid() + ").",
            hint);
      }
      return dir;
    }
    Path parent = dir.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent)) {
      throw new InputError(option + " cannot be created: " + parent + " is not a folder.", hint);
    }
    if (!Files.isWritable(parent) || !Files.isExecutable(parent)) {
      throw new InputError(
          option + " does not exist and cannot be created: you may not write in " + parent + ".",
          hint);
    }
    return dir;
  }

  private static long owner(Path dir) throws InputError {
    try {
      return ((Number) Files.getAttribute(dir, "unix:uid")).longValue();
    } catch (IOException | UnsupportedOperationException e) {
      // unreadable, or a file system with no "unix" attribute view: say so rather than guess
      throw new InputError("cannot tell who owns " + dir + " (" + e.getMessage() + ").", "");
    }
  }

  private static Path real(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      return dir;
    }
  }

  /** The registry mode: the command line's, else settings.json's, else offline. */
  static RegistryMode registry(Optional<RegistryMode> given, XdgDirs dirs) throws InputError {
    if (given.isPresent()) {
      return given.get();
    }
    Settings settings;
    try {
      settings = Settings.load(dirs.config());
    } catch (Settings.Invalid e) {
      throw new InputError(
          e.getMessage() + ".",
          "Fix or remove that file, or pass --registry MODE, which wins over it.");
    }
    try {
      return RegistryMode.parse(settings.registry());
    } catch (IllegalArgumentException e) {
      throw new InputError(
          Settings.file(dirs.config()) + ": \"registry\": " + e.getMessage() + ".",
          "Fix or remove that file, or pass --registry MODE, which wins over it.");
    }
  }
}
