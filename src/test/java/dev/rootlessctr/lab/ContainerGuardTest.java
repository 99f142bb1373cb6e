package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's containers are deleted once: by the shell leaving, or by the signal hook. */
class ContainerGuardTest {

  @TempDir Path dir;

  private final List<List<String>> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger muted = new AtomicInteger();
  private Cleaner cleaner;

  /** A runc that lists myctr until it is deleted. */
  @BeforeEach
  void setUp() throws Exception {
    Path runcRoot = Files.createDirectories(dir.resolve("runc/myctr"));
    ProcessRunner runc =
        (argv, workDir, env, timeout) -> {
          calls.add(argv.subList(3, argv.size()));
          boolean deleted = calls.stream().anyMatch(c -> c.get(0).equals("delete"));
          if (argv.get(3).equals("list")) {
            return new Captured(
                argv,
                0,
                deleted ? "null" : "[{\"id\":\"myctr\",\"status\":\"running\"}]",
                "",
                false);
          }
          return new Captured(argv, 0, "", "", false);
        };
    cleaner =
        new Cleaner(new Lab(dir, runcRoot.getParent()), runc, Map.of(), ours(runcRoot.getParent()));
  }

  /** This session started myctr. */
  private static SessionLedger ours(Path runcRoot) {
    SessionLedger ledger = SessionLedger.inMemory(runcRoot);
    ledger.claim("myctr");
    return ledger;
  }

  private long deletes() {
    return calls.stream().filter(c -> c.get(0).equals("delete")).count();
  }

  @Test
  void leavingDeletesAndTheHookAfterwardsDoesNothing() {
    ContainerGuard guard = new ContainerGuard(cleaner, muted::incrementAndGet);
    guard.arm();
    assertEquals(List.of("deleted container myctr"), guard.release());
    guard.shutdown();
    assertEquals(1, deletes());
    assertEquals(List.of("delete", "--force", "myctr"), calls.get(1));
    assertEquals(0, muted.get(), "leaving normally keeps the shell's output");
  }

  @Test
  void aSignalDeletesSilentlyAndLeavingAfterwardsReportsNothing() {
    ContainerGuard guard = new ContainerGuard(cleaner, muted::incrementAndGet);
    guard.shutdown();
    assertEquals(1, muted.get(), "the shell is silenced before the hook works");
    assertEquals(1, deletes());
    assertEquals(List.of(), guard.release());
    assertEquals(1, deletes());
  }

  @Test
  void whileTheShellIsLeavingTheHookWaitsForItInsteadOfDeletingAgain() throws Exception {
    java.util.concurrent.CountDownLatch inDelete = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);
    ProcessRunner slow =
        (argv, workDir, env, timeout) -> {
          if (argv.get(3).equals("delete")) {
            calls.add(argv.subList(3, argv.size()));
            inDelete.countDown();
            try {
              letGo.await();
            } catch (InterruptedException e) {
              throw new java.io.IOException(e);
            }
            return new Captured(argv, 0, "", "", false);
          }
          return new Captured(argv, 0, "[{\"id\":\"myctr\"}]", "", false);
        };
    ContainerGuard guard =
        new ContainerGuard(
            new Cleaner(
                new Lab(dir, dir.resolve("runc")), slow, Map.of(), ours(dir.resolve("runc"))),
            muted::incrementAndGet);
    Thread leaving = new Thread(guard::release);
    leaving.start();
    inDelete.await();
    Thread hook = new Thread(guard::shutdown);
    hook.start();
    hook.join(300);
    org.junit.jupiter.api.Assertions.assertTrue(
        hook.isAlive(), "the hook waits for the delete under way");
    assertEquals(1, deletes());
    letGo.countDown();
    hook.join(5000);
    leaving.join(5000);
    assertEquals(1, deletes());
  }
}
