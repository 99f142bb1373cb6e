package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.process.ProcessRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rootless-ctr mirror ...}: usage errors exit 2 with a reason, and serve reports its figures
 * on SIGTERM.
 */
@Timeout(30)
class MirrorCommandTest {

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    Map<String, String> env =
        Map.of(
            "PATH",
            "/usr/bin:/bin",
            "HOME",
            temp.toString(),
            "XDG_CACHE_HOME",
            temp.resolve("cache").toString());
    return new MirrorCommand(env, ProcessRunner.system())
        .run(List.of(args), new PrintWriter(out), new PrintWriter(err));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help"})
  void helpPrintsTheUsageAndExitsZero(String arg) {
    assertEquals(0, run(arg), err.toString());
    assertTrue(
        out.toString()
            .contains(
                "rootless-ctr mirror serve [--port N | --listen ADDR:PORT] [--layout DIR --name"
                    + " NAME]"),
        out.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "nope",
        "serve --port",
        "serve --port abc",
        "serve --port 70000",
        "serve --bogus 1",
        "serve --name bench/big",
        "serve --layout",
        "push",
        "push a:1 b:2",
        "serve --listen"
      })
  void usageErrorsExitTwo(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertEquals(2, run(args), err.toString());
    assertTrue(
        err.toString().contains("usage: rootless-ctr mirror")
            || err.toString().contains("--port takes a number"),
        err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "serve --listen 127.0.0.1:99999 | mirror: --listen takes ADDR:PORT, e.g. --listen"
            + " 192.168.1.10:5000 (found '127.0.0.1:99999': the port must be from 1 to 65535, not"
            + " 99999)",
        "serve --listen 127.0.0.1:0     | (found '127.0.0.1:0': the port must be from 1 to 65535,"
            + " not 0)",
        "serve --listen 127.0.0.1       | (found '127.0.0.1': not HOST:PORT)",
        "serve --listen 256.0.0.1:5000  | 256.0.0.1 is not an IPv4 address (each part is 0 to 255)",
        "serve --listen example.org:5000 | --listen takes an address in numbers, such as ",
        "serve --listen 203.0.113.7:5000 | mirror: 203.0.113.7 is not an address of this machine"
            + " (its addresses: ",
        "serve --port 5000 --listen 127.0.0.1:5000 | mirror: give either --port (on 127.0.0.1) or"
            + " --listen ADDR:PORT, not both",
        "push not-an-address            | mirror: push takes the room registry's HOST:PORT, e.g."
            + " 192.168.1.10:5000 (found 'not-an-address': not HOST:PORT)",
        "push registry.lan:99999        | (found 'registry.lan:99999': the port must be from 1 to"
            + " 65535, not 99999)",
      })
  void aBadAddressIsExplainedAndExitsTwo(String line, String message) {
    assertEquals(2, run(line.split(" ")), err.toString());
    assertTrue(err.toString().contains(message), err.toString());
    assertTrue(!err.toString().contains("Exception"), err.toString());
  }

  @Test
  void aPortInUseIsSaidSo() throws IOException {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      assertEquals(1, run("serve", "--listen", "127.0.0.1:" + taken.getLocalPort()));
      assertEquals(
          "mirror: cannot listen on 127.0.0.1:"
              + taken.getLocalPort()
              + ": the port is in use (another registry or mirror?); choose another port\n",
          err.toString());
    }
  }

  @Test
  void pushToALoopbackAddressWarnsThatOtherMachinesCannotReachIt() throws IOException {
    int closed = MirrorFixtures.freePort();
    assertEquals(1, run("push", "127.0.0.1:" + closed), "nothing listens there");
    assertTrue(
        err.toString()
            .startsWith(
                "mirror: warning: 127.0.0.1 is this machine's loopback address: learners on other"
                    + " machines cannot pull from it."),
        err.toString());
  }

  @Test
  void pushToARoomAddressDoesNotWarn() throws IOException {
    // skopeo is replaced (after the real busybox build): a room address is not on loopback, and
    // this test must not reach past it.
    ProcessRunner real = ProcessRunner.system();
    List<List<String>> skopeo = new ArrayList<>();
    ProcessRunner fake =
        (argv, dir, env, timeout) -> {
          if (!argv.get(0).equals("skopeo")) {
            return real.run(argv, dir, env, timeout);
          }
          skopeo.add(argv);
          return new dev.rootlessctr.process.Captured(argv, 0, "", "", false);
        };
    Map<String, String> env =
        Map.of(
            "PATH",
            "/usr/bin:/bin",
            "HOME",
            temp.toString(),
            "XDG_CACHE_HOME",
            temp.resolve("cache").toString());
    assertEquals(
        0,
        new MirrorCommand(env, fake)
            .run(List.of("push", "192.0.2.10:5000"), new PrintWriter(out), new PrintWriter(err)));
    assertEquals("", err.toString());
    assertEquals(
        "docker://192.0.2.10:5000/library/busybox:latest",
        skopeo.get(0).get(skopeo.get(0).size() - 1));
    assertTrue(
        out.toString().contains("./rootless-ctr --registry workshop=192.0.2.10:5000"),
        out.toString());
  }

  @Test
  void serveRefusesAFolderThatIsNoLayout() {
    assertEquals(1, run("serve", "--layout", temp.resolve("nothing").toString()));
    assertTrue(err.toString().contains("is not an OCI image layout"), err.toString());
  }

  @Test
  void serveRefusesAnInvalidRepositoryName() {
    assertEquals(
        2, run("serve", "--layout", MirrorFixtures.image().toString(), "--name", "Bench/BIG"));
    assertTrue(err.toString().contains("not a valid repository name: Bench/BIG"), err.toString());
  }

  @Test
  void buildPrintsTheDigestAndTheLayout() throws IOException {
    assertEquals(0, run("build"), err.toString());
    List<String> lines = out.toString().lines().toList();
    Path layout = Path.of(lines.get(1));
    assertTrue(layout.startsWith(temp.resolve("cache/rootless-ctr/images")), layout.toString());
    assertEquals("busybox:latest " + MirrorFixtures.manifestDigest(layout), lines.get(0));
    assertEquals(
        MirrorFixtures.manifestDigest(MirrorFixtures.image()),
        MirrorFixtures.manifestDigest(layout),
        "same binary, same digest");
  }

  @Test
  void serveRunsUntilSigtermAndThenReportsItsWork() throws Exception {
    serveAndPull(List.of(), "127.0.0.1:");
  }

  @Test
  void listenServesOnTheAddressGiven() throws Exception {
    // 127.0.0.2 is loopback too, but not the default: proof that the address is the one asked for.
    int port = MirrorFixtures.freePort();
    serveAndPull(List.of("--listen", "127.0.0.2:" + port), "127.0.0.2:" + port);
  }

  private void serveAndPull(List<String> options, String expectedAddress) throws Exception {
    List<String> argv =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin/java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.rootlessctr.Main",
                "mirror",
                "serve"));
    argv.addAll(options);
    ProcessBuilder builder = new ProcessBuilder(argv);
    builder.environment().put("XDG_CACHE_HOME", temp.resolve("cache").toString());
    builder.redirectError(temp.resolve("stderr").toFile());
    Process mirror = builder.start();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(mirror.getInputStream(), StandardCharsets.UTF_8))) {
      String first = lines.readLine();
      assertTrue(
          first != null && first.startsWith("serving on " + expectedAddress),
          first + " / " + java.nio.file.Files.readString(temp.resolve("stderr")));
      String address = first.substring("serving on ".length());

      HttpResponse<String> tags =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://" + address + "/v2/library/busybox/tags/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, tags.statusCode());
      assertEquals("{\"name\":\"library/busybox\",\"tags\":[\"latest\"]}", tags.body());

      // SIGTERM by hand: Process.destroy() would close our end of the mirror's stdout too.
      assertEquals(
          0, new ProcessBuilder("kill", "-TERM", String.valueOf(mirror.pid())).start().waitFor());
      assertTrue(mirror.waitFor(10, TimeUnit.SECONDS));
      String rest = lines.lines().collect(Collectors.joining("\n"));
      assertTrue(rest.matches("mirror: 1 requests, \\d+ ms handling"), rest);
    } finally {
      mirror.destroyForcibly();
    }
  }
}
