package dev.rootlessctr.progress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Which progress file belongs to a course. The name is the course folder's name plus a short hash
 * of its real path, so two course folders that share a name ({@code ~/a/rootless} and {@code
 * ~/b/rootless}) never share progress, and a symlinked folder is the course it points to.
 */
public final class ProgressFiles {

  private ProgressFiles() {}

  /** The progress file for {@code courseDir} in {@code stateDir}. */
  public static Path forCourse(Path stateDir, Path courseDir) {
    return stateDir.resolve(
        "progress-" + safeName(courseDir) + "-" + shortHash(realPath(courseDir)) + ".json");
  }

  /**
   * Before progress files were keyed by path they were named {@code progress-NAME.json}. The first
   * course of that name to start afterwards takes that file over (it is the course the learner
   * used, normally the default one), so nobody loses their progress by upgrading. Returns true when
   * it moved the old file.
   */
  public static boolean migrate(Path stateDir, Path courseDir) {
    Path keyed = forCourse(stateDir, courseDir);
    Path old =
        stateDir.resolve(
            "progress-" + courseDir.toAbsolutePath().normalize().getFileName() + ".json");
    if (Files.exists(keyed)
        || !Files.isRegularFile(old)
        || anyKeyedFileFor(stateDir, safeName(courseDir))) {
      return false;
    }
    try {
      Files.move(old, keyed, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      return false; // a read-only state dir: the course starts without its old progress
    }
  }

  private static boolean anyKeyedFileFor(Path stateDir, String name) {
    try (Stream<Path> files = Files.list(stateDir)) {
      String prefix = "progress-" + name + "-";
      return files
          .map(f -> f.getFileName().toString())
          .anyMatch(f -> f.startsWith(prefix) && f.matches(".*-[0-9a-f]{10}\\.json"));
    } catch (IOException e) {
      return false;
    }
  }

  static String realPath(Path dir) {
    try {
      return dir.toRealPath().toString();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize().toString();
    }
  }

  /** The folder name, limited to characters that are harmless in a file name and a terminal. */
  static String safeName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    String text = name == null ? "root" : name.toString();
    String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.length() > 40 ? safe.substring(0, 40) : safe;
  }

  static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
