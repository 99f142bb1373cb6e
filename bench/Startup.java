import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Time from launch to the first prompt of ./rootless-ctr in a real pseudo-terminal (script(1)),
 * side by side with `java` running an empty main class that prints a prompt, alternated; then
 * the shell's peak memory (VmHWM of its JVM) over a session that runs real steps.
 *
 * <p>Run: java bench/Startup.java ROUNDS PROJECT LAB [as-user-prefix...]
 */
public class Startup {

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    Path project = Path.of(args[1]);
    Path lab = Path.of(args[2]);
    List<String> prefix = List.of(args).subList(3, args.length);
    Path empty = Files.createTempDirectory("empty-main");
    Files.writeString(empty.resolve("Empty.java"), "public class Empty { public static void main(String[] a) { System.out.print(\"$ \"); System.out.flush(); } }");
    run(List.of("javac", "-d", empty.toString(), empty.resolve("Empty.java").toString()));
    empty.toFile().setReadable(true, false);
    empty.toFile().setExecutable(true, false);
    for (java.io.File f : empty.toFile().listFiles()) {
      f.setReadable(true, false);
    }
    String shell = project.resolve("rootless-ctr") + " --lab " + lab;
    String baseline = "java -Xshare:auto -cp " + empty + " Empty";

    // Warm-up: the first shell start records its class-data archive, the first java run warms the page cache.
    firstPrompt(prefix, shell, true);
    firstPrompt(prefix, baseline, false);

    List<Long> shellTimes = new ArrayList<>();
    List<Long> javaTimes = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      shellTimes.add(firstPrompt(prefix, shell, true));
      javaTimes.add(firstPrompt(prefix, baseline, false));
      System.out.printf("round %d: shell %d ms, empty java %d ms%n", i + 1, shellTimes.get(i), javaTimes.get(i));
    }
    long s = median(shellTimes);
    long j = median(javaTimes);
    System.out.printf("median time to first prompt: shell %d ms, empty java %d ms, ratio %.2f (target <= 5)%n", s, j, (double) s / j);
    System.out.printf("peak memory over a session (VmHWM of the shell's JVM): %d MB (target <= 100)%n", peakMemory(prefix, shell) / 1024);
  }

  /** Milliseconds from starting the command in a pty until "$ " is on the screen. */
  static long firstPrompt(List<String> prefix, String command, boolean quit) throws Exception {
    Process p = pty(prefix, command);
    long start = System.nanoTime();
    await(p.getInputStream(), "$ ", 30_000);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (quit) {
      p.getOutputStream().write(":quit\r".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
    }
    drain(p);
    return ms;
  }

  static long peakMemory(List<String> prefix, String command) throws Exception {
    Process p = pty(prefix, command);
    InputStream in = p.getInputStream();
    OutputStream keys = p.getOutputStream();
    await(in, "$ ", 30_000);
    String[] session = {":lessons", ":status", ":hint", ":run", ":next", ":next", ":run", ":next", ":run", ":explain", ":next", ":show", ":help"};
    for (String line : session) {
      keys.write((line + "\r").getBytes(StandardCharsets.UTF_8));
      keys.flush();
      await(in, "$ ", 30_000);
    }
    long peak = javaDescendant(p.toHandle()).map(Startup::vmHwmKb).orElse(-1L);
    keys.write(":reset all --yes\r:quit\r".getBytes(StandardCharsets.UTF_8));
    keys.flush();
    drain(p);
    return peak;
  }

  static Optional<ProcessHandle> javaDescendant(ProcessHandle root) {
    return root.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst();
  }

  static long vmHwmKb(ProcessHandle java) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(java.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  static Process pty(List<String> prefix, String command) throws IOException {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(List.of("env", "SHELL=/bin/sh", "TERM=xterm-256color", "script", "-q", "-e", "-c", "stty rows 40 cols 120; exec " + command, "/dev/null"));
    return new ProcessBuilder(argv).redirectErrorStream(true).start();
  }

  static void await(InputStream in, String marker, long timeoutMs) throws IOException {
    StringBuilder seen = new StringBuilder();
    long deadline = System.currentTimeMillis() + timeoutMs;
    byte[] buffer = new byte[4096];
    while (System.currentTimeMillis() < deadline) {
      int n = in.read(buffer);
      if (n < 0) {
        throw new IOException("ended before \"" + marker + "\": " + seen);
      }
      seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      if (seen.indexOf(marker) >= 0) {
        return;
      }
    }
    throw new IOException("no \"" + marker + "\" within " + timeoutMs + " ms: " + seen);
  }

  static void drain(Process p) throws Exception {
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    p.waitFor();
  }

  static void run(List<String> argv) throws Exception {
    if (new ProcessBuilder(argv).inheritIO().start().waitFor() != 0) {
      throw new IOException(argv + " failed");
    }
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
