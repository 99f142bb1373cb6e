package dev.rootlessctr.room;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads every learner's record from the room's registry. Between rounds it keeps what it read: a
 * manifest is asked for with {@code If-None-Match} (an unchanged one costs a 304 and no body), and
 * a config blob, named by its digest, is fetched only once. A round is one tag list plus one small
 * request per learner.
 */
final class RoomReader {

  private static final int MAX_MANIFEST = 8 * 1024;

  /** Requests in flight at once: a round of 30 learners should not queue behind one slow answer. */
  private static final int PARALLEL = 4;

  private final RegistryClient client;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final ExecutorService fetchers =
      Executors.newFixedThreadPool(
          PARALLEL,
          r -> {
            Thread thread = new Thread(r, "room-reader");
            thread.setDaemon(true);
            return thread;
          });

  RoomReader(RegistryClient client) {
    this.client = client;
  }

  /** What one round found: the learners' records and how many tags could not be read. */
  record Round(List<LearnerProgress> learners, int unreadable) {
    Round {
      learners = List.copyOf(learners);
    }
  }

  private record Cached(String manifestDigest, String configDigest, LearnerProgress progress) {}

  Round read() throws IOException {
    List<String> tags = client.tags(ProgressArtifact.REPOSITORY);
    cache.keySet().retainAll(tags);
    List<LearnerProgress> learners = new ArrayList<>();
    int unreadable = 0;
    List<Future<Optional<LearnerProgress>>> pending = new ArrayList<>();
    for (String tag : tags) {
      pending.add(fetchers.submit(() -> learner(tag)));
    }
    for (Future<Optional<LearnerProgress>> future : pending) {
      Optional<LearnerProgress> progress = result(future);
      if (progress.isPresent()) {
        learners.add(progress.get());
      } else {
        unreadable++;
      }
    }
    return new Round(learners, unreadable);
  }

  private static Optional<LearnerProgress> result(Future<Optional<LearnerProgress>> future)
      throws IOException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause().toString(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private Optional<LearnerProgress> learner(String tag) throws IOException {
    if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}")) {
      return Optional.empty();
    }
    Cached known = cache.get(tag);
    Map<String, String> headers = new HashMap<>(Map.of("Accept", RegistryClient.OCI_MANIFEST));
    if (known != null) {
      headers.put("If-None-Match", "\"" + known.manifestDigest() + "\"");
    }
    RegistryClient.Response manifest =
        client.send(
            "GET",
            "/v2/" + ProgressArtifact.REPOSITORY + "/manifests/" + tag,
            headers,
            null,
            MAX_MANIFEST);
    if (manifest.status() == 304 && known != null) {
      return Optional.of(known.progress());
    }
    if (manifest.status() != 200) {
      cache.remove(tag);
      return Optional.empty();
    }
    String manifestDigest = RegistryClient.sha256(manifest.body());
    Optional<String> configDigest = ProgressArtifact.configDigest(manifest.body());
    if (configDigest.isEmpty()) {
      return Optional.empty();
    }
    if (known != null && known.configDigest().equals(configDigest.get())) {
      cache.put(tag, new Cached(manifestDigest, configDigest.get(), known.progress()));
      return Optional.of(known.progress());
    }
    RegistryClient.Response blob =
        client.send(
            "GET",
            "/v2/" + ProgressArtifact.REPOSITORY + "/blobs/" + configDigest.get(),
            Map.of(),
            null,
            LearnerProgress.MAX_BYTES);
    // The digest is checked here too: the table shows what the learner's shell wrote, or nothing.
    if (blob.status() != 200 || !RegistryClient.sha256(blob.body()).equals(configDigest.get())) {
      return Optional.empty();
    }
    Optional<LearnerProgress> progress = LearnerProgress.fromJson(blob.body());
    progress.ifPresent(p -> cache.put(tag, new Cached(manifestDigest, configDigest.get(), p)));
    return progress;
  }
}
