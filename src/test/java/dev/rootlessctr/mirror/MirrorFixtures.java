package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Shared pieces of the mirror tests: the real busybox image, built once per test JVM, real skopeo
 * runs, and the check that a pulled layout is intact.
 */
final class MirrorFixtures {

  static final Path BUSYBOX = Path.of("/bin/busybox");
  static final Path SKOPEO = Path.of("/usr/bin/skopeo");
  static final ObjectMapper JSON = new ObjectMapper();

  private static Path image;

  private MirrorFixtures() {}

  /** The busybox layout built from the host binary, once for all tests in this JVM. */
  static synchronized Path image() {
    if (image == null) {
      try {
        Path cache = Files.createTempDirectory("rctr-mirror-image-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(cache)));
        image = new BusyboxImage(BUSYBOX, ProcessRunner.system()).cached(cache);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return image;
  }

  /** The manifest digest the layout's index names for {@code latest}. */
  static String manifestDigest(Path layout) throws IOException {
    JsonNode index = JSON.readTree(layout.resolve("index.json").toFile());
    assertEquals(1, index.path("manifests").size(), "one manifest in " + layout);
    return index.path("manifests").get(0).path("digest").asText();
  }

  /**
   * Checks that every blob of {@code layout} hashes to its name and that the manifest's config and
   * layers are present with their sizes; returns the manifest digest.
   */
  static String verifiedDigest(Path layout) throws IOException {
    try (Stream<Path> blobs = Files.list(layout.resolve("blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        assertEquals(
            blob.getFileName().toString(),
            BusyboxImage.sha256(blob),
            "blob " + blob + " hashes to its name");
      }
    }
    String digest = manifestDigest(layout);
    JsonNode manifest =
        JSON.readTree(
            layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())).toFile());
    List<JsonNode> parts = new ArrayList<>();
    parts.add(manifest.path("config"));
    manifest.path("layers").forEach(parts::add);
    for (JsonNode part : parts) {
      Path blob =
          layout.resolve(
              "blobs/sha256/" + part.path("digest").asText().substring("sha256:".length()));
      assertTrue(Files.isRegularFile(blob), "blob present: " + blob);
      assertEquals(part.path("size").asLong(), Files.size(blob), "size of " + blob);
    }
    return digest;
  }

  /** Runs the real skopeo with {@code args}, failing the test with its output when it fails. */
  static Captured skopeo(List<String> args) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(SKOPEO.toString());
    argv.addAll(args);
    Captured result = run(argv);
    assertTrue(
        result.succeeded(),
        () ->
            String.join(" ", argv)
                + " failed ("
                + result.exitCode()
                + "):\n"
                + result.stdout()
                + result.stderr());
    return result;
  }

  static Captured run(List<String> argv) throws IOException {
    return ProcessRunner.system().run(argv, Path.of("/"), environment(), Duration.ofSeconds(60));
  }

  /** A minimal environment: no proxies, so loopback pulls stay on loopback. */
  static Map<String, String> environment() {
    return Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", "HOME", System.getProperty("user.home"));
  }

  /** A registries.conf sending docker.io to {@code address}, written by the code under test. */
  static Path registriesConf(Path dir, String address) throws IOException {
    SkopeoWiring wiring = new SkopeoWiring(dir);
    wiring.write(address, "test", "/usr/bin:/bin");
    return wiring.registriesConf();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void deleteQuietly(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temp folder
    }
  }
}
