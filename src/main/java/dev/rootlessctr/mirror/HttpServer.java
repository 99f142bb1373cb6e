package dev.rootlessctr.mirror;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server for the mirror: GET and HEAD with keep-alive, on the address it is given.
 *
 * <p>One event-loop thread owns every connection while it waits for or reads a request head, so an
 * idle or trickling client costs a few hundred bytes, not a thread; complete requests go to a fixed
 * pool of workers. The loop enforces the {@link HttpLimits}: a whole-request deadline that trickled
 * bytes do not extend (408), 1 MiB of head (431), a few blank lines before a request (400), and a
 * cap on connections per client address (503), so a slow client cannot starve a pull from another.
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

  /** What a worker leaves the connection in once it has answered. */
  private enum After {
    KEEP_ALIVE,
    DRAIN,
    CLOSE
  }

  private static final int TLS_HANDSHAKE = 0x16;
  private static final long LINGER_NANOS = 2_000_000_000L;
  private static final long LINGER_BYTES = 16L << 20;
  private static final long SWEEP_NANOS = 100_000_000L;
  private static final long REFUSED_LINGER_NANOS = 500_000_000L;
  private static final int MAX_REFUSING = 256;

  private final ServerSocketChannel socket;
  private final Selector selector;
  private final Handler handler;
  private final HttpLimits limits;
  private final ExecutorService workers;
  private final Thread loop;
  private final Queue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
  private final AddressShares shares;
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(16 * 1024);
  private volatile boolean closing;
  // shares.total(), copied by the loop for other threads (tests, the bench) to read.
  private volatile int open;
  private int refusing;
  private long nextSweep;
  private long acceptPausedUntil;

  private HttpServer(
      ServerSocketChannel socket, Selector selector, Handler handler, HttpLimits limits) {
    this.socket = socket;
    this.selector = selector;
    this.handler = handler;
    this.limits = limits;
    this.shares = new AddressShares(limits);
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            limits.workers(),
            r ->
                daemon(
                    () -> {
                      try {
                        r.run();
                      } finally {
                        ChannelWriter
                            .releaseWaiter(); // its file descriptors would outlive the server
                        // otherwise
                      }
                    },
                    "mirror-worker-" + count.incrementAndGet()));
    this.loop = daemon(this::run, "mirror-loop");
  }

  static HttpServer start(InetSocketAddress address, Handler handler, HttpLimits limits)
      throws IOException {
    ServerSocketChannel socket = ServerSocketChannel.open();
    Selector selector = null;
    try {
      socket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      socket.bind(address, 128);
      socket.configureBlocking(false);
      selector = Selector.open();
      socket.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      socket.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
    HttpServer server = new HttpServer(socket, selector, handler, limits);
    server.loop.start();
    return server;
  }

  String address() {
    try {
      InetSocketAddress local = (InetSocketAddress) socket.getLocalAddress();
      String host = LocalAddresses.shown(local.getAddress());
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + local.getPort();
    } catch (IOException e) {
      throw new IllegalStateException("the mirror is closed", e);
    }
  }

  /** Connections being read or answered now (refused ones not counted). */
  int openConnections() {
    return open;
  }

  private void run() {
    try {
      while (!closing) {
        selector.select(SWEEP_NANOS / 1_000_000);
        for (Runnable task; (task = fromWorkers.poll()) != null; ) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            acceptAll();
          } else if (key.attachment() instanceof Connection connection) {
            try {
              readable(connection);
            } catch (RuntimeException e) {
              close(connection); // one connection's surprise must not stop the others' server
            }
          }
        }
        selector.selectedKeys().clear();
        long now = System.nanoTime();
        if (now - nextSweep >= 0) {
          sweep(now);
          nextSweep = now + SWEEP_NANOS;
        }
      }
    } catch (IOException | RuntimeException e) {
      // cannot go on (a closed selector, a bug): end every connection rather than hang them
    } finally {
      closeAll();
    }
  }

  private void acceptAll() throws IOException {
    while (true) {
      SocketChannel channel;
      try {
        channel = socket.accept();
      } catch (IOException e) {
        // e.g. out of file descriptors: the socket stays ready, so stop asking for a moment
        // rather than spin a core
        socket.keyFor(selector).interestOps(0);
        acceptPausedUntil = System.nanoTime() + 50_000_000L;
        return;
      }
      if (channel == null) {
        return;
      }
      InetAddress peer;
      try {
        peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
      } catch (IOException goneAlready) {
        channel.close();
        continue;
      }
      if (!shares.tryOpen(peer)) {
        busy(channel, peer);
        continue;
      }
      Connection connection = new Connection(channel, peer);
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
      } catch (IOException e) {
        shares.closed(peer);
        channel.close();
        continue;
      }
      open = shares.total();
      connection.deadline = System.nanoTime() + limits.headerDeadline().toNanos();
    }
  }

  /**
   * Over a cap: say so at once without reading the request. The refused connection drains for a
   * moment, as a rejected one does, so the 503 is not lost to a reset; there are few of those at a
   * time, and beyond that a refused connection is just closed.
   */
  private void busy(SocketChannel channel, InetAddress peer) {
    Connection connection = new Connection(channel, peer);
    connection.refused = true;
    try {
      channel.configureBlocking(false);
      channel.write(ByteBuffer.wrap(HttpResponse.bare(503, "Retry-After: 1")));
      if (refusing >= MAX_REFUSING) {
        channel.close();
        return;
      }
      channel.shutdownOutput();
      connection.key = channel.register(selector, SelectionKey.OP_READ, connection);
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException closed) {
        // gone already
      }
      return;
    }
    refusing++;
    connection.state = Connection.State.DRAINING;
    connection.deadline = System.nanoTime() + REFUSED_LINGER_NANOS;
  }

  private void readable(Connection connection) {
    readBuffer.clear();
    int read;
    try {
      read = connection.channel.read(readBuffer);
    } catch (IOException e) {
      close(connection);
      return;
    }
    if (read < 0) {
      close(connection);
      return;
    }
    readBuffer.flip();
    if (connection.state == Connection.State.DRAINING) {
      connection.drained += read;
      if (connection.drained > LINGER_BYTES) {
        close(connection);
      }
      return;
    }
    if (connection.fresh
        && !connection.parser.started()
        && read > 0
        && (readBuffer.get(0) & 0xff) == TLS_HANDSHAKE) {
      reject(connection, 400);
      return;
    }
    process(connection, readBuffer);
  }

  /** Feeds bytes to the connection's request head, and dispatches the request once it is whole. */
  private void process(Connection connection, ByteBuffer bytes) {
    boolean started = connection.parser.started();
    RequestParser.Status status = connection.parser.feed(bytes);
    if (!started && connection.parser.started() && !connection.fresh) {
      // The next request on a kept-alive connection has begun: from now on its deadline, fixed
      // once, so that a byte a second cannot keep it open.
      connection.deadline = System.nanoTime() + limits.headerDeadline().toNanos();
    }
    switch (status) {
      case NEED_MORE -> connection.key.interestOps(SelectionKey.OP_READ);
      case REJECTED -> reject(connection, connection.parser.rejection());
      case COMPLETE -> dispatch(connection, bytes);
    }
  }

  private void dispatch(Connection connection, ByteBuffer rest) {
    HttpRequest request = connection.parser.request();
    boolean closeAfter = connection.parser.closeAfter();
    if (!closeAfter && rest.hasRemaining()) {
      connection.leftover = new byte[rest.remaining()];
      rest.get(connection.leftover);
    }
    connection.state = Connection.State.ANSWERING;
    connection.key.interestOps(0);
    Runnable job =
        () -> {
          After after = answer(connection, request, closeAfter);
          fromWorkers.add(
              () -> {
                answered(connection.peer);
                resume(connection, after);
              });
          selector.wakeup(); // harmless once closed
        };
    if (shares.takeTurn(connection.peer, job)) {
      start(connection, job);
    }
  }

  private void start(Connection connection, Runnable job) {
    try {
      workers.execute(job);
    } catch (RejectedExecutionException closing) {
      close(connection);
    }
  }

  /** A worker finished for {@code peer}: the next request from that address may go. */
  private void answered(InetAddress peer) {
    shares
        .answered(peer)
        .ifPresent(
            next -> {
              try {
                workers.execute(next);
              } catch (RejectedExecutionException closing) {
                // closing: close() ends every connection
              }
            });
  }

  /** Runs on a worker: the handler's answer, or a 500 when it gave none. */
  private After answer(Connection connection, HttpRequest request, boolean closeAfter) {
    ChannelWriter out = new ChannelWriter(connection.channel, limits.writeStall());
    HttpResponse response = new HttpResponse(out, request.method().equals("HEAD"), closeAfter);
    try {
      try {
        handler.handle(request, response);
      } catch (IOException | RuntimeException e) {
        if (response.sent()) {
          return After.CLOSE; // the answer broke off midway; only closing can tell the client
        }
        // e.g. an unreadable index.json: say so rather than drop the connection silently
      }
      if (!response.sent()) {
        out.write(ByteBuffer.wrap(HttpResponse.bare(500)));
        return After.DRAIN;
      }
      return closeAfter ? After.DRAIN : After.KEEP_ALIVE;
    } catch (IOException brokenOrStalled) {
      return After.CLOSE;
    } finally {
      out.finish();
    }
  }

  /** Back on the loop after a worker answered. */
  private void resume(Connection connection, After after) {
    if (!connection.channel.isOpen()) {
      return;
    }
    switch (after) {
      case CLOSE -> close(connection);
      case DRAIN -> drain(connection);
      case KEEP_ALIVE -> {
        connection.fresh = false;
        connection.parser = new RequestParser();
        connection.state = Connection.State.READING;
        connection.deadline = System.nanoTime() + limits.idle().toNanos();
        byte[] pipelined = connection.leftover;
        connection.leftover = null;
        if (pipelined == null) {
          connection.key.interestOps(SelectionKey.OP_READ);
        } else {
          process(connection, ByteBuffer.wrap(pipelined));
        }
      }
    }
  }

  /** Answers with a bare error status, then drains and closes. */
  private void reject(Connection connection, int status) {
    try {
      // Small enough for an empty socket buffer; a client that filled it gets no answer.
      connection.channel.write(ByteBuffer.wrap(HttpResponse.bare(status)));
    } catch (IOException e) {
      close(connection);
      return;
    }
    drain(connection);
  }

  /**
   * Closing a socket with unread input makes the kernel send a reset, and a client still writing (a
   * long request line, a PUT body) then loses our answer with it. So: stop sending, read and
   * discard what the client still sends, within bounds of bytes and time, and only then close.
   */
  private void drain(Connection connection) {
    try {
      connection.channel.shutdownOutput();
    } catch (IOException e) {
      close(connection);
      return;
    }
    connection.state = Connection.State.DRAINING;
    connection.deadline = System.nanoTime() + LINGER_NANOS;
    connection.key.interestOps(SelectionKey.OP_READ);
  }

  /** Ends what has overstayed: an unfinished head gets 408, an idle keep-alive just closes. */
  private void sweep(long now) {
    if (acceptPausedUntil != 0 && now - acceptPausedUntil >= 0) {
      acceptPausedUntil = 0;
      socket.keyFor(selector).interestOps(SelectionKey.OP_ACCEPT);
    }
    for (SelectionKey key : new ArrayList<>(selector.keys())) {
      if (!(key.attachment() instanceof Connection connection) || now - connection.deadline < 0) {
        continue;
      }
      switch (connection.state) {
        case READING -> {
          if (connection.fresh || connection.parser.started()) {
            reject(connection, 408);
          } else {
            close(connection);
          }
        }
        case DRAINING -> close(connection);
        case ANSWERING -> {
          // the worker's own write-stall bound applies
        }
      }
    }
  }

  private void close(Connection connection) {
    if (connection.key != null) {
      connection.key.cancel();
    }
    try {
      connection.channel.close();
    } catch (IOException e) {
      // closed is closed
    }
    if (connection.key != null && connection.key.attachment() != null) {
      connection.key.attach(null);
      if (connection.refused) {
        refusing--;
      } else {
        shares.closed(connection.peer);
        open = shares.total();
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread thread = new Thread(r, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Stops accepting, ends every connection and waits (briefly) for the loop to finish. */
  @Override
  public void close() {
    closing = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    selector.wakeup();
    workers.shutdownNow();
    if (Thread.currentThread() != loop) {
      try {
        loop.join(2000);
        workers.awaitTermination(
            2, java.util.concurrent.TimeUnit.SECONDS); // their selectors close as they end
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** On the loop thread, the only one that touches the selector's keys. */
  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      try {
        key.channel().close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
