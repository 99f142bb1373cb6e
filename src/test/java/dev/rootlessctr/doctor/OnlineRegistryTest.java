package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online mode's Docker Hub check, against servers on 127.0.0.1 only: the real Docker Hub is asked
 * by the doctor alone, never by a test.
 */
class OnlineRegistryTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path tree;

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  /** A registry that answers /v2/ like Docker Hub without a login: 401. */
  private URI registryAnswering401() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    server.createContext(
        "/v2/",
        exchange -> {
          exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"test\"");
          exchange.sendResponseHeaders(401, -1);
          exchange.close();
        });
    server.start();
    servers.add(() -> server.stop(0));
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/");
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v2/");
    }
  }

  private Finding check(URI target, Duration deadline, Map<String, String> env) {
    return FakeHost.healthy(tree)
        .run(new MirrorCheck(MirrorStatus.online("Docker Hub", target, deadline, env)));
  }

  @Test
  void anAnsweringRegistryPasses() throws IOException {
    URI registry = registryAnswering401();
    Finding finding = check(registry, Duration.ofSeconds(3), Map.of());
    assertEquals(Status.PASS, finding.status());
    assertEquals("online mode: Docker Hub (" + registry + ") answers", finding.seen());
  }

  @Test
  void anUnreachableRegistryBlocksTheCourseAndSaysUseOffline() throws IOException {
    Finding finding = check(closedPort(), Duration.ofSeconds(3), Map.of());
    assertEquals(Status.FAIL, finding.status());
    assertTrue(
        finding.seen().startsWith("Docker Hub could not be reached (Connection refused"),
        finding.seen());
    assertTrue(
        finding.seen().endsWith("); online mode will not work here; use offline"), finding.seen());
    assertTrue(finding.fix().contains("--registry offline"), finding.fix());
  }

  @Test
  void aRegistryThatNeverAnswersIsGivenUpOnAtTheDeadline() throws Exception {
    ServerSocket silent = new ServerSocket(0, 1, LOOPBACK);
    servers.add(silent);
    List<Socket> accepted = new ArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                accepted.add(silent.accept());
              } catch (IOException closed) {
                // the test is over
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    long start = System.nanoTime();
    Optional<String> problem =
        RegistryReach.problem(
            URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v2/"),
            Duration.ofMillis(400),
            Map.of());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Optional.of("no answer within 0.4 s"), problem);
    assertTrue(millis < 2000, "took " + millis + " ms");
    for (Socket socket : accepted) {
      socket.close();
    }
  }

  @Test
  void theLearnersProxyIsUsedAsSkopeoWouldUseIt() throws Exception {
    ServerSocket proxy = new ServerSocket(0, 1, LOOPBACK);
    servers.add(proxy);
    List<String> requestLines = new ArrayList<>();
    Thread answer =
        new Thread(
            () -> {
              try (Socket client = proxy.accept()) {
                InputStream in = client.getInputStream();
                StringBuilder line = new StringBuilder();
                for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                  line.append((char) c);
                }
                requestLines.add(line.toString().strip());
                client
                    .getOutputStream()
                    .write(
                        "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
              } catch (IOException closed) {
                // the test is over
              }
            });
    answer.setDaemon(true);
    answer.start();
    // Nothing listens on 127.0.0.2:9; only the proxy can make this answer.
    URI target = URI.create("http://127.0.0.2:9/v2/");
    Optional<String> problem =
        RegistryReach.problem(
            target,
            Duration.ofSeconds(3),
            Map.of("http_proxy", "http://127.0.0.1:" + proxy.getLocalPort()));
    answer.join(3000);
    assertFalse(problem.isPresent(), problem.toString());
    assertEquals(List.of("GET http://127.0.0.2:9/v2/ HTTP/1.1"), requestLines);
  }

  @Test
  void theDoctorsSummaryNoLongerSaysNothingBlocksWhenDockerHubIsOutOfReach() throws IOException {
    DoctorInputs inputs =
        FakeHost.healthy(tree)
            .inputs()
            .withMirror(
                MirrorStatus.online("Docker Hub", closedPort(), Duration.ofSeconds(3), Map.of()));
    DoctorReport report = Doctor.forHost(inputs).run();
    String text =
        new ReportRenderer(ReportRenderer.Mode.PLAIN, 100, tag -> List.of()).toText(report);
    assertFalse(report.ok());
    assertFalse(text.contains("nothing blocks the course"), text);
    assertTrue(text.contains("Blocking: ") && text.contains("mirror"), text);
  }
}
