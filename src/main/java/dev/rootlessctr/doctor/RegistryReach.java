package dev.rootlessctr.doctor;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Asks a registry's {@code /v2/} endpoint once, within a deadline: any HTTP answer (Docker Hub says
 * 401 without a login) means skopeo could reach it too.
 *
 * <p>The target is a parameter so tests ask a server on 127.0.0.1; only the doctor, in online mode,
 * asks {@link #DOCKER_HUB}.
 */
public final class RegistryReach {

  /** Where {@code docker://busybox} goes in online mode. */
  public static final URI DOCKER_HUB = URI.create("https://registry-1.docker.io/v2/");

  private RegistryReach() {}

  /**
   * Empty when {@code target} answered within {@code deadline}, else what went wrong, in words.
   * Honours {@code HTTPS_PROXY}/{@code HTTP_PROXY} in {@code env} as skopeo does.
   */
  public static Optional<String> problem(URI target, Duration deadline, Map<String, String> env) {
    CompletableFuture<Optional<String>> attempt = new CompletableFuture<>();
    // A name lookup is not bounded by the connect timeout; the deadline is kept here instead.
    Thread asker = new Thread(() -> attempt.complete(ask(target, deadline, env)), "registry-reach");
    asker.setDaemon(true);
    asker.start();
    try {
      return attempt.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      asker.interrupt();
      return Optional.of("no answer within " + seconds(deadline));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (ExecutionException e) {
      return Optional.of(String.valueOf(e.getCause()));
    }
  }

  private static Optional<String> ask(URI target, Duration deadline, Map<String, String> env) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) target.toURL().openConnection(proxy(target, env));
      int millis = (int) deadline.toMillis();
      connection.setConnectTimeout(millis);
      connection.setReadTimeout(millis);
      connection.setInstanceFollowRedirects(false);
      connection.setRequestMethod("GET");
      connection.getResponseCode();
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("the name " + target.getHost() + " could not be resolved");
    } catch (SocketTimeoutException e) {
      return Optional.of("no answer within " + seconds(deadline));
    } catch (SSLException e) {
      return Optional.of("the TLS handshake failed: " + e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      return Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } finally {
      if (connection != null) {
        closeQuietly(connection);
      }
    }
  }

  private static Proxy proxy(URI target, Map<String, String> env) {
    String name = target.getScheme().equals("https") ? "HTTPS_PROXY" : "HTTP_PROXY";
    String value = env.getOrDefault(name, env.getOrDefault(name.toLowerCase(), "")).strip();
    if (value.isEmpty()) {
      return Proxy.NO_PROXY;
    }
    URI proxy = URI.create(value.contains("://") ? value : "http://" + value);
    int port = proxy.getPort() > 0 ? proxy.getPort() : 80;
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port));
  }

  private static void closeQuietly(HttpURLConnection connection) {
    try (InputStream body = connection.getErrorStream()) {
      // nothing to read: the status was the answer
    } catch (IOException ignored) {
      // closing only
    }
    connection.disconnect();
  }

  private static String seconds(Duration deadline) {
    long millis = deadline.toMillis();
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
