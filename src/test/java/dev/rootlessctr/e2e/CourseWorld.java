package dev.rootlessctr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private world for one course run by the unprivileged test user: a home, XDG directories and a
 * runtime directory (so the runc state directory is this run's alone), all under one temp directory
 * the user owns. It also looks at what is left on the host: runc's list, and processes of the user
 * that belong to this lab's containers.
 */
final class CourseWorld {

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path base;
  final Path home;
  final Path lab;
  final Path runtime;
  final Path runcRoot;
  final Path bundle;
  final Path rootfs;
  final String user;
  final long uid;

  private CourseWorld(Path base) throws IOException, InterruptedException {
    this.base = base;
    this.user = Staging.testUser();
    this.home = base.resolve("home");
    this.runtime = base.resolve("run");
    this.lab = base.resolve("lab");
    asUser("mkdir", "-p", home.toString(), base.resolve("xdg").toString());
    asUser("mkdir", "-m", "700", runtime.toString());
    this.runcRoot = runtime.resolve("rootless-ctr/runc");
    this.bundle = lab.resolve("busybox-bundle");
    this.rootfs = bundle.resolve("rootfs");
    this.uid = Long.parseLong(asUser("id", "-u").strip());
  }

  static CourseWorld create(String prefix) throws IOException, InterruptedException {
    return new CourseWorld(Staging.userDir(prefix));
  }

  /**
   * Removes the whole world; tests call it only when they passed, so a failure can be looked at.
   */
  void delete() throws IOException, InterruptedException {
    Staging.run("rm", "-rf", "--one-file-system", base.toString());
  }

  /** The environment the shell gets: nothing of the real home or the real runtime directory. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", home.toString());
    env.put("XDG_STATE_HOME", base.resolve("xdg/state").toString());
    env.put("XDG_CACHE_HOME", base.resolve("xdg/cache").toString());
    env.put("XDG_CONFIG_HOME", base.resolve("xdg/config").toString());
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    env.put("LANG", "C.UTF-8");
    // Online mode's doctor asks Docker Hub: through a closed loopback "proxy" that ask never
    // leaves this machine. skopeo does not proxy loopback, so the mirror is reached as before.
    env.put("HTTPS_PROXY", "http://127.0.0.1:9");
    return env;
  }

  /** The course shell in a pseudo-terminal, as the test user. */
  PtySession startShell(Path stage) throws IOException {
    return PtySession.start(
        Staging.asTestUser(),
        env(),
        stage.resolve("rootless-ctr")
            + " --lessons "
            + stage.resolve("lessons/rootless")
            + " --lab "
            + lab);
  }

  /** Runs a command as the test user in the lab's environment; its output, or an error. */
  String asUser(String... command) throws IOException, InterruptedException {
    return run(null, command);
  }

  /** Same, with standard input from {@code input}. */
  String run(Path input, String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(Staging.asTestUser());
    argv.add("env");
    if (env != null) {
      env.forEach((k, v) -> argv.add(k + "=" + v));
    }
    argv.addAll(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(argv).redirectErrorStream(true).directory(base.toFile());
    builder.redirectInput(
        input == null
            ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
            : ProcessBuilder.Redirect.from(input.toFile()));
    Process process = builder.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      in.transferTo(out);
    }
    if (!process.waitFor(300, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    String text = out.toString(StandardCharsets.UTF_8);
    lastExit = process.exitValue();
    if (lastExit != 0) {
      throw new AssertionError(String.join(" ", command) + " exited " + lastExit + ":\n" + text);
    }
    return text;
  }

  private Map<String, String> env;
  private int lastExit;

  /** From now on, commands run as the user get the lab's environment. */
  CourseWorld withEnvironment() {
    this.env = env();
    return this;
  }

  /** The containers {@code runc --root RUNC_ROOT list} knows, by name, with pid and status. */
  Map<String, JsonNode> runcList() throws IOException, InterruptedException {
    Map<String, JsonNode> containers = new LinkedHashMap<>();
    if (!Files.isDirectory(runcRoot)) {
      return containers; // runc never ran here (and runc list would create the directory)
    }
    String listed = asUser("runc", "--root", runcRoot.toString(), "list", "--format", "json");
    JsonNode root = JSON.readTree(listed.isBlank() ? "null" : listed);
    if (root != null && root.isArray()) {
      root.forEach(c -> containers.put(c.path("id").asText(), c));
    }
    return containers;
  }

  /** One process of the test user that belongs to this lab's containers, and why. */
  record Leftover(long pid, String command, String why) {}

  /**
   * Processes of the test user that are this lab's containers: their root directory is the bundle's
   * rootfs (the container's {@code sh}, a {@code runc init}), or they or an ancestor run runc with
   * this lab's state directory (other labs' containers are not this run's).
   */
  List<Leftover> leftovers() throws IOException {
    List<Leftover> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path proc : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        long pid = Long.parseLong(proc.getFileName().toString());
        Optional<Long> owner = ownerOf(proc);
        if (owner.isEmpty() || owner.get() != uid) {
          continue;
        }
        String command = cmdline(proc);
        String why = null;
        try {
          if (Files.isDirectory(rootfs) && Files.isSameFile(proc.resolve("root"), rootfs)) {
            why = "its root directory is " + rootfs;
          }
        } catch (IOException gone) {
          // exited, or a process whose root cannot be looked at
        }
        if (why == null) {
          why = runcOfThisLab(pid);
        }
        if (why != null) {
          found.add(new Leftover(pid, command, why));
        }
      }
    }
    return found;
  }

  private String runcOfThisLab(long pid) {
    long at = pid;
    for (int depth = 0; depth < 8 && at > 1; depth++) {
      Path proc = Path.of("/proc", Long.toString(at));
      String command = cmdline(proc);
      if (command.contains("runc") && command.contains(runcRoot.toString())) {
        return depth == 0 ? "it is " + command : "its ancestor " + at + " is " + command;
      }
      Optional<Long> parent = parentOf(proc);
      if (parent.isEmpty()) {
        return null;
      }
      at = parent.get();
    }
    return null;
  }

  /** Waits (up to {@code timeout}) until no leftover is there; returns what is still there. */
  List<Leftover> leftoversAfter(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Leftover> left = leftovers();
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      left = leftovers();
    }
    return left;
  }

  static String cmdline(Path proc) {
    try {
      return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ')
          .strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static Optional<Long> ownerOf(Path proc) {
    return statusField(proc, "Uid:");
  }

  private static Optional<Long> parentOf(Path proc) {
    return statusField(proc, "PPid:");
  }

  private static Optional<Long> statusField(Path proc, String field) {
    try {
      for (String line : Files.readAllLines(proc.resolve("status"))) {
        if (line.startsWith(field)) {
          return Optional.of(
              Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process exited while we looked
    }
    return Optional.empty();
  }

  /** The namespace link of a process, e.g. {@code net:[4026531833]}. */
  static String namespace(long pid, String kind) throws IOException {
    return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", kind)).toString();
  }

  /** The text with every run of white space made one space: wrapped lines read as one. */
  static String flat(String text) {
    return text.replaceAll("\\s+", " ");
  }
}
