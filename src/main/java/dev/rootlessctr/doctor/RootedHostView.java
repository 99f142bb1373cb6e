package dev.rootlessctr.doctor;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A host view whose files live under a root directory; {@code /} is the real machine. */
final class RootedHostView implements HostView {

  private final Path root;
  private final Map<String, String> env;
  private final ProcessRunner processes;
  private final SpaceMeter space;

  RootedHostView(Path root, Map<String, String> env, ProcessRunner processes, SpaceMeter space) {
    this.root = root.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
    this.processes = processes;
    this.space = space;
  }

  @Override
  public Path resolve(String hostPath) {
    String relative = hostPath.replaceFirst("^/+", "");
    return relative.isEmpty() ? root : root.resolve(relative);
  }

  @Override
  public String hostPathOf(Path path) {
    Path normal = path.toAbsolutePath().normalize();
    return normal.startsWith(root) ? "/" + root.relativize(normal) : normal.toString();
  }

  @Override
  public String realHostPathOf(Path path) throws IOException {
    Path real = path.toRealPath();
    Path realRoot = root.toRealPath();
    if (!real.startsWith(realRoot)) {
      return real.toString();
    }
    return "/" + realRoot.relativize(real).toString();
  }

  @Override
  public Optional<String> read(String hostPath) {
    // Files.readString trusts the reported size, and /proc reports 0: it returned "9" for
    // max_user_namespaces = 96364. A stream reads until the real end.
    try (InputStream in = Files.newInputStream(resolve(hostPath))) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, String> env() {
    return env;
  }

  @Override
  public Optional<Path> which(String program) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(":")) {
      if (dir.startsWith("/")) {
        Path candidate = resolve(dir).resolve(program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public Captured run(List<String> argv, Duration timeout) throws IOException {
    return processes.run(argv, root, env, timeout);
  }

  @Override
  public long usableBytes(Path path) throws IOException {
    return space.usableBytes(path);
  }
}
