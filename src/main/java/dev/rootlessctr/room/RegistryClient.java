package dev.rootlessctr.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.oci.Digest;
import dev.rootlessctr.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few calls of the OCI distribution API the room needs, over plain http to one registry. It
 * never follows a redirect or an upload location to another address: the room's traffic stays with
 * the registry the instructor named.
 */
final class RegistryClient {

  static final String OCI_MANIFEST = MediaTypes.OCI_MANIFEST;
  private static final int MAX_LIST = 64 * 1024;
  private static final int MAX_TAGS = 1000;
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String address;
  private final int connectMillis;
  private final int readMillis;

  /** A client for the registry at {@code address} ({@code HOST:PORT}). */
  RegistryClient(String address, int connectMillis, int readMillis) {
    this.address = address;
    this.connectMillis = connectMillis;
    this.readMillis = readMillis;
  }

  String address() {
    return address;
  }

  /**
   * An answer: its status, the headers the room reads, and the body (cut at the caller's limit).
   */
  record Response(int status, Map<String, List<String>> headers, byte[] body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(
              e ->
                  e.getKey() != null
                      && e.getKey().equalsIgnoreCase(name)
                      && !e.getValue().isEmpty())
          .map(e -> e.getValue().get(0))
          .findFirst();
    }
  }

  /** Uploads {@code content} as a blob (POST, then one PUT with the digest); returns its digest. */
  String pushBlob(String repository, byte[] content) throws IOException {
    String digest = sha256(content);
    Response started =
        send("POST", "/v2/" + repository + "/blobs/uploads/", Map.of(), new byte[0], 4096);
    if (started.status() != 202) {
      throw new IOException("the registry refused a blob upload (HTTP " + started.status() + ")");
    }
    String location =
        started
            .header("Location")
            .orElseThrow(() -> new IOException("the registry gave no upload location"));
    String put = location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
    Response done =
        send("PUT", put, Map.of("Content-Type", "application/octet-stream"), content, 4096);
    if (done.status() != 201) {
      throw new IOException("the registry did not take the blob (HTTP " + done.status() + ")");
    }
    return digest;
  }

  /** Stores an OCI image manifest under {@code tag}. */
  void putManifest(String repository, String tag, byte[] manifest) throws IOException {
    Response put =
        send(
            "PUT",
            "/v2/" + repository + "/manifests/" + tag,
            Map.of("Content-Type", OCI_MANIFEST),
            manifest,
            4096);
    if (put.status() != 201) {
      throw new IOException("the registry did not take the manifest (HTTP " + put.status() + ")");
    }
  }

  /** The repository's tags, following the registry's pages; empty when it has none yet. */
  List<String> tags(String repository) throws IOException {
    List<String> tags = new ArrayList<>();
    String next = "/v2/" + repository + "/tags/list?n=200";
    while (next != null && tags.size() < MAX_TAGS) {
      Response page = send("GET", next, Map.of("Accept", "application/json"), null, MAX_LIST);
      if (page.status() == 404) {
        return List.of(); // no learner has published yet: the repository does not exist
      }
      if (page.status() != 200) {
        throw new IOException("listing " + repository + " failed (HTTP " + page.status() + ")");
      }
      JsonNode list = JSON.readTree(page.body()).path("tags");
      list.forEach(t -> tags.add(t.asText()));
      next =
          page.header("Link")
              .map(NEXT::matcher)
              .filter(Matcher::find)
              .map(m -> m.group(1))
              .orElse(null);
    }
    return tags;
  }

  /**
   * GETs {@code path} (or a same-registry URL) with {@code headers}; the body is read up to {@code
   * max} bytes.
   */
  Response send(String method, String pathOrUrl, Map<String, String> headers, byte[] body, int max)
      throws IOException {
    URI uri = resolve(pathOrUrl);
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setInstanceFollowRedirects(false);
    connection.setConnectTimeout(connectMillis);
    connection.setReadTimeout(readMillis);
    connection.setRequestMethod(method);
    headers.forEach(connection::setRequestProperty);
    if (body != null && !method.equals("GET")) {
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    byte[] read = stream == null ? new byte[0] : readUpTo(stream, max);
    return new Response(status, connection.getHeaderFields(), read);
  }

  /** A path on this registry, or an absolute URL only if it points back at this registry. */
  private URI resolve(String pathOrUrl) throws IOException {
    URI base = URI.create("http://" + address + "/");
    URI uri = base.resolve(pathOrUrl);
    if (!"http".equals(uri.getScheme()) || !address.equalsIgnoreCase(uri.getRawAuthority())) {
      throw new IOException(
          "the registry pointed to another address ("
              + uri.getScheme()
              + "://"
              + uri.getRawAuthority()
              + "); not following it");
    }
    return uri;
  }

  /** Reads at most {@code max} bytes; a longer body is an error, never silently cut. */
  private static byte[] readUpTo(InputStream stream, int max) throws IOException {
    try (stream) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = stream.read(buffer)) > 0) {
        if (out.size() + n > max) {
          throw new IOException("the registry's answer is larger than " + max + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  static String sha256(byte[] content) {
    return Digest.sha256(Digest.sha256Hasher().digest(content)).toString();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
