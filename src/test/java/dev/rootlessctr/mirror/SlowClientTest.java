package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.oci.Descriptor;
import dev.rootlessctr.oci.MediaTypes;
import dev.rootlessctr.oci.OciLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that are slow or send too much on purpose: trickled heads, huge header lines, floods of
 * blank lines, and one address opening more connections than its share. The limits are the server's
 * real ones except for time and counts, scaled down (1 s deadline, 8 connections per address) so
 * the test stays short. Loopback only: 127.0.0.2 stands for a second client machine.
 */
@Timeout(30)
class SlowClientTest {

  private static final String OTHER_CLIENT = "127.0.0.2";
  private static final HttpLimits LIMITS =
      new HttpLimits(Duration.ofSeconds(1), Duration.ofSeconds(2), 40, 8, 2, Duration.ofSeconds(2));

  private static RegistryServer registry;
  private static String layerPath;
  private static Path bigLayout;
  private static String bigBlobPath;
  private final List<Socket> opened = new ArrayList<>();

  @BeforeAll
  static void serve() throws IOException {
    Path layout = MirrorFixtures.image();
    String manifest = MirrorFixtures.manifestDigest(layout);
    String layer =
        MirrorFixtures.JSON
            .readTree(layout.resolve("blobs/sha256/" + manifest.substring(7)).toFile())
            .path("layers")
            .get(0)
            .path("digest")
            .asText();
    layerPath = "/v2/library/busybox/blobs/" + layer;
    registry = RegistryServer.start(new InetSocketAddress("127.0.0.1", 0), LIMITS);
    registry.serve(LabMirror.BUSYBOX_REPOSITORY, layout);
    // A blob larger than every socket buffer on the way, so a client that does not read it
    // really holds up the worker sending it.
    bigLayout = java.nio.file.Files.createTempDirectory("rctr-big-blob-");
    byte[] random = new byte[32 << 20];
    new java.util.Random(7).nextBytes(random);
    Descriptor big = OciLayout.create(bigLayout).writeBlob(random, MediaTypes.OCI_LAYER_GZIP);
    registry.serve("bench/big", bigLayout);
    bigBlobPath = "/v2/bench/big/blobs/" + big.digest();
  }

  @AfterAll
  static void stop() {
    registry.close();
    MirrorFixtures.deleteQuietly(bigLayout);
  }

  @AfterEach
  void nothingIsLeftOpen() throws Exception {
    for (Socket socket : opened) {
      socket.close();
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (registry.openConnections() > 0 && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(0, registry.openConnections(), "connections left open after the test");
    try (Socket check = connect(null)) {
      assertEquals(
          200,
          status(exchange(check, "GET /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
    }
  }

  @Test
  void aHeadTrickledOneByteAtATimeGets408AtTheDeadline() throws Exception {
    // A byte every 100 ms would finish the head after 5 s; the deadline is 1 s from the connection.
    long start = System.nanoTime();
    String answer =
        trickleUntilAnswered(
            connect(null), "GET /v2/ HTTP/1.1\r\nHost: x\r\nUser-Agent: slow\r\n\r\n");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
    assertTrue(
        millis >= 900 && millis < 2500,
        "408 after " + millis + " ms, deadline 1000 ms (the trickle would take 3 s more)");
  }

  @Test
  void theDeadlineOfAKeptAliveConnectionRunsFromItsFirstByteNotItsLast() throws Exception {
    Socket socket = connect(null);
    socket
        .getOutputStream()
        .write("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    String first = readResponse(socket.getInputStream());
    assertTrue(first.startsWith("HTTP/1.1 200 "), first);
    long start = System.nanoTime();
    String answer = trickleUntilAnswered(socket, "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
    assertTrue(
        millis >= 900 && millis < 2500,
        "408 after " + millis + " ms, deadline 1000 ms (the trickle would take 3 s more)");
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedWithoutAnAnswer() throws Exception {
    Socket socket = connect(null);
    socket
        .getOutputStream()
        .write("GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    String first = readResponse(socket.getInputStream());
    assertTrue(first.startsWith("HTTP/1.1 200 "), first);
    long start = System.nanoTime();
    assertEquals("", readAll(socket), "nothing more: the idle connection just ends");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(
        millis >= 1800 && millis < 3500, "closed after " + millis + " ms idle, limit 2000 ms");
  }

  @ParameterizedTest
  @ValueSource(ints = {(1 << 20) + 1, 8 << 20})
  void aHeaderLineOverOneMebibyteIs431(int length) throws IOException {
    String answer =
        exchange(
            connect(null),
            "GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(length) + "\r\n\r\n");
    assertEquals(431, status(answer), answer);
  }

  @Test
  void headersOverOneMebibyteInAllAre431() throws IOException {
    StringBuilder request = new StringBuilder("GET /v2/ HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 90; i++) {
      request.append("X-Filler-").append(i).append(": ").append("b".repeat(12_000)).append("\r\n");
    }
    assertEquals(431, status(exchange(connect(null), request.append("\r\n").toString())));
  }

  @Test
  void aLongHeaderTheServerDoesNotReadIsAcceptedLikeTheRegistryDoes() throws IOException {
    String answer =
        exchange(
            connect(null),
            "GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Token: "
                + "c".repeat(100_000)
                + "\r\nConnection: close\r\n\r\n");
    assertEquals(200, status(answer), answer);
  }

  @Test
  void aLongHeaderTheServerActsOnIs431NotCutShort() throws IOException {
    String answer =
        exchange(
            connect(null),
            "GET "
                + layerPath
                + " HTTP/1.1\r\nHost: x\r\nRange: bytes=0-"
                + "0".repeat(20_000)
                + "9\r\n\r\n");
    assertEquals(431, status(answer), answer);
  }

  @Test
  void aFloodOfBlankLinesBeforeTheRequestIs400() throws IOException {
    String answer =
        exchange(connect(null), "\r\n".repeat(4 << 20) + "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(400, status(answer), answer);
  }

  @Test
  void aFewBlankLinesBeforeTheRequestAreTolerated() throws IOException {
    String answer =
        exchange(
            connect(null), "\r\n\r\nGET /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assertEquals(200, status(answer), answer);
  }

  @Test
  void slowConnectionsFromOneAddressLeaveRoomForAPullFromAnother() throws Exception {
    // 30 slowloris connections from one address, far over its share of 8, each trickling bytes.
    ExecutorService trickle = Executors.newFixedThreadPool(30);
    try {
      List<Future<String>> slow = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        Socket socket = connect(OTHER_CLIENT);
        slow.add(
            trickle.submit(
                () -> trickleUntilAnswered(socket, "GET /v2/ HTTP/1.1\r\nHost: x\r\nX-Slow: ")));
      }
      Thread.sleep(300);
      long start = System.nanoTime();
      String version =
          exchange(connect(null), "GET /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      String blob =
          exchange(
              connect(null),
              "GET " + layerPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(200, status(version), version);
      assertEquals(200, status(blob), blob.substring(0, Math.min(200, blob.length())));
      assertTrue(millis < 2000, "pulled in " + millis + " ms beside 30 slow connections");

      int busy = 0;
      int timedOut = 0;
      for (Future<String> answer : slow) {
        int status = status(answer.get(10, TimeUnit.SECONDS));
        busy += status == 503 ? 1 : 0;
        timedOut += status == 408 ? 1 : 0;
      }
      assertEquals(LIMITS.maxPerAddress(), timedOut, "the address's share ran into the deadline");
      assertEquals(30 - LIMITS.maxPerAddress(), busy, "the rest were refused at once");
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void clientsThatDoNotReadTheirBlobsHoldOnlyHalfTheWorkers() throws Exception {
    // Two workers here: three connections from one address ask for the big blob and never read.
    String[] hostPort = registry.address().split(":");
    for (int i = 0; i < 3; i++) {
      Socket stalled = new Socket();
      opened.add(stalled);
      stalled.setReceiveBufferSize(4096);
      stalled.bind(new InetSocketAddress(OTHER_CLIENT, 0));
      stalled.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
      stalled
          .getOutputStream()
          .write(
              ("GET " + bigBlobPath + " HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
    }
    Thread.sleep(300);
    long start = System.nanoTime();
    String version =
        exchange(connect(null), "GET /v2/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(200, status(version), version);
    assertTrue(
        millis < 1000,
        "answered in " + millis + " ms beside 3 stalled downloads (write stall 2000 ms)");
  }

  @Test
  void aClientThatStopsReadingIsDroppedAfterTheWriteStall() throws Exception {
    Socket stalled = connect(null);
    stalled.setReceiveBufferSize(4096);
    stalled
        .getOutputStream()
        .write(
            ("GET " + bigBlobPath + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    Thread.sleep(1000);
    assertEquals(1, registry.openConnections(), "still sending, a second into the stall");
    Thread.sleep(LIMITS.writeStall().toMillis());
    assertEquals(0, registry.openConnections(), "the stalled download was dropped");
  }

  @Test
  void theAddressOverItsShareIsRefusedQuickly() throws IOException {
    for (int i = 0; i < LIMITS.maxPerAddress(); i++) {
      connect(OTHER_CLIENT);
    }
    long start = System.nanoTime();
    String refused = readAll(connect(OTHER_CLIENT));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(503, status(refused), refused);
    assertTrue(refused.contains("Retry-After: 1"), refused);
    assertTrue(millis < 500, "refused in " + millis + " ms");
  }

  @Test
  void aServerClosedAfterSendingBlobsLeavesNoFileDescriptorOpen() throws Exception {
    long before = openFileDescriptors();
    for (int round = 0; round < 5; round++) {
      try (RegistryServer server =
          RegistryServer.start(new InetSocketAddress("127.0.0.1", 0), LIMITS)) {
        server.serve("bench/big", bigLayout);
        String[] hostPort = server.address().split(":");
        try (Socket client = new Socket()) {
          client.setReceiveBufferSize(16 * 1024); // the worker waits for the window many times
          client.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
          client.setSoTimeout(5000);
          String answer =
              exchange(
                  client,
                  "GET " + bigBlobPath + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
          assertEquals(200, status(answer));
          assertTrue(answer.length() > 32 << 20, "the whole blob: " + answer.length());
        }
      }
    }
    long after = openFileDescriptors();
    assertTrue(
        after - before <= 2,
        "file descriptors: " + before + " before, " + after + " after five servers");
  }

  private static long openFileDescriptors() throws IOException {
    try (var fds = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  @Test
  void theSameLimitsHoldOnARoomAddress() throws Exception {
    // 127.0.0.3 stands for the instructor's LAN address, 127.0.0.2 for a learner's machine.
    try (RegistryServer room =
        RegistryServer.start(new InetSocketAddress("127.0.0.3", 0), LIMITS)) {
      String[] hostPort = room.address().split(":");
      assertEquals("127.0.0.3", hostPort[0]);
      List<Socket> share = new ArrayList<>();
      try {
        for (int i = 0; i <= LIMITS.maxPerAddress(); i++) {
          Socket socket = new Socket();
          share.add(socket);
          socket.bind(new InetSocketAddress(OTHER_CLIENT, 0));
          socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
          socket.setSoTimeout(5000);
        }
        String refused = readAll(share.get(LIMITS.maxPerAddress()));
        assertEquals(503, status(refused), refused);
        long start = System.nanoTime();
        String timedOut =
            trickleUntilAnswered(share.get(0), "GET /v2/ HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(408, status(timedOut), timedOut);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "408 within the deadline");
      } finally {
        for (Socket socket : share) {
          socket.close();
        }
      }
    }
  }

  /**
   * Sends {@code head} a byte every 100 ms, then more header bytes, until the server answers;
   * returns the answer.
   */
  private static String trickleUntilAnswered(Socket socket, String head)
      throws IOException, InterruptedException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    socket.setSoTimeout(1);
    byte[] request = head.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 100; i++) {
      try {
        out.write(i < request.length ? request[i] : 'z');
        out.flush();
      } catch (SocketException closedOnUs) {
        break;
      }
      try {
        int b = in.read();
        if (b >= 0) {
          socket.setSoTimeout(5000);
          return (char) b + readAll(socket);
        }
        break;
      } catch (SocketTimeoutException nothingYet) {
        Thread.sleep(100);
      }
    }
    socket.setSoTimeout(5000);
    return readAll(socket);
  }

  private Socket connect(String localAddress) throws IOException {
    String[] hostPort = registry.address().split(":");
    Socket socket = new Socket();
    opened.add(socket);
    if (localAddress != null) {
      socket.bind(new InetSocketAddress(localAddress, 0));
    }
    socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Writes {@code raw} from another thread (the server may answer before it is all sent). */
  private static String exchange(Socket socket, String raw) throws IOException {
    Thread writer =
        new Thread(
            () -> {
              try {
                socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
              } catch (IOException closedOnUs) {
                // the server answered early and stopped reading: the answer is what counts
              }
            });
    writer.setDaemon(true);
    writer.start();
    return readAll(socket);
  }

  private static String readAll(Socket socket) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      if (all.size() == 0) {
        throw reset;
      }
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  /** One response head on a kept-alive connection, up to its empty line (no body: /v2/ is {}). */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    in.readNBytes(2); // the "{}" body
    return head.toString();
  }

  private static int status(String answer) {
    assertTrue(
        answer.startsWith("HTTP/1.1 "),
        "an HTTP answer: " + answer.substring(0, Math.min(200, answer.length())));
    return Integer.parseInt(answer.substring(9, 12));
  }
}
