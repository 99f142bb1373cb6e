package dev.rootlessctr.mirror;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How much of the server each client address holds: its open connections, and its requests being
 * answered or waiting for a worker. One address gets at most its share of each, so a slow or greedy
 * client cannot starve another. Touched by the server's event loop only.
 */
final class AddressShares {

  private final int maxConnections;
  private final int maxPerAddress;
  private final int maxAnswering;
  private final Map<InetAddress, Integer> open = new HashMap<>();
  private final Map<InetAddress, Integer> answering = new HashMap<>();
  private final Map<InetAddress, ArrayDeque<Runnable>> waiting = new HashMap<>();
  private int total;

  /**
   * One address may keep at most half the workers busy: a client that asks for blobs and never
   * reads them holds its workers until the write stall, and the other half still serve everyone
   * else.
   */
  AddressShares(HttpLimits limits) {
    this.maxConnections = limits.maxConnections();
    this.maxPerAddress = limits.maxPerAddress();
    this.maxAnswering = Math.max(1, limits.workers() / 2);
  }

  /** Counts a new connection from {@code peer}, or says no when that would exceed a cap. */
  boolean tryOpen(InetAddress peer) {
    if (total >= maxConnections || open.getOrDefault(peer, 0) >= maxPerAddress) {
      return false;
    }
    total++;
    open.merge(peer, 1, Integer::sum);
    return true;
  }

  void closed(InetAddress peer) {
    total--;
    open.computeIfPresent(peer, (p, n) -> n > 1 ? n - 1 : null);
  }

  int total() {
    return total;
  }

  /**
   * Whether {@code job} (an answer for {@code peer}) may go to a worker now; if not, it waits, in
   * order, until {@link #answered} hands it out.
   */
  boolean takeTurn(InetAddress peer, Runnable job) {
    if (answering.getOrDefault(peer, 0) >= maxAnswering) {
      waiting.computeIfAbsent(peer, p -> new ArrayDeque<>()).add(job);
      return false;
    }
    answering.merge(peer, 1, Integer::sum);
    return true;
  }

  /** An answer for {@code peer} is done; returns its next waiting job, already counted. */
  Optional<Runnable> answered(InetAddress peer) {
    answering.computeIfPresent(peer, (p, n) -> n > 1 ? n - 1 : null);
    ArrayDeque<Runnable> queue = waiting.get(peer);
    if (queue == null) {
      return Optional.empty();
    }
    Runnable next = queue.poll();
    if (queue.isEmpty()) {
      waiting.remove(peer);
    }
    answering.merge(peer, 1, Integer::sum);
    return Optional.of(next);
  }
}
