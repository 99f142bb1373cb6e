package dev.rootlessctr.progress;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Saves progress off the learner's path: a save forces the file to disk, which can take a tenth of
 * a second, and a step should not wait for it. Requests that pile up while one save runs collapse
 * into one; {@link #close} waits for the last.
 *
 * <p>A save that fails (a read-only state directory) is reported once, not after every step, and
 * {@link #unsaved} tells the shell not to claim at the end that progress was saved.
 */
public final class BackgroundSaver implements AutoCloseable {

  private final ProgressStore store;
  private final Progress progress;
  private final Consumer<String> warn;
  private final ExecutorService writer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "progress-saver");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean pending = new AtomicBoolean();
  private volatile String failure;
  private boolean warned;

  public BackgroundSaver(ProgressStore store, Progress progress, Consumer<String> warn) {
    this.store = store;
    this.progress = progress;
    this.warn = warn;
  }

  /** Schedules a save of the current progress. */
  public void save() {
    if (pending.compareAndSet(false, true)) {
      writer.execute(
          () -> {
            pending.set(false);
            try {
              store.save(progress);
              failure = null;
            } catch (IOException e) {
              failure = reason(e);
              if (!warned) {
                warned = true;
                warn.accept(
                    "Progress cannot be saved to "
                        + store.file()
                        + " ("
                        + failure
                        + "); what you do counts in this session only.");
              }
            }
          });
    }
  }

  /** Why the last save failed, if it did: the shell must not say "Progress saved" then. */
  public Optional<String> unsaved() {
    return Optional.ofNullable(failure);
  }

  /** A file-system error in plain words: the path and what went wrong with it. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      return fs.getFile()
          + ": "
          + (fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName());
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
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
