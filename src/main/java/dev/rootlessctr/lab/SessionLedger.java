package dev.rootlessctr.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which containers this shell session started. Two shells of one learner share one runc state
 * directory; quitting, resetting or a signal in one must not delete the other's running container,
 * so each session keeps its own list, in a file named after its pid and start time in the XDG state
 * directory. A shell killed with SIGKILL leaves its file behind: the next start finds its pid gone
 * and reports what it left (see {@link #others}).
 */
public final class SessionLedger {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file; // null: kept in memory only (tests, or an unwritable state dir)
  private final long pid;
  private final Instant started;
  private final Path runcRoot;
  private final Set<String> containers = new LinkedHashSet<>();
  private Set<String>
      beforeLine; // the ids present when the running line started; null between lines
  private boolean
      ownsAll; // a runc root no other shell uses (a throwaway): everything in it is ours

  private SessionLedger(Path file, long pid, Instant started, Path runcRoot) {
    this.file = file;
    this.pid = pid;
    this.started = started;
    this.runcRoot = runcRoot;
  }

  /** The ledger of this process, kept in {@code sessionsDir} (created private to {@code uid}). */
  public static SessionLedger start(Path sessionsDir, Path runcRoot, long uid) {
    ProcessHandle self = ProcessHandle.current();
    Instant started = self.info().startInstant().orElse(Instant.now());
    try {
      Files.createDirectories(sessionsDir.getParent());
      PrivateDir.create(sessionsDir, uid);
      Path file = sessionsDir.resolve(self.pid() + "-" + started.toEpochMilli() + ".json");
      SessionLedger ledger = new SessionLedger(file, self.pid(), started, runcRoot);
      ledger.write();
      return ledger;
    } catch (IOException e) {
      return new SessionLedger(null, self.pid(), started, runcRoot);
    }
  }

  /** The ledger of another process (tests play a second shell with it). */
  static SessionLedger of(Path sessionsDir, long pid, Instant started, Path runcRoot)
      throws IOException {
    Files.createDirectories(sessionsDir);
    SessionLedger ledger =
        new SessionLedger(
            sessionsDir.resolve(pid + "-" + started.toEpochMilli() + ".json"),
            pid,
            started,
            runcRoot);
    ledger.write();
    return ledger;
  }

  /**
   * A ledger for a runc state directory that only this process uses, such as a throwaway one made
   * for a headless run: every container in it counts as this session's.
   */
  public static SessionLedger owningAll(Path runcRoot) {
    SessionLedger ledger = inMemory(runcRoot);
    ledger.ownsAll = true;
    return ledger;
  }

  /** A ledger that is not written anywhere. */
  public static SessionLedger inMemory(Path runcRoot) {
    return new SessionLedger(null, ProcessHandle.current().pid(), Instant.now(), runcRoot);
  }

  public Path runcRoot() {
    return runcRoot;
  }

  public synchronized boolean owns(String container) {
    return containers.contains(container);
  }

  public synchronized List<String> owned() {
    return List.copyOf(containers);
  }

  /** A line of this session starts; {@code present} are the container ids already there. */
  public synchronized void beginLine(Set<String> present) {
    beforeLine = Set.copyOf(present);
  }

  /**
   * The line ended with {@code present} ids: what appeared during it (and no other live shell
   * claims) is this session's; what this session owned and is gone is forgotten.
   */
  public synchronized void endLine(Set<String> present) {
    Set<String> appeared = newSinceLine(present);
    beforeLine = null;
    appeared.forEach(this::claim);
    for (String id : List.copyOf(containers)) {
      if (!present.contains(id)) {
        release(id);
      }
    }
  }

  /**
   * Of the containers {@code present} now, those this session owns, including the ones the line
   * still running created (a foreground {@code runc run} when a signal stops the shell).
   */
  public synchronized Set<String> ownedAmong(Set<String> present) {
    if (ownsAll) {
      return new LinkedHashSet<>(present);
    }
    Set<String> mine = new LinkedHashSet<>(containers);
    mine.addAll(newSinceLine(present));
    mine.retainAll(present);
    return mine;
  }

  private Set<String> newSinceLine(Set<String> present) {
    Set<String> appeared = new LinkedHashSet<>();
    if (beforeLine == null) {
      return appeared;
    }
    for (String id : present) {
      if (!beforeLine.contains(id)) {
        appeared.add(id);
      }
    }
    if (!appeared.isEmpty()) {
      for (Recorded other : others()) {
        if (other.alive()) {
          appeared.removeAll(other.containers());
        }
      }
    }
    return appeared;
  }

  /** This session started {@code container}. */
  public synchronized void claim(String container) {
    if (containers.add(container)) {
      write();
    }
  }

  /** {@code container} is gone (deleted by the learner or by the shell). */
  public synchronized void release(String container) {
    if (containers.remove(container)) {
      write();
    }
  }

  /** The shell left normally and its containers are gone: nothing to report next time. */
  public synchronized void close() {
    if (file != null && containers.isEmpty()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover ledger of a dead session with no container is dropped at the next start
      }
    }
  }

  private void write() {
    if (file == null) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("pid", pid);
    root.put("started", started.toEpochMilli());
    root.put("runcRoot", runcRoot.toString());
    var list = root.putArray("containers");
    containers.forEach(list::add);
    try {
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temp, JSON.writeValueAsBytes(root));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // memory still knows; only the report after a SIGKILL would miss it
    }
  }

  /**
   * Another session's ledger as found on disk.
   *
   * @param alive whether that shell still runs (its pid exists with the same start time)
   */
  public record Recorded(
      Path file, long pid, Instant started, Path runcRoot, List<String> containers, boolean alive) {

    /** Drops the ledger of a dead session once nothing it names is left. */
    public void discard() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // reported again next time
      }
    }
  }

  /** The ledgers of the other sessions in this ledger's directory. */
  public List<Recorded> others() {
    return file == null ? List.of() : read(file.getParent(), file);
  }

  static List<Recorded> read(Path sessionsDir, Path own) {
    List<Recorded> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(sessionsDir)) {
      for (Path candidate :
          files.filter(f -> f.getFileName().toString().matches("\\d+-\\d+\\.json")).toList()) {
        if (candidate.equals(own)) {
          continue;
        }
        parse(candidate).ifPresent(found::add);
      }
    } catch (IOException e) {
      return found;
    }
    return found;
  }

  private static Optional<Recorded> parse(Path file) {
    try {
      JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      long pid = root.path("pid").asLong(-1);
      Instant started = Instant.ofEpochMilli(root.path("started").asLong(0));
      List<String> containers = new ArrayList<>();
      root.path("containers").forEach(c -> containers.add(c.asText()));
      return Optional.of(
          new Recorded(
              file,
              pid,
              started,
              Path.of(root.path("runcRoot").asText("/")),
              List.copyOf(containers),
              alive(pid, started)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code pid} is still the process that started at {@code started}. */
  static boolean alive(long pid, Instant started) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(h -> h.info().startInstant())
        .map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 1000)
        .orElse(false);
  }
}
