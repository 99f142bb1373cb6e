package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no registry client sends, over raw sockets so nothing normalises them first. Every one
 * gets a clear answer, and the mirror keeps serving afterwards.
 */
@Timeout(10)
class HostileRequestTest {

  private static RegistryServer registry;
  private static Path layout;
  private static String manifestDigest;
  private static String layerDigest;
  private static Path layerFile;
  private static Path broken;

  @BeforeAll
  static void serve() throws IOException {
    layout = MirrorFixtures.image();
    manifestDigest = MirrorFixtures.manifestDigest(layout);
    JsonNode manifest =
        MirrorFixtures.JSON.readTree(
            layout.resolve("blobs/sha256/" + manifestDigest.substring(7)).toFile());
    layerDigest = manifest.path("layers").get(0).path("digest").asText();
    layerFile = layout.resolve("blobs/sha256/" + layerDigest.substring(7));
    registry = RegistryServer.start(0);
    registry.serve(LabMirror.BUSYBOX_REPOSITORY, layout);
    broken = Files.createTempDirectory("rctr-broken-layout-");
    Files.writeString(broken.resolve("index.json"), "{\"manifests\": [");
    registry.serve("broken/image", broken);
  }

  @AfterAll
  static void stop() {
    registry.close();
    MirrorFixtures.deleteQuietly(broken);
  }

  @AfterEach
  void stillServesTheVersionCheck() throws IOException {
    Response response = get("/v2/");
    assertEquals(200, response.status());
    assertEquals("registry/2.0", response.header("Docker-Distribution-API-Version"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v2/library/busybox/blobs/../../../../etc/passwd",
        "/v2/library/busybox/blobs/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/v2/%2e%2e/x/manifests/latest",
        "/v2/library/busybox/manifests/..",
        "/v2/library/busybox/./manifests/latest",
        "/v2/library//busybox/manifests/latest",
        "/v2/../../etc/passwd",
      })
  void traversalIsRefused(String path) throws IOException {
    Response response = get(path);
    assertEquals(400, response.status(), path);
    assertRegistryError(response, "NAME_INVALID");
    assertTrue(!response.text().contains("root:x:0:0"), "no file content leaks");
  }

  @ParameterizedTest
  @CsvSource({
    "/v2/library/busybox/blobs/sha256:xyz, DIGEST_INVALID, 400",
    "/v2/library/busybox/manifests/sha256:xyz, DIGEST_INVALID, 400",
    "/v2/library/busybox/blobs/md5:d41d8cd98f00b204e9800998ecf8427e, DIGEST_INVALID, 400",
    "/v2/library/busybox/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000,"
        + " BLOB_UNKNOWN, 404",
    "/v2/library/busybox/manifests/nosuchtag, MANIFEST_UNKNOWN, 404",
    "/v2/library/nosuchrepo/manifests/latest, NAME_UNKNOWN, 404",
    "/v2/library/nosuchrepo/tags/list, NAME_UNKNOWN, 404",
    "/v2/Library/BusyBox/manifests/latest, NAME_INVALID, 400",
  })
  void unknownOrMalformedReferencesGetTheSpecificationsError(String path, String code, int status)
      throws IOException {
    Response response = get(path);
    assertEquals(status, response.status(), path);
    assertRegistryError(response, code);
  }

  @Test
  void aConfigBlobIsNotAManifest() throws IOException {
    JsonNode manifest =
        MirrorFixtures.JSON.readTree(
            layout.resolve("blobs/sha256/" + manifestDigest.substring(7)).toFile());
    Response response = get("/v2/library/busybox/manifests/" + layerDigest);
    assertEquals(404, response.status());
    assertRegistryError(response, "MANIFEST_UNKNOWN");
    assertEquals(
        200,
        get("/v2/library/busybox/blobs/" + manifest.path("config").path("digest").asText())
            .status());
  }

  @Test
  void aTenKilobytePathIsTooLong() throws IOException {
    Response response = get("/v2/" + "a/".repeat(5000) + "manifests/latest");
    assertEquals(414, response.status());
  }

  @ParameterizedTest
  @ValueSource(ints = {100_000, 1_000_000})
  void aHugeRequestLineIsAnsweredNotReset(int length) throws IOException {
    // The client writes it all before reading, as HTTP clients do; closing with its bytes unread
    // would reset the connection and throw the 414 away.
    Response response = exchange("GET /v2/" + "a".repeat(length) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertEquals(414, response.status());
  }

  @Test
  void aRequestWithABodyWeDoNotReadStillGetsItsAnswer() throws IOException {
    String body = "x".repeat(2_000_000);
    Response response =
        exchange(
            "PUT /v2/library/busybox/blobs/uploads/ HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);
    assertEquals(405, response.status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "POST", "DELETE", "PATCH"})
  void writesAreUnsupported(String method) throws IOException {
    Response response =
        exchange(
            method
                + " /v2/library/busybox/manifests/latest HTTP/1.1\r\n"
                + "Host: x\r\n"
                + "Content-Length: 2\r\n\r\n"
                + "{}");
    assertEquals(405, response.status());
    assertEquals("GET, HEAD", response.header("Allow"));
    assertRegistryError(response, "UNSUPPORTED");
  }

  @Test
  void aTlsClientHelloIsAnsweredAtOnceAndClosed() throws IOException {
    try (Socket socket = connect()) {
      byte[] hello = new byte[300];
      hello[0] = 0x16;
      hello[1] = 0x03;
      hello[2] = 0x01;
      long start = System.nanoTime();
      socket.getOutputStream().write(hello);
      socket.getOutputStream().flush();
      byte[] answer = readAll(socket.getInputStream());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(
          new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 400"),
          new String(answer, StandardCharsets.ISO_8859_1));
      assertTrue(millis < 1000, "answered in " + millis + " ms");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE\r\n\r\n",
        "GET /v2/\r\n\r\n",
        "GET /v2/ SPDY/3\r\n\r\n",
        "\u0000\u0001\u0002\r\n\r\n"
      })
  void garbageRequestLinesAreRejected(String request) throws IOException {
    assertEquals(400, exchange(request).status());
  }

  @Test
  void tooManyHeadersAreRejected() throws IOException {
    StringBuilder request = new StringBuilder("GET /v2/ HTTP/1.1\r\n");
    for (int i = 0; i < 500; i++) {
      request.append("X-Filler-").append(i).append(": ").append(i).append("\r\n");
    }
    assertEquals(431, exchange(request.append("\r\n").toString()).status());
  }

  @Test
  void headOnAManifestSendsHeadersOnly() throws IOException {
    Response response =
        exchange(
            "HEAD /v2/library/busybox/manifests/latest HTTP/1.1\r\n"
                + "Host: x\r\n"
                + "Connection: close\r\n\r\n");
    assertEquals(200, response.status());
    assertEquals(manifestDigest, response.header("Docker-Content-Digest"));
    assertEquals(
        String.valueOf(Files.size(layout.resolve("blobs/sha256/" + manifestDigest.substring(7)))),
        response.header("Content-Length"));
    assertEquals(MediaTypes.OCI_MANIFEST, response.header("Content-Type"));
    assertEquals(0, response.body().length, "no body after HEAD");
  }

  @Test
  void aRangeIsServedPartially() throws IOException {
    long size = Files.size(layerFile);
    Response response =
        exchange(request("/v2/library/busybox/blobs/" + layerDigest, "Range: bytes=100-1099"));
    assertEquals(206, response.status());
    assertEquals("bytes 100-1099/" + size, response.header("Content-Range"));
    assertEquals("1000", response.header("Content-Length"));
    assertArrayEquals(
        Arrays.copyOfRange(Files.readAllBytes(layerFile), 100, 1100), response.body());

    Response open =
        exchange(
            request(
                "/v2/library/busybox/blobs/" + layerDigest, "Range: bytes=" + (size - 10) + "-"));
    assertEquals(206, open.status());
    assertEquals(
        "bytes " + (size - 10) + "-" + (size - 1) + "/" + size, open.header("Content-Range"));
    assertEquals(10, open.body().length);
  }

  @Test
  void aSuffixRangeServesTheLastBytes() throws IOException {
    long size = Files.size(layerFile);
    Response response =
        exchange(request("/v2/library/busybox/blobs/" + layerDigest, "Range: bytes=-100"));
    assertEquals(206, response.status());
    assertEquals(
        "bytes " + (size - 100) + "-" + (size - 1) + "/" + size, response.header("Content-Range"));
    assertArrayEquals(
        Arrays.copyOfRange(Files.readAllBytes(layerFile), (int) size - 100, (int) size),
        response.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "bytes=99999999999999999999-",
        "bytes=-",
        "bytes=-0",
        "bytes=0-1,5-9",
        "lines=1-2"
      })
  void rangesWeCannotServeAre416(String range) throws IOException {
    Response response =
        exchange(request("/v2/library/busybox/blobs/" + layerDigest, "Range: " + range));
    assertEquals(416, response.status(), range);
  }

  @Test
  void anUnreadableLayoutIsAServerErrorNotASilentClose() throws IOException {
    assertEquals(500, get("/v2/broken/image/manifests/latest").status());
    assertEquals(500, get("/v2/broken/image/tags/list").status());
  }

  @Test
  void anUnsatisfiableRangeIs416() throws IOException {
    long size = Files.size(layerFile);
    Response response =
        exchange(request("/v2/library/busybox/blobs/" + layerDigest, "Range: bytes=" + size + "-"));
    assertEquals(416, response.status());
    assertEquals("bytes */" + size, response.header("Content-Range"));
    assertEquals(
        416,
        exchange(request("/v2/library/busybox/blobs/" + layerDigest, "Range: bytes=50-10"))
            .status());
  }

  @Test
  void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /v2/ HTTP/1.1\r\n"
                  + "Host: x\r\n\r\n"
                  + "GET /v2/library/busybox/tags/list HTTP/1.1\r\n"
                  + "Host: x\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      String both = new String(readAll(socket.getInputStream()), StandardCharsets.ISO_8859_1);
      assertEquals(2, both.split("HTTP/1.1 200 OK", -1).length - 1, both);
      assertTrue(both.contains("{\"name\":\"library/busybox\",\"tags\":[\"latest\"]}"), both);
    }
  }

  @Test
  void idleConnectionsDoNotStarveNewClients() throws IOException {
    // From another loopback address: one address alone may not hold more than its share (see
    // SlowClientTest), and 100 is more than that share.
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        idle.add(connectFrom("127.0.0.2"));
      }
      long start = System.nanoTime();
      assertEquals(200, get("/v2/").status());
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1000, "answered in " + millis + " ms with 100 idle connections open");
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  private static void assertRegistryError(Response response, String code) throws IOException {
    assertEquals("application/json", response.header("Content-Type"));
    JsonNode body = MirrorFixtures.JSON.readTree(response.body());
    assertEquals(1, body.size(), body.toString());
    JsonNode errors = body.path("errors");
    assertEquals(1, errors.size(), body.toString());
    JsonNode error = errors.get(0);
    assertEquals(code, error.path("code").asText(), body.toString());
    assertTrue(
        error.path("message").isTextual() && !error.path("message").asText().isEmpty(),
        body.toString());
    assertTrue(error.has("detail"), body.toString());
  }

  private static String request(String path, String... headers) {
    StringBuilder request =
        new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return request.append("\r\n").toString();
  }

  private static Response get(String path) throws IOException {
    return exchange(request(path));
  }

  private static Socket connect() throws IOException {
    return connectFrom(null);
  }

  private static Socket connectFrom(String localAddress) throws IOException {
    String[] hostPort = registry.address().split(":");
    Socket socket = new Socket();
    if (localAddress != null) {
      socket.bind(new InetSocketAddress(localAddress, 0));
    }
    socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Sends {@code raw} as it is and reads until the server closes the connection. */
  private static Response exchange(String raw) throws IOException {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return Response.parse(readAll(socket.getInputStream()));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      throw new AssertionError(
          "connection reset after "
              + all.size()
              + " bytes: "
              + all.toString(StandardCharsets.ISO_8859_1),
          reset);
    }
    return all.toByteArray();
  }

  record Response(int status, Map<String, String> headers, byte[] body) {

    static Response parse(byte[] raw) {
      String text = new String(raw, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      assertTrue(end > 0, "a complete response: " + text);
      String[] lines = text.substring(0, end).split("\r\n");
      String[] status = lines[0].split(" ", 3);
      assertEquals("HTTP/1.1", status[0], lines[0]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
      String length = headers.get("content-length");
      boolean headersOnly = status[1].equals("200") && body.length == 0; // the answer to HEAD
      if (length != null && !headersOnly) {
        assertEquals(Long.parseLong(length), body.length, "body matches Content-Length");
      }
      return new Response(Integer.parseInt(status[1]), headers, body);
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }
}
