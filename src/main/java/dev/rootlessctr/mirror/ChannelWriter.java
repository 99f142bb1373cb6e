package dev.rootlessctr.mirror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Writes an answer to a non-blocking socket from a worker thread, waiting for the client to read
 * when its window is full, and giving up when it stops reading for {@code stall}: a client that
 * never reads cannot hold a worker for good.
 */
final class ChannelWriter {

  // One per worker thread: a selector is a file descriptor pair, too dear to open per answer.
  private static final ThreadLocal<Selector> WAITERS = new ThreadLocal<>();

  private final SocketChannel channel;
  private final long stallMillis;
  private SelectionKey waiting;

  ChannelWriter(SocketChannel channel, Duration stall) {
    this.channel = channel;
    this.stallMillis = Math.max(1, stall.toMillis());
  }

  void write(ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      if (channel.write(bytes) == 0) {
        awaitWritable();
      }
    }
  }

  /**
   * Sends {@code length} bytes of {@code file} from {@code offset} with sendfile(2)
   * (FileChannel.transferTo): the kernel copies from the page cache to the socket, with no buffer
   * in this process at all, which keeps memory flat however many blobs are in flight. Measured on a
   * 256 MiB blob with curl, alternating with docker-registry (which sends with sendfile too): as
   * fast as it and as a 1 MiB direct buffer, faster than a 256 KiB one (bench/mirror-pull.sh).
   */
  void sendFile(Path file, long offset, long length) throws IOException {
    try (FileChannel source = FileChannel.open(file, StandardOpenOption.READ)) {
      long position = offset;
      long end = offset + length;
      while (position < end) {
        long sent = source.transferTo(position, end - position, channel);
        if (sent == 0) {
          if (position >= source.size()) {
            throw new IOException(file + " shrank while it was served");
          }
          awaitWritable();
        }
        position += sent;
      }
    }
  }

  private void awaitWritable() throws IOException {
    Selector waiter = WAITERS.get();
    if (waiter == null) {
      waiter = Selector.open();
      WAITERS.set(waiter);
    }
    if (waiting == null) {
      try {
        // Registered once per answer, not per wait: a large blob waits hundreds of times.
        waiting = channel.register(waiter, SelectionKey.OP_WRITE);
      } catch (ClosedChannelException e) {
        throw new IOException("the connection closed", e);
      }
    }
    int ready = waiter.select(stallMillis);
    waiter.selectedKeys().clear();
    if (ready == 0) {
      throw new IOException("the client stopped reading for " + stallMillis + " ms");
    }
  }

  /** Releases the worker's selector from this connection; the writer is done. */
  void finish() {
    if (waiting != null) {
      waiting.cancel();
      try {
        WAITERS.get().selectNow(); // flush the cancelled key, so the next answer can register
      } catch (IOException | RuntimeException e) {
        // the selector is broken: the next wait will say so
      }
      waiting = null;
    }
  }

  /** Closes this thread's selector, if it has one; a worker thread calls it as it ends. */
  static void releaseWaiter() {
    Selector waiter = WAITERS.get();
    WAITERS.remove();
    if (waiter != null) {
      try {
        waiter.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
