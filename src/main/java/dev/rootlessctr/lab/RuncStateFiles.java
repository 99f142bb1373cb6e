package dev.rootlessctr.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** What a runc state directory holds without asking runc: one directory per container id. */
final class RuncStateFiles {

  private RuncStateFiles() {}

  /** The container ids in {@code root}; none when it does not exist. */
  static Set<String> ids(Path root) {
    Set<String> ids = new LinkedHashSet<>();
    try (Stream<Path> entries = Files.list(root)) {
      entries
          .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .sorted()
          .forEach(p -> ids.add(p.getFileName().toString()));
    } catch (IOException e) {
      // no state directory: no container
    }
    return ids;
  }
}
