package dev.rootlessctr.mirror;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import dev.rootlessctr.settings.XdgDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code rootless-ctr mirror build | serve | push HOST:PORT}: the mirror on its own, for
 * instructors preparing a room and for the benchmark.
 */
public final class MirrorCommand {

  static final String USAGE =
      String.join(
          "\n",
          "usage: rootless-ctr mirror build                 build (or find) the offline busybox"
              + " image",
          "       rootless-ctr mirror serve [--port N | --listen ADDR:PORT] [--layout DIR --name"
              + " NAME]",
          "                                                 serve it (and DIR as NAME) until"
              + " stopped;",
          "                                                 on 127.0.0.1 unless --listen names an",
          "                                                 address of this machine, for a room",
          "       rootless-ctr mirror push HOST:PORT        copy it to a registry for the room");

  private final Map<String, String> env;
  private final ProcessRunner processes;

  public MirrorCommand(Map<String, String> env, ProcessRunner processes) {
    this.env = env;
    this.processes = processes;
  }

  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    if (args.isEmpty()) {
      err.println(USAGE);
      return 2;
    }
    try {
      return switch (args.get(0)) {
        case "build" -> build(out);
        case "serve" -> serve(args.subList(1, args.size()), out, err);
        case "push" -> push(args.subList(1, args.size()), out, err);
        case "-h", "--help", "help" -> {
          out.println(USAGE);
          yield 0;
        }
        default -> {
          err.println("mirror: unknown command " + args.get(0));
          err.println(USAGE);
          yield 2;
        }
      };
    } catch (IOException e) {
      err.println("mirror: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private Path image() throws IOException {
    return new BusyboxImage(Path.of("/bin/busybox"), processes)
        .cached(XdgDirs.from(env).cache().resolve("images"));
  }

  private int build(PrintWriter out) throws IOException {
    Path layout = image();
    String index = Files.readString(layout.resolve("index.json"));
    String digest = index.replaceAll("(?s).*\"digest\":\"(sha256:[a-f0-9]{64})\".*", "$1");
    out.println("busybox:latest " + digest);
    out.println(layout);
    return 0;
  }

  private int serve(List<String> args, PrintWriter out, PrintWriter err) throws IOException {
    Integer port = null;
    HostPort listen = null;
    Path layout = null;
    String name = null;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (!List.of("--port", "--listen", "--layout", "--name").contains(option)
          || i + 1 == args.size()) {
        err.println(
            i + 1 == args.size() && option.startsWith("--")
                ? "mirror: " + option + " needs a value"
                : "mirror: unknown option " + option);
        err.println(USAGE);
        return 2;
      }
      String value = args.get(++i);
      switch (option) {
        case "--port" -> {
          if (!value.matches("\\d{1,5}") || Integer.parseInt(value) > 65535) {
            err.println("mirror: --port takes a number from 0 to 65535, not " + value);
            return 2;
          }
          port = Integer.parseInt(value);
        }
        case "--listen" -> {
          try {
            listen = HostPort.parse(value);
          } catch (IllegalArgumentException e) {
            err.println(
                "mirror: --listen takes ADDR:PORT, e.g. --listen 192.168.1.10:5000 (found '"
                    + value
                    + "': "
                    + e.getMessage()
                    + ")");
            return 2;
          }
        }
        case "--layout" -> layout = Path.of(value);
        default -> name = value;
      }
    }
    if (port != null && listen != null) {
      err.println("mirror: give either --port (on 127.0.0.1) or --listen ADDR:PORT, not both");
      return 2;
    }
    if (name != null && layout == null) {
      err.println("mirror: --name names the image given with --layout");
      err.println(USAGE);
      return 2;
    }
    if (layout != null && !Files.isRegularFile(layout.resolve("index.json"))) {
      err.println("mirror: " + layout + " is not an OCI image layout (no index.json)");
      return 1;
    }
    InetSocketAddress address;
    if (listen == null) {
      address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port == null ? 0 : port);
    } else {
      Optional<String> problem = ListenCheck.problem(listen);
      if (problem.isPresent()) {
        err.println("mirror: " + problem.get());
        return 2;
      }
      address = ListenCheck.socketAddress(listen);
    }
    RegistryServer server;
    try {
      server = RegistryServer.start(address);
    } catch (IOException e) {
      err.println("mirror: " + ListenCheck.bindFailure(address, e));
      return 1;
    }
    try {
      server.serve(LabMirror.BUSYBOX_REPOSITORY, image());
      if (layout != null) {
        server.serve(name != null ? name : "library/" + layout.getFileName(), layout);
      }
    } catch (IOException | IllegalArgumentException e) {
      server.close();
      err.println("mirror: " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 1;
    }
    // An instructor's packaged repository: the release it built (mvn package) is handed out too.
    String home = System.getProperty("rootlessctr.home");
    if (home != null) {
      server.serveRelease(Path.of(home, "target"));
      server
          .releaseNames()
          .forEach(n -> out.println("release: http://" + server.address() + "/release/" + n));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  // The benchmark reads this line: time spent inside the mirror, apart from the
                  // client's.
                  System.out.println(
                      "mirror: "
                          + server.requests()
                          + " requests, "
                          + server.handlingNanos() / 1_000_000
                          + " ms handling");
                  System.out.flush();
                  server.close();
                  stopped.countDown();
                }));
    // Only now: whoever reads this line may stop the mirror at once and expects the figures.
    out.println("serving on " + server.address());
    if (listen != null && !listen.loopback()) {
      out.println("Learners on the room's network start the shell with:");
      for (String learnerAddress : ListenCheck.forLearners(listen)) {
        out.println("  ./rootless-ctr --registry workshop=" + learnerAddress);
      }
    }
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int push(List<String> args, PrintWriter out, PrintWriter err) throws IOException {
    if (args.size() != 1) {
      err.println(USAGE);
      return 2;
    }
    HostPort target;
    try {
      target = HostPort.parse(args.get(0));
    } catch (IllegalArgumentException e) {
      err.println(
          "mirror: push takes the room registry's HOST:PORT, e.g. 192.168.1.10:5000 (found '"
              + args.get(0)
              + "': "
              + e.getMessage()
              + ")");
      return 2;
    }
    if (target.loopback()) {
      // Still pushed: learners with accounts on this same machine can use it.
      List<String> others = LocalAddresses.forOthers();
      err.println(
          "mirror: warning: "
              + target.host()
              + " is this machine's loopback address: learners on other machines cannot pull from"
              + " it."
              + (others.isEmpty()
                  ? ""
                  : " For a room, push to an address they can reach (this machine has "
                      + String.join(", ", others)
                      + ")."));
    }
    Path layout = image();
    List<String> argv =
        new ArrayList<>(
            List.of(
                "skopeo",
                "--insecure-policy",
                "copy",
                "--dest-tls-verify=false",
                "oci:" + layout + ":latest",
                "docker://" + args.get(0) + "/" + LabMirror.BUSYBOX_REPOSITORY + ":latest"));
    out.println("$ " + String.join(" ", argv));
    Captured copied = processes.run(argv, Path.of("/"), env, Duration.ofMinutes(5));
    out.print(copied.stdout());
    err.print(copied.stderr());
    if (copied.succeeded()) {
      out.println(
          "The room's registry at "
              + args.get(0)
              + " now serves busybox:latest. Learners start the shell with:");
      out.println("  ./rootless-ctr --registry workshop=" + args.get(0));
    }
    return copied.succeeded() ? 0 : 1;
  }
}
