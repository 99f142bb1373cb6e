package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.exec.LineRunner;
import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.host.HostUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shells of one learner share one runc state directory: each deletes only the containers it
 * started, and the next start reports what a killed shell left.
 */
class TwoShellsContainersTest {

  @TempDir Path dir;

  private Process otherShell;

  @AfterEach
  void stopOtherShell() {
    if (otherShell != null) {
      otherShell.destroyForcibly();
    }
  }

  /** A line that starts a container named {@code id}, as {@code runc run -d id} would. */
  private static LineRunner starts(Path root, String id) {
    return (line, state) -> {
      FakeRunc.create(root, id);
      return null;
    };
  }

  private Cleaner cleaner(Path root, SessionLedger ledger) {
    return new Cleaner(new Lab(dir.resolve("lab"), root), new FakeRunc(), Map.of(), ledger);
  }

  /** A ledger for a live process that is not this one: the second shell. */
  private SessionLedger secondShell(Path sessions, Path root) throws Exception {
    otherShell = new ProcessBuilder("sleep", "60").start();
    Instant started = otherShell.toHandle().info().startInstant().orElseThrow();
    return SessionLedger.of(sessions, otherShell.pid(), started, root);
  }

  @Test
  void quittingOneShellLeavesTheOthersRunningContainer() throws Exception {
    Path root = Files.createDirectories(dir.resolve("runc"));
    Path sessions = dir.resolve("state/sessions");
    SessionLedger first = SessionLedger.start(sessions, root, HostUser.current().uid());
    SessionLedger second = secondShell(sessions, root);
    ShellState state = new ShellState(dir, Map.of());

    new ClaimingLineRunner(starts(root, "first-ctr"), first, HostUser.current().uid())
        .run("runc run -d first-ctr", state);
    new ClaimingLineRunner(starts(root, "second-ctr"), second, HostUser.current().uid())
        .run("runc run -d second-ctr", state);
    assertEquals(List.of("first-ctr"), first.owned());
    assertEquals(List.of("second-ctr"), second.owned());

    ContainerGuard secondQuits = new ContainerGuard(cleaner(root, second), () -> {});
    assertEquals(List.of("deleted container second-ctr"), secondQuits.release());
    assertTrue(
        Files.isDirectory(root.resolve("first-ctr")),
        ":quit in the second shell kept the first shell's container");

    assertEquals(
        List.of("first-ctr"), cleaner(root, first).containers(), "a reset plan lists only its own");
    ContainerGuard firstQuits = new ContainerGuard(cleaner(root, first), () -> {});
    assertEquals(List.of("deleted container first-ctr"), firstQuits.release());
    assertFalse(Files.exists(root.resolve("first-ctr")));
  }

  @Test
  void aContainerAForegroundLineStillRunsIsDeletedByTheSignalHook() throws Exception {
    Path root = Files.createDirectories(dir.resolve("runc"));
    SessionLedger ledger = SessionLedger.inMemory(root);
    ledger.beginLine(RuncStateFiles.ids(root));
    FakeRunc.create(root, "foreground"); // runc run, still running when SIGTERM comes
    ContainerGuard guard = new ContainerGuard(cleaner(root, ledger), () -> {});
    guard.shutdown();
    assertFalse(Files.exists(root.resolve("foreground")));
  }

  @Test
  void aKilledShellsContainerIsReportedAtTheNextStartAndCanBeRemoved() throws Exception {
    Path root = Files.createDirectories(dir.resolve("runc"));
    Path sessions = dir.resolve("state/sessions");
    Process gone = new ProcessBuilder("true").start();
    Instant goneStarted = gone.toHandle().info().startInstant().orElse(Instant.now());
    gone.waitFor(10, TimeUnit.SECONDS);
    SessionLedger killed = SessionLedger.of(sessions, gone.pid(), goneStarted, root);
    new ClaimingLineRunner(starts(root, "detached"), killed, HostUser.current().uid())
        .run("runc run -d detached", new ShellState(dir, Map.of()));
    FakeRunc.create(root, "not-a-shells"); // started by hand in another terminal

    SessionLedger next = SessionLedger.start(sessions, root, HostUser.current().uid());
    Cleaner cleaner = cleaner(root, next);
    List<Cleaner.Leftover> leftovers = cleaner.leftovers();
    assertEquals(List.of("detached"), leftovers.stream().map(Cleaner.Leftover::id).toList());
    assertEquals(gone.pid(), leftovers.get(0).session().pid());
    assertEquals(
        List.of(),
        cleaner.containers(),
        "a dead shell's container is not this shell's to delete on :quit");

    assertEquals(List.of("deleted container detached"), cleaner.deleteLeftovers(leftovers));
    assertTrue(
        Files.isDirectory(root.resolve("not-a-shells")), "what no shell started is left alone");
    assertEquals(List.of(), cleaner.leftovers());
    try (var files = Files.list(sessions)) {
      assertEquals(1, files.count(), "only the new shell's ledger is left");
    }
  }

  @Test
  void theStateDirIsRemovedByAResetOnlyWhenEmptyAndOurs() throws Exception {
    long uid = HostUser.current().uid();
    Path root = PrivateDir.create(dir.resolve("runc"), uid);
    Cleaner cleaner = cleaner(root, SessionLedger.inMemory(root));
    FakeRunc.create(root, "someone-elses");
    assertTrue(cleaner.removeEmptyStateDir(uid).isEmpty());
    Files.delete(root.resolve("someone-elses"));
    assertEquals(
        "removed the empty runc state directory " + root,
        cleaner.removeEmptyStateDir(uid).orElseThrow());
    assertFalse(Files.exists(root));
  }
}
