package dev.rootlessctr.lab;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A runc that keeps containers as directories in its {@code --root}, as the real one does: {@code
 * list} shows them, {@code delete --force} removes one; {@link #create} plays a line that started a
 * container.
 */
final class FakeRunc implements ProcessRunner {

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException {
    Path root = Path.of(argv.get(2));
    switch (argv.get(3)) {
      case "list" -> {
        String json =
            RuncStateFiles.ids(root).stream()
                .map(id -> "{\"id\":\"" + id + "\",\"status\":\"running\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return new Captured(argv, 0, json, "", false);
      }
      case "delete" -> {
        Path container = root.resolve(argv.get(argv.size() - 1));
        Files.deleteIfExists(container);
        return new Captured(argv, 0, "", "", false);
      }
      default -> {
        return new Captured(argv, 1, "", "fake runc: " + argv, false);
      }
    }
  }

  static void create(Path root, String id) throws IOException {
    Files.createDirectories(root.resolve(id));
  }
}
