package dev.rootlessctr.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the full story of a crash to {@code crash-TIME.log} in the state directory, readable by
 * the learner alone (it may show paths and settings), so that the terminal shows one line.
 */
final class CrashLog {

  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Clock clock;

  CrashLog(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Writes the log for {@code crash} during {@code args}; returns its path. */
  Path write(Throwable crash, List<String> args, String thread) throws IOException {
    Files.createDirectories(
        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    StringWriter text = new StringWriter();
    try (PrintWriter log = new PrintWriter(text)) {
      log.println("rootless-ctr crashed at " + clock.instant());
      log.println("arguments: " + args);
      log.println("thread: " + thread);
      log.println(
          "java: "
              + Runtime.version()
              + ", "
              + System.getProperty("os.name")
              + " "
              + System.getProperty("os.version"));
      log.println();
      crash.printStackTrace(log);
    }
    String stem = "crash-" + NAME.format(clock.instant());
    for (int n = 0; ; n++) {
      Path file = dir.resolve(stem + (n == 0 ? "" : "-" + n) + ".log");
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException taken) {
        continue;
      }
      Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
      return file;
    }
  }
}
