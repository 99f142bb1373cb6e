package dev.rootlessctr.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The release an instructor hands out to a room ({@code rootless-ctr_VERSION_all.deb}, {@code
 * rootless-ctr-VERSION.tar.gz}), served read-only at {@code /release/NAME} from one directory, with
 * a plain-text list at {@code /release/}. Only files named like a release are served, so nothing
 * else in that directory is reachable.
 */
final class ReleaseFiles {

  static final String PREFIX = "/release/";

  private static final Pattern RELEASE =
      Pattern.compile(
          "rootless-ctr(-[0-9][A-Za-z0-9.~+-]*\\.tar\\.gz|_[0-9][A-Za-z0-9.~+-]*_all\\.deb)");

  private final Path dir;

  ReleaseFiles(Path dir) {
    this.dir = dir;
  }

  /** The release files in the directory now, by name. */
  List<String> names() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString())
          .filter(n -> RELEASE.matcher(n).matches())
          .sorted()
          .toList();
    }
  }

  /** Answers {@code path} (which starts with {@link #PREFIX}, already checked for '..' and '%'). */
  void answer(String path, HttpResponse response) throws IOException {
    String name = path.substring(PREFIX.length());
    if (name.isEmpty()) {
      response.header("Content-Type", "text/plain; charset=utf-8");
      response.send(200, (String.join("\n", names()) + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    Path file = dir.resolve(name);
    if (!RELEASE.matcher(name).matches() || !Files.isRegularFile(file)) {
      response.header("Content-Type", "text/plain; charset=utf-8");
      response.send(
          404,
          ("no release file " + name + "; /release/ lists them\n")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    response.header(
        "Content-Type",
        name.endsWith(".deb") ? "application/vnd.debian.binary-package" : "application/gzip");
    response.send(200, file, 0, Files.size(file));
  }
}
