package dev.rootlessctr.lab;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes sure no container this shell started outlives it (another shell's are not touched: see
 * {@link SessionLedger}). The shell deletes them when it leaves; when the JVM is stopped by a
 * signal instead (SIGTERM, or SIGHUP because the terminal was closed) while a container runs, a
 * shutdown hook deletes them. Whichever comes first does the work, once; the other waits for it to
 * finish.
 */
public final class ContainerGuard {

  private static final long WAIT_SECONDS = 30;

  private final Cleaner cleaner;
  private final Runnable beforeSignalCleanup;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::shutdown, "container-guard");

  /**
   * {@code beforeSignalCleanup} runs first when a signal stops the JVM: the shell silences its
   * output there, since the terminal may be gone and the interrupted step must not be reported.
   */
  public ContainerGuard(Cleaner cleaner, Runnable beforeSignalCleanup) {
    this.cleaner = cleaner;
    this.beforeSignalCleanup = beforeSignalCleanup;
  }

  /** From now on, a JVM stopped by a signal deletes the course's containers on its way out. */
  public void arm() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * The shell leaves: deletes the course's containers and returns what it did; nothing when the
   * hook already did (or is doing) it.
   */
  public List<String> release() {
    List<String> done = deleteOnce();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: it found the work done
    }
    return done;
  }

  /** What the shutdown hook does; prints nothing. */
  void shutdown() {
    if (!claimed.get()) {
      beforeSignalCleanup.run();
    }
    deleteOnce();
  }

  private List<String> deleteOnce() {
    if (!claimed.compareAndSet(false, true)) {
      try {
        finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    }
    try {
      List<String> done = cleaner.deleteContainers();
      cleaner.sessionEnded();
      return done;
    } finally {
      finished.countDown();
    }
  }
}
