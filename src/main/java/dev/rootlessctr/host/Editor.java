package dev.rootlessctr.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The text editor to suggest when a lesson asks for a file to be edited by hand: the one the
 * learner chose ({@code $VISUAL}, {@code $EDITOR}), else the first common one installed, else
 * BusyBox's own {@code vi} (the course needs busybox-static anyway).
 *
 * @param command what to type before the file name, e.g. {@code nano} or {@code busybox vi}
 * @param path where the program is
 * @param source why this one: {@code $VISUAL}, {@code $EDITOR}, {@code installed} or {@code
 *     busybox}
 */
public record Editor(String command, Path path, String source) {

  /** Tried in this order after the learner's own choice; the friendliest first. */
  public static final List<String> COMMON =
      List.of("nano", "micro", "vi", "vim", "vim.tiny", "emacs");

  /** The editor for this environment, programs looked up on its PATH. */
  public static Optional<Editor> find(Map<String, String> env) {
    return find(env, program -> onPath(program, env.getOrDefault("PATH", "")));
  }

  /**
   * The editor for {@code env}, with {@code which} finding a program as the learner's PATH would.
   */
  public static Optional<Editor> find(
      Map<String, String> env, Function<String, Optional<Path>> which) {
    for (String variable : List.of("VISUAL", "EDITOR")) {
      String value = env.getOrDefault(variable, "").strip();
      if (value.isEmpty()) {
        continue;
      }
      // "code --wait" or "emacs -nw": the program is the first word.
      String program = value.split("\\s+")[0];
      Optional<Path> found =
          program.startsWith("/")
              ? Optional.of(Path.of(program)).filter(Editor::runnable)
              : which.apply(program);
      if (found.isPresent()) {
        return Optional.of(new Editor(value, found.get(), "$" + variable));
      }
    }
    for (String program : COMMON) {
      Optional<Path> found = which.apply(program);
      if (found.isPresent()) {
        return Optional.of(new Editor(program, found.get(), "installed"));
      }
    }
    return which.apply("busybox").map(busybox -> new Editor("busybox vi", busybox, "busybox"));
  }

  private static Optional<Path> onPath(String program, String path) {
    for (String dir : path.split(":")) {
      if (dir.startsWith("/")) {
        Path candidate = Path.of(dir, program);
        if (runnable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean runnable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }
}
