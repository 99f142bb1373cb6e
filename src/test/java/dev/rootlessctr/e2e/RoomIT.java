package dev.rootlessctr.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's workshop runbook with the room: the release unpacked (no build), Debian's
 * docker-registry on 127.0.0.1 filled by {@code mirror push}, two unprivileged learners (two
 * accounts when the test runs as root and {@code rctr-learner2} exists, else one account with two
 * HOMEs) at different steps in workshop mode with their consent stored, and the instructor's {@code
 * room --once} table showing both where they are.
 */
@Timeout(300)
class RoomIT {

  private static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

  @Test
  void theInstructorSeesTwoLearnersAtDifferentSteps() throws Exception {
    Path room = Staging.userDir("rctr-room-");
    Process registry = null;
    List<Path> homes = new ArrayList<>();
    try {
      Path launcher = unpackRelease(room);
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      String address = "127.0.0.1:" + port;
      registry = startDockerRegistry(room, port);

      String instructor = Staging.testUser();
      Path instructorHome = home(instructor, "rctr-room-instructor-", homes);
      Result pushed =
          as(
              instructor,
              instructorHome,
              List.of(launcher.toString(), "mirror", "push", address),
              "");
      assertEquals(0, pushed.exit(), pushed.output());

      String second = secondLearner();
      Path one = home(instructor, "rctr-room-one-", homes);
      Path two = home(second, "rctr-room-two-", homes);
      consent(one, instructor, "learner-one");
      consent(two, second, "learner-two");
      List<String> workshop = List.of(launcher.toString(), "--registry", "workshop=" + address);

      List<String> lessons1to3 = ScriptedCourse.LESSONS_1_TO_3;
      Result first =
          as(
              instructor,
              one,
              concat(workshop, "--lab", one.resolve("lab").toString()),
              String.join("\n", lessons1to3) + "\n");
      assertEquals(0, first.exit(), first.output());
      assertTrue(
          first
              .output()
              .contains("Sharing your progress with the room at " + address + " as 'learner-one'"),
          first.output());
      Result other =
          as(
              second,
              two,
              concat(workshop, "--lab", two.resolve("lab").toString()),
              String.join("\n", lessons1to3.subList(0, 2)) + "\n:next\n");
      assertEquals(0, other.exit(), other.output());

      Result table =
          as(
              instructor,
              instructorHome,
              List.of(launcher.toString(), "room", address, "--once"),
              "");
      assertEquals(0, table.exit(), table.output());
      String out = table.output();
      assertTrue(out.startsWith("Room at " + address + ": 2 learners sharing, 0 look stuck"), out);
      String rowOne = row(out, "learner-one");
      String rowTwo = row(out, "learner-two");
      assertTrue(
          rowOne.matches("learner-one +3\\. Write a rootless spec +1/1 done .* 3/7 +-"), rowOne);
      assertTrue(rowTwo.matches("learner-two +1\\. Pull an image +2/2 .* 1/7 +-"), rowTwo);
      System.out.println(
          "RoomIT: learners ran as "
              + instructor
              + " and "
              + second
              + (second.equals(instructor) ? " (one account, two HOMEs)" : "")
              + ":\n"
              + out);
    } finally {
      if (registry != null) {
        registry.destroy();
        registry.waitFor(10, TimeUnit.SECONDS);
      }
      for (Path home : homes) {
        exec(List.of("rm", "-rf", "--one-file-system", home.toString()), "");
      }
      exec(List.of("rm", "-rf", "--one-file-system", room.toString()), "");
    }
  }

  /** A second unprivileged account for the second learner, where there is one. */
  private static String secondLearner() throws IOException, InterruptedException {
    String wanted = System.getenv().getOrDefault("RCTR_TEST_USER2", "rctr-learner2");
    boolean root = "root".equals(System.getProperty("user.name"));
    return root && exec(List.of("id", "-u", wanted), "").exit() == 0 ? wanted : Staging.testUser();
  }

  /**
   * Step 1 of the runbook: the tarball unpacked where every learner can read it, started with no
   * build.
   */
  private static Path unpackRelease(Path room) throws IOException, InterruptedException {
    Path tarball;
    try (Stream<Path> files = Files.list(TestPaths.project().resolve("target"))) {
      tarball =
          files
              .filter(p -> p.getFileName().toString().matches("rootless-ctr-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no release tarball in target/: run mvn package first"));
    }
    Path release = Files.createDirectories(room.resolve("release"));
    check(exec(List.of("tar", "-xzf", tarball.toString(), "-C", release.toString()), ""));
    check(exec(List.of("chmod", "-R", "a+rX", room.toString()), ""));
    return release
        .resolve(tarball.getFileName().toString().replace(".tar.gz", ""))
        .resolve("rootless-ctr");
  }

  private static Path home(String user, String prefix, List<Path> homes)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory(prefix);
    homes.add(home);
    check(exec(List.of("chmod", "755", home.toString()), ""));
    check(
        exec(
            List.of("chown", user + ":", home.toString()),
            "")); // as root; a normal user owns it already
    return home;
  }

  /** What the learner answered yes to once, stored where the shell keeps it. */
  private static void consent(Path home, String user, String name)
      throws IOException, InterruptedException {
    Path dir = home.resolve("config/rootless-ctr");
    check(exec(concat(asUser(user), "mkdir", "-p", dir.toString()), ""));
    check(
        exec(
            concat(asUser(user), "tee", dir.resolve("room.json").toString()),
            "{\"share\": true, \"name\": \"" + name + "\"}\n"));
  }

  private static Result as(String user, Path home, List<String> command, String input)
      throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(asUser(user));
    String java = Path.of(System.getProperty("java.home"), "bin").toString();
    argv.addAll(
        List.of(
            "env",
            "-i",
            "PATH=" + java + ":" + SYSTEM_PATH,
            "HOME=" + home,
            "USER=" + user,
            "LANG=C.UTF-8",
            "XDG_CONFIG_HOME=" + home.resolve("config"),
            "XDG_STATE_HOME=" + home.resolve("state"),
            "XDG_CACHE_HOME=" + home.resolve("cache")));
    argv.addAll(command);
    return exec(argv, input);
  }

  private static List<String> asUser(String user) {
    boolean root = "root".equals(System.getProperty("user.name"));
    return root && !user.equals("root") ? List.of("runuser", "-u", user, "--") : List.of();
  }

  private static String row(String table, String name) {
    return table
        .lines()
        .filter(l -> l.startsWith(name + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + name + ":\n" + table));
  }

  private static Process startDockerRegistry(Path room, int port)
      throws IOException, InterruptedException {
    Path config = room.resolve("registry.yml");
    Files.writeString(
        config,
        String.join(
            "\n",
            "version: 0.1",
            "log:",
            "  level: warn",
            "storage:",
            "  filesystem:",
            "    rootdirectory: " + room.resolve("registry-storage"),
            "http:",
            "  addr: 127.0.0.1:" + port,
            ""));
    Path log = room.resolve("registry.log");
    Process registry =
        new ProcessBuilder("/usr/bin/docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!registry.isAlive()) {
        throw new AssertionError("docker-registry exited: " + Files.readString(log));
      }
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                    .timeout(Duration.ofSeconds(1))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return registry;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    registry.destroyForcibly();
    throw new AssertionError(
        "docker-registry did not answer on port " + port + ": " + Files.readString(log));
  }

  private record Result(int exit, String output) {}

  private static void check(Result result) {
    assertEquals(0, result.exit(), result.output());
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static Result exec(List<String> argv, String input)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + argv);
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
