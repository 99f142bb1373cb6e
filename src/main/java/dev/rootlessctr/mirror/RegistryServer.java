package dev.rootlessctr.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.oci.Digest;
import dev.rootlessctr.oci.InvalidDigest;
import dev.rootlessctr.oci.OciLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only registry (on 127.0.0.1 unless told otherwise) speaking the pull side of the OCI
 * distribution API: {@code /v2/}, manifests by tag and digest, blobs (with {@code Range}), tag
 * lists, and errors in the specification's JSON shape. Blobs stream from disk; nothing is buffered
 * whole.
 */
public final class RegistryServer implements AutoCloseable {

  private static final Pattern NAME =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern OBJECT = Pattern.compile("^/v2/(.+)/(manifests|blobs)/([^/]+)$");
  private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
  private static final int MAX_PATH = 2048;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, OciLayout> repositories = new ConcurrentHashMap<>();
  private final AtomicLong handlingNanos = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private HttpServer server;
  private volatile ReleaseFiles release;

  private RegistryServer() {}

  /** Starts on 127.0.0.1; port 0 picks a free one. */
  public static RegistryServer start(int port) throws IOException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
  }

  /** Starts on {@code address}, e.g. a LAN address to serve a room. */
  public static RegistryServer start(InetSocketAddress address) throws IOException {
    return start(address, HttpLimits.defaults());
  }

  static RegistryServer start(InetSocketAddress address, HttpLimits limits) throws IOException {
    RegistryServer registry = new RegistryServer();
    registry.server = HttpServer.start(address, registry::handle, limits);
    return registry;
  }

  /**
   * Serves the OCI image layout {@code layout} as repository {@code name} (e.g. library/busybox).
   */
  public void serve(String name, Path layout) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid repository name: " + name);
    }
    repositories.put(name, new OciLayout(layout));
  }

  /** Also serves the release files found in {@code dir} at {@code /release/NAME}, for a room. */
  public void serveRelease(Path dir) {
    release = new ReleaseFiles(dir);
  }

  /** The release file names being served; empty when none are. */
  public java.util.List<String> releaseNames() throws IOException {
    ReleaseFiles files = release;
    return files == null ? java.util.List.of() : files.names();
  }

  /** host:port, e.g. {@code 127.0.0.1:41234}. */
  public String address() {
    return server.address();
  }

  /** Total time spent answering requests, for the benchmark's mirror-side figure. */
  public long handlingNanos() {
    return handlingNanos.get();
  }

  public long requests() {
    return requests.get();
  }

  /** Client connections open now; for tests that check nothing is left behind. */
  int openConnections() {
    return server.openConnections();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpRequest request, HttpResponse response) throws IOException {
    long start = System.nanoTime();
    try {
      requests.incrementAndGet();
      route(request, response);
    } finally {
      handlingNanos.addAndGet(System.nanoTime() - start);
    }
  }

  private void route(HttpRequest exchange, HttpResponse response) throws IOException {
    response.header("Docker-Distribution-API-Version", "registry/2.0");
    String method = exchange.method();
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      response.header("Allow", "GET, HEAD");
      error(
          response,
          RegistryError.UNSUPPORTED,
          "this mirror is read-only: " + method + " is not supported");
      return;
    }
    String path = exchange.rawPath();
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.length() > MAX_PATH) {
      error(response, RegistryError.NAME_INVALID, "path longer than " + MAX_PATH + " characters");
      return;
    }
    if (path.contains("%")
        || path.contains("//")
        || path.contains("/../")
        || path.endsWith("/..")
        || path.contains("/./")) {
      error(
          response,
          RegistryError.NAME_INVALID,
          "escaped or relative path segments are not accepted");
      return;
    }
    ReleaseFiles files = release;
    if (files != null && path.startsWith(ReleaseFiles.PREFIX)) {
      files.answer(path, response);
      return;
    }
    if (path.equals("/v2/") || path.equals("/v2")) {
      json(response, 200, JSON.createObjectNode());
      return;
    }
    Matcher tags = TAGS.matcher(path);
    if (tags.matches()) {
      tagList(response, tags.group(1));
      return;
    }
    Matcher object = OBJECT.matcher(path);
    if (!object.matches()) {
      error(response, RegistryError.NAME_UNKNOWN, "no such endpoint: " + path);
      return;
    }
    String name = object.group(1);
    Optional<OciLayout> store = repository(response, name);
    if (store.isEmpty()) {
      return;
    }
    if (object.group(2).equals("manifests")) {
      manifest(response, store.get(), object.group(3));
    } else {
      blob(exchange, response, store.get(), object.group(3));
    }
  }

  private Optional<OciLayout> repository(HttpResponse response, String name) throws IOException {
    if (!NAME.matcher(name).matches()) {
      error(response, RegistryError.NAME_INVALID, "invalid repository name: " + name);
      return Optional.empty();
    }
    OciLayout store = repositories.get(name);
    if (store == null) {
      error(
          response,
          RegistryError.NAME_UNKNOWN,
          "this mirror serves " + String.join(", ", repositories.keySet()));
    }
    return Optional.ofNullable(store);
  }

  private void tagList(HttpResponse response, String name) throws IOException {
    Optional<OciLayout> store = repository(response, name);
    if (store.isEmpty()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("name", name);
    store.get().tags().forEach(body.putArray("tags")::add);
    json(response, 200, body);
  }

  private void manifest(HttpResponse response, OciLayout store, String reference)
      throws IOException {
    Optional<OciLayout.Manifest> manifest;
    if (reference.contains(":")) {
      Digest digest;
      try {
        digest = Digest.parse(reference);
      } catch (InvalidDigest e) {
        error(response, RegistryError.DIGEST_INVALID, digestProblem(e));
        return;
      }
      manifest = store.manifestByDigest(digest);
    } else if (TAG.matcher(reference).matches()) {
      manifest = store.manifestByTag(reference);
    } else {
      error(response, RegistryError.MANIFEST_UNKNOWN, "not a tag or digest: " + reference);
      return;
    }
    if (manifest.isEmpty()) {
      error(response, RegistryError.MANIFEST_UNKNOWN, "no manifest " + reference);
      return;
    }
    OciLayout.Manifest found = manifest.get();
    response.header("Content-Type", found.mediaType());
    response.header("Docker-Content-Digest", found.digest().toString());
    response.header("ETag", "\"" + found.digest() + "\"");
    response.send(200, found.file(), 0, found.size());
  }

  private void blob(HttpRequest request, HttpResponse response, OciLayout store, String reference)
      throws IOException {
    Digest digest;
    try {
      digest = Digest.parse(reference);
    } catch (InvalidDigest e) {
      error(response, RegistryError.DIGEST_INVALID, digestProblem(e));
      return;
    }
    Optional<Path> file = store.blob(digest);
    if (file.isEmpty()) {
      error(response, RegistryError.BLOB_UNKNOWN, "no blob " + digest);
      return;
    }
    long size = java.nio.file.Files.size(file.get());
    response.header("Content-Type", "application/octet-stream");
    response.header("Docker-Content-Digest", digest.toString());
    response.header("Accept-Ranges", "bytes");
    String range = request.header("Range");
    if (range == null) {
      response.send(200, file.get(), 0, size);
      return;
    }
    Matcher matcher = RANGE.matcher(range.trim());
    long from = -1;
    long to = size - 1;
    if (matcher.matches() && !matcher.group(1).isEmpty()) {
      from = Long.parseLong(matcher.group(1));
      to = matcher.group(2).isEmpty() ? size - 1 : Long.parseLong(matcher.group(2));
    } else if (matcher.matches()
        && !matcher.group(2).isEmpty()
        && Long.parseLong(matcher.group(2)) > 0) {
      from = Math.max(0, size - Long.parseLong(matcher.group(2))); // "bytes=-N": the last N bytes
    }
    if (from < 0 || from >= size || to < from) {
      response.header("Content-Range", "bytes */" + size);
      response.sendEmpty(416);
      return;
    }
    to = Math.min(to, size - 1);
    response.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    response.send(206, file.get(), from, to - from + 1);
  }

  private static String digestProblem(InvalidDigest e) {
    return e.problem() == InvalidDigest.Problem.UNSUPPORTED_ALGORITHM
        ? "unsupported digest algorithm in " + e.text() + " (sha256 and sha512 are)"
        : "malformed digest: " + e.text();
  }

  private static void json(HttpResponse response, int status, ObjectNode body) throws IOException {
    response.header("Content-Type", "application/json");
    response.send(status, JSON.writeValueAsBytes(body));
  }

  private static void error(HttpResponse response, RegistryError error, String detail)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode entry = body.putArray("errors").addObject();
    entry.put("code", error.name());
    entry.put("message", error.message);
    entry.put("detail", detail);
    json(response, error.status, body);
  }
}
