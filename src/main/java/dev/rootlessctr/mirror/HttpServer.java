package dev.rootlessctr.mirror;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * A small HTTP/1.1 server for the mirror: GET and HEAD with keep-alive, bounded request lines and
 * headers, on loopback only.
 *
 * <p>Why not the JDK's server: skopeo tries HTTPS first even for an insecure registry and falls
 * back to plain HTTP only once the TLS handshake fails. The JDK server waits for a request line
 * that a TLS ClientHello never completes, so every pull stalled for Go's 10-second handshake
 * timeout. This server sees the handshake byte and answers at once.
 */
final class HttpServer implements AutoCloseable {

  /** Handles one request; a handler that sends nothing gets a 500. */
  interface Handler {
    void handle(HttpRequest request, HttpResponse response) throws IOException;
  }

  private static final int MAX_LINE = 8192;
  private static final int MAX_HEADERS = 100;
  private static final int IDLE_MILLIS = 30_000;
  private static final int LINGER_MILLIS = 2_000;
  private static final long LINGER_BYTES = 16L << 20;
  private static final int TLS_HANDSHAKE = 0x16;
  // Keep-alive connections sit idle between a client's requests, each holding a thread: the
  // bound is on connections, not threads, so idle ones never starve a new client.
  private static final int MAX_CONNECTIONS = 512;

  private final ServerSocketChannel socket;
  private final ExecutorService pool;
  private final Handler handler;
  private final Thread acceptor;
  private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

  private HttpServer(ServerSocketChannel socket, Handler handler) {
    this.socket = socket;
    this.handler = handler;
    this.pool = Executors.newCachedThreadPool(r -> daemon(r, "mirror-connection"));
    this.acceptor = daemon(this::accept, "mirror-accept");
  }

  static HttpServer start(int port, Handler handler) throws IOException {
    // A channel, not a plain socket: blob bodies go from the file through a direct buffer to
    // the socket, without a copy through the Java heap (see HttpResponse).
    ServerSocketChannel socket = ServerSocketChannel.open();
    socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    HttpServer server = new HttpServer(socket, handler);
    server.acceptor.start();
    return server;
  }

  String address() {
    try {
      InetSocketAddress local = (InetSocketAddress) socket.getLocalAddress();
      return local.getAddress().getHostAddress() + ":" + local.getPort();
    } catch (IOException e) {
      throw new IllegalStateException("the mirror is closed", e);
    }
  }

  private void accept() {
    while (socket.isOpen()) {
      SocketChannel connection;
      try {
        connection = socket.accept();
      } catch (IOException e) {
        if (!socket.isOpen()) {
          return;
        }
        pause(); // e.g. out of file descriptors: retrying at once would spin a core
        continue;
      }
      if (!connections.tryAcquire()) {
        busy(connection);
        continue;
      }
      try {
        pool.execute(() -> {
          try {
            serve(connection);
          } finally {
            connections.release();
          }
        });
      } catch (RejectedExecutionException closedMeanwhile) {
        connections.release();
        busy(connection);
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve(SocketChannel channel) {
    try (channel) {
      Socket connection = channel.socket();
      connection.setSoTimeout(IDLE_MILLIS);
      connection.setTcpNoDelay(true);
      if (exchange(channel) == Ending.UNREAD_INPUT) {
        linger(connection);
      }
    } catch (SocketException | java.net.SocketTimeoutException e) {
      // closed or idle: normal end of a keep-alive connection
    } catch (IOException e) {
      // a broken client; the next connection is unaffected
    }
  }

  /** How a connection ended: the client closed it, or we did while it may still be sending. */
  private enum Ending {
    CLIENT_CLOSED,
    UNREAD_INPUT
  }

  /** Answers requests on one connection until either side ends it. */
  private Ending exchange(SocketChannel channel) throws IOException {
    Socket connection = channel.socket();
    InputStream in = new BufferedInputStream(connection.getInputStream(), 16 * 1024);
    OutputStream out = new BufferedOutputStream(connection.getOutputStream(), 64 * 1024);
    in.mark(1);
    if (in.read() == TLS_HANDSHAKE) {
      out.write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Ending.UNREAD_INPUT;
    }
    in.reset();
    while (true) {
      String line;
      try {
        line = readLine(in);
      } catch (LineTooLong e) {
        reject(out, 414);
        return Ending.UNREAD_INPUT;
      }
      if (line == null) {
        return Ending.CLIENT_CLOSED;
      }
      if (line.isEmpty()) {
        continue; // tolerate a stray CRLF between requests
      }
      String[] parts = line.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        reject(out, 400);
        return Ending.UNREAD_INPUT;
      }
      Map<String, String> headers = readHeaders(in);
      if (headers == null) {
        reject(out, 431);
        return Ending.UNREAD_INPUT;
      }
      String method = parts[0];
      HttpResponse response = new HttpResponse(out, channel, method.equals("HEAD"));
      try {
        handler.handle(new HttpRequest(method, parts[1], headers), response);
      } catch (IOException | RuntimeException e) {
        if (response.sent()) {
          throw e; // the answer broke off midway; only closing can tell the client
        }
        // e.g. an unreadable index.json: say so rather than drop the connection silently
      }
      if (!response.sent()) {
        reject(out, 500);
        return Ending.UNREAD_INPUT;
      }
      boolean close = "close".equalsIgnoreCase(headers.get("connection")) || parts[2].equals("HTTP/1.0");
      if (close || !(method.equals("GET") || method.equals("HEAD")) || headers.containsKey("content-length") || headers.containsKey("transfer-encoding")) {
        return Ending.UNREAD_INPUT; // a body we will not read: close rather than misparse it as the next request
      }
    }
  }

  /**
   * Closing a socket with unread input makes the kernel send a reset, and a client still writing
   * (a long request line, a PUT body) then loses our answer with it. So: stop sending, read and
   * discard what the client still sends, within bounds, and only then close.
   */
  private static void linger(Socket connection) {
    try {
      connection.shutdownOutput();
      connection.setSoTimeout(LINGER_MILLIS);
      InputStream in = connection.getInputStream();
      byte[] discard = new byte[16 * 1024];
      long left = LINGER_BYTES;
      for (int n; left > 0 && (n = in.read(discard)) >= 0; ) {
        left -= n;
      }
    } catch (IOException e) {
      // the client closed, reset or went quiet: either way we are done
    }
  }

  private static void busy(SocketChannel connection) {
    try (connection) {
      connection.socket().getOutputStream().write("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      // the client is gone already
    }
  }

  private static void reject(OutputStream out, int status) throws IOException {
    out.write(("HTTP/1.1 " + status + " " + HttpResponse.reason(status) + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static final class LineTooLong extends IOException {
    LineTooLong() {
      super("request line too long");
    }
  }

  /** A CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    while (true) {
      int c = in.read();
      if (c < 0) {
        return line.length() == 0 ? null : line.toString();
      }
      if (c == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() >= MAX_LINE) {
        throw new LineTooLong();
      }
      line.append((char) c);
    }
  }

  private static Map<String, String> readHeaders(InputStream in) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i <= MAX_HEADERS; i++) {
      String line = readLine(in);
      if (line == null || line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
      }
    }
    return null;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    pool.shutdownNow();
  }
}
