package dev.rootlessctr.progress;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Saves progress off the learner's path: a save forces the file to disk, which can take a tenth
 * of a second, and a step should not wait for it. Requests that pile up while one save runs
 * collapse into one; {@link #close} waits for the last.
 */
public final class BackgroundSaver implements AutoCloseable {

  private final ProgressStore store;
  private final Progress progress;
  private final Consumer<String> warn;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "progress-saver");
        thread.setDaemon(true);
        return thread;
      });
  private final AtomicBoolean pending = new AtomicBoolean();

  public BackgroundSaver(ProgressStore store, Progress progress, Consumer<String> warn) {
    this.store = store;
    this.progress = progress;
    this.warn = warn;
  }

  /** Schedules a save of the current progress. */
  public void save() {
    if (pending.compareAndSet(false, true)) {
      writer.execute(() -> {
        pending.set(false);
        try {
          store.save(progress);
        } catch (IOException e) {
          warn.accept("could not save progress to " + store.file() + ": " + e.getMessage());
        }
      });
    }
  }

  /** Saves once more and waits for it: called when the shell leaves. */
  @Override
  public void close() {
    save();
    writer.shutdown();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
