package dev.rootlessctr.mirror;

import java.time.Duration;

/**
 * How much a client may ask of the mirror's HTTP server before it is answered with an error or
 * refused. The defaults follow the distribution registry (Go's net/http: 1 MiB of request head, 431
 * beyond); tests pass smaller values to stay short.
 *
 * @param headerDeadline a request head must arrive whole within this, however it trickles in
 * @param idle how long a keep-alive connection may wait, silent, for its next request
 * @param maxConnections connections open at once, from everyone
 * @param maxPerAddress connections open at once from one client address, so that one client cannot
 *     take every slot
 * @param workers threads that answer complete requests; waiting connections hold none, and one
 *     address keeps at most half of them busy
 * @param writeStall how long a client may stop reading an answer before it is dropped
 */
record HttpLimits(
    Duration headerDeadline,
    Duration idle,
    int maxConnections,
    int maxPerAddress,
    int workers,
    Duration writeStall) {

  /** Longer request lines get 414, like the paths no registry client sends. */
  static final int MAX_REQUEST_LINE = 8192;

  /** The whole request head (request line and headers), as in Go's DefaultMaxHeaderBytes. */
  static final int MAX_HEAD_BYTES = 1 << 20;

  static final int MAX_HEADERS = 100;

  /** Empty lines tolerated before a request line (RFC 9112 asks for at least one). */
  static final int MAX_BLANK_LINES = 8;

  HttpLimits {
    if (maxConnections < 1 || maxPerAddress < 1 || workers < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  static HttpLimits defaults() {
    return new HttpLimits(
        Duration.ofSeconds(10), Duration.ofSeconds(30), 512, 64, 8, Duration.ofSeconds(30));
  }
}
