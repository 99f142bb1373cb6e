package dev.rootlessctr.mirror;

import java.net.InetAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** One client connection as the server's event loop sees it; touched by that loop only. */
final class Connection {

  /** What the connection is doing, which decides what its deadline means. */
  enum State {
    /** Waiting for or reading a request head. */
    READING,
    /** A worker is answering; no deadline here, the worker's write stall applies. */
    ANSWERING,
    /** Answered with an error: reading and discarding what the client still sends, then closing. */
    DRAINING
  }

  final SocketChannel channel;
  final InetAddress peer;
  SelectionKey key;
  State state = State.READING;
  RequestParser parser = new RequestParser();

  /** Whether no request has been answered yet on this connection. */
  boolean fresh = true;

  /** System.nanoTime() by which the current state must end. */
  long deadline;

  /** Bytes after a complete head that belong to the next (pipelined) request. */
  byte[] leftover;

  long drained;

  /** Refused over a cap: answered 503, draining, and counted apart from the served ones. */
  boolean refused;

  Connection(SocketChannel channel, InetAddress peer) {
    this.channel = channel;
    this.peer = peer;
  }
}
