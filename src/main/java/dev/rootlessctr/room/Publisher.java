package dev.rootlessctr.room;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes a learner's record to the room's registry off the prompt's path. Only the newest record
 * matters, so records that arrive while one push runs collapse into one. A failure is kept for the
 * shell to mention once; the course never waits for the room.
 */
public final class Publisher implements AutoCloseable {

  private final RegistryClient client;
  private final String tag;
  private final AtomicReference<LearnerProgress> latest = new AtomicReference<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final ExecutorService pusher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "room-publisher");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean failedOnce;

  /**
   * A publisher to the registry at {@code address} ({@code HOST:PORT}) under the learner's {@code
   * tag}.
   */
  public Publisher(String address, String tag) {
    this(new RegistryClient(address, 2000, 3000), tag);
  }

  Publisher(RegistryClient client, String tag) {
    this.client = client;
    this.tag = tag;
  }

  /** Schedules {@code record} to be pushed; returns at once. */
  public void publish(LearnerProgress record) {
    if (latest.getAndSet(record) == null) {
      pusher.execute(this::pushLatest);
    }
  }

  private void pushLatest() {
    LearnerProgress record = latest.getAndSet(null);
    if (record == null) {
      return;
    }
    try {
      byte[] config = record.toJson();
      String digest = client.pushBlob(ProgressArtifact.REPOSITORY, config);
      client.putManifest(
          ProgressArtifact.REPOSITORY, tag, ProgressArtifact.manifest(digest, config.length));
    } catch (IOException | RuntimeException e) {
      if (!failedOnce) {
        failedOnce = true;
        failure.set(
            "the room's registry at "
                + client.address()
                + " did not take your progress ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "); the course goes on without it.");
      }
    }
  }

  /** The first failure, once; later calls give nothing, so the learner reads it only one time. */
  public Optional<String> takeFailure() {
    return Optional.ofNullable(failure.getAndSet(null));
  }

  /** Pushes what is pending and waits for it, for at most {@code seconds}: the shell is leaving. */
  public void close(long seconds) {
    pusher.shutdown();
    try {
      pusher.awaitTermination(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(3);
  }
}
