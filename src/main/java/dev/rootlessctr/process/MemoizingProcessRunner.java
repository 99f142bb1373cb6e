package dev.rootlessctr.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs each distinct command once and answers repeats from memory. For one look at the state only:
 * three probes of one container each ask {@code runc state NAME}, and each runc start costs tens of
 * milliseconds. Make a new one for every check, so nothing goes stale.
 */
public final class MemoizingProcessRunner implements ProcessRunner {

  private record Key(List<String> argv, Path dir, Map<String, String> env) {}

  private final ProcessRunner delegate;
  private final Map<Key, Captured> seen = new ConcurrentHashMap<>();

  public MemoizingProcessRunner(ProcessRunner delegate) {
    this.delegate = delegate;
  }

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException {
    Key key = new Key(List.copyOf(argv), dir, Map.copyOf(env));
    Captured known = seen.get(key);
    if (known != null) {
      return known;
    }
    Captured fresh = delegate.run(argv, dir, env, timeout);
    if (!fresh.timedOut()) {
      seen.put(key, fresh);
    }
    return fresh;
  }
}
