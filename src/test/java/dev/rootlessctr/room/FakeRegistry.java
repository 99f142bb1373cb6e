package dev.rootlessctr.room;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of the distribution API the room uses, in memory on 127.0.0.1, as docker-registry
 * answers it (202 with an absolute Location, ETag and 304 on manifests). For tests that must run
 * without Debian's registry; the end-to-end test uses the real one.
 */
public final class FakeRegistry implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final AtomicLong uploads = new AtomicLong();
  final AtomicInteger blobGets = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();
  volatile boolean down;

  public FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/v2/", this::handle);
    server.start();
  }

  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The tags (learner ids) that hold a manifest. */
  public List<String> tags() {
    return List.copyOf(new TreeMap<>(manifests).keySet());
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if (down) {
        send(x, 503, new byte[0]);
        return;
      }
      String path = x.getRequestURI().getPath();
      String prefix = "/v2/" + ProgressArtifact.REPOSITORY + "/";
      if (!path.startsWith(prefix)) {
        send(x, 404, new byte[0]);
        return;
      }
      String rest = path.substring(prefix.length());
      byte[] body = x.getRequestBody().readAllBytes();
      String method = x.getRequestMethod();
      if (method.equals("POST") && rest.equals("blobs/uploads/")) {
        x.getResponseHeaders()
            .add(
                "Location",
                "http://"
                    + address()
                    + prefix
                    + "blobs/uploads/u"
                    + uploads.incrementAndGet()
                    + "?_state=abc");
        send(x, 202, new byte[0]);
      } else if (method.equals("PUT") && rest.startsWith("blobs/uploads/")) {
        String digest = x.getRequestURI().getQuery().replaceAll(".*digest=", "");
        if (!RegistryClient.sha256(body).equals(digest)) {
          send(x, 400, new byte[0]);
          return;
        }
        blobs.put(digest, body);
        send(x, 201, new byte[0]);
      } else if (method.equals("PUT") && rest.startsWith("manifests/")) {
        manifests.put(rest.substring("manifests/".length()), body);
        send(x, 201, new byte[0]);
      } else if (method.equals("GET") && rest.startsWith("tags/list")) {
        if (manifests.isEmpty()) {
          send(x, 404, new byte[0]);
          return;
        }
        String tags = String.join(",", tags().stream().map(t -> "\"" + t + "\"").toList());
        send(
            x,
            200,
            ("{\"name\":\"" + ProgressArtifact.REPOSITORY + "\",\"tags\":[" + tags + "]}")
                .getBytes(StandardCharsets.UTF_8));
      } else if (method.equals("GET") && rest.startsWith("manifests/")) {
        byte[] manifest = manifests.get(rest.substring("manifests/".length()));
        if (manifest == null) {
          send(x, 404, new byte[0]);
          return;
        }
        String etag = "\"" + RegistryClient.sha256(manifest) + "\"";
        x.getResponseHeaders().add("Etag", etag);
        if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
          notModified.incrementAndGet();
          send(x, 304, null);
          return;
        }
        send(x, 200, manifest);
      } else if (method.equals("GET") && rest.startsWith("blobs/")) {
        blobGets.incrementAndGet();
        byte[] blob = blobs.get(rest.substring("blobs/".length()));
        send(x, blob == null ? 404 : 200, blob == null ? new byte[0] : blob);
      } else {
        send(x, 405, new byte[0]);
      }
    }
  }

  private static void send(HttpExchange x, int status, byte[] body) throws IOException {
    x.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
    if (body != null && body.length > 0) {
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
