package dev.rootlessctr.mirror;

import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The mirror as the shell uses it: started on first need, serving the cached busybox image as
 * {@code library/busybox}, and wired into a lab for the mode the learner chose.
 */
public final class LabMirror implements AutoCloseable {

  public static final String BUSYBOX_REPOSITORY = "library/busybox";

  private final RegistryMode mode;
  private final Path cacheDir;
  private final BusyboxImage image;
  private RegistryServer server;

  public LabMirror(RegistryMode mode, Path cacheDir, Path busybox, ProcessRunner processes) {
    this.mode = mode;
    this.cacheDir = cacheDir;
    this.image = new BusyboxImage(busybox, processes);
  }

  public RegistryMode mode() {
    return mode;
  }

  /** The image's cached layout, built first if needed (once per busybox binary). */
  public Path image() throws IOException {
    return image.cached(cacheDir);
  }

  /** Starts the embedded registry with the busybox image, if it is not running yet. */
  public synchronized RegistryServer ensureStarted() throws IOException {
    if (server == null) {
      Path layout = image();
      RegistryServer started = RegistryServer.start(0);
      started.serve(BUSYBOX_REPOSITORY, layout);
      server = started;
    }
    return server;
  }

  /**
   * The port of the built-in mirror on 127.0.0.1, started if needed whatever the mode: a container
   * with slirp4netns reaches the host's loopback through slirp's gateway, and a lesson that does so
   * must not depend on Docker Hub or an instructor's registry on another host.
   */
  public int loopbackPort() throws IOException {
    String address = ensureStarted().address();
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  /**
   * Wires {@code stateDir} (inside the lab) so skopeo pulls docker.io through the mirror for this
   * mode; returns the directory to put first on PATH (online, the shim only keeps skopeo's cache in
   * the lab).
   */
  public Optional<Path> wire(Path stateDir, String path) throws IOException {
    SkopeoWiring wiring = new SkopeoWiring(stateDir);
    return switch (mode.kind()) {
      case ONLINE -> Optional.of(wiring.writeCacheOnly(path));
      case OFFLINE -> Optional.of(wiring.write(ensureStarted().address(), "offline", path));
      case WORKSHOP -> Optional.of(wiring.write(mode.workshopAddress(), "workshop mode", path));
    };
  }

  /** Where pulls go now, for the learner: an address, or empty when online or not started. */
  public synchronized Optional<String> address() {
    return switch (mode.kind()) {
      case ONLINE -> Optional.empty();
      case WORKSHOP -> Optional.of(mode.workshopAddress());
      case OFFLINE -> Optional.ofNullable(server).map(RegistryServer::address);
    };
  }

  /** Whether {@code GET /v2/} answers 200 at the mirror for this mode (starting it if offline). */
  public boolean answering() {
    try {
      String address =
          mode.kind() == RegistryMode.Kind.OFFLINE
              ? ensureStarted().address()
              : mode.workshopAddress();
      if (address == null) {
        return false;
      }
      // HttpURLConnection, not java.net.http.HttpClient: the latter sets up TLS even for plain
      // http (keystores, certificates), about 0.3 s of CPU that the first lesson waits behind.
      HttpURLConnection connection =
          (HttpURLConnection) URI.create("http://" + address + "/v2/").toURL().openConnection();
      connection.setConnectTimeout(2000);
      connection.setReadTimeout(3000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
