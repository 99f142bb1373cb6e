package dev.rootlessctr.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads text that the shell does not control (a program's terminal output, an environment, a config
 * file the learner edited, /etc/passwd, mount tables) as UTF-8, with bytes that are not UTF-8 shown
 * as U+FFFD instead of failing: vim under a POSIX locale, a Latin-1 name in /etc/passwd or a file
 * name in Latin-1 must not stop the step.
 */
public final class LenientText {

  private LenientText() {}

  public static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  public static List<String> lines(Path file) throws IOException {
    return read(file).lines().toList();
  }
}
