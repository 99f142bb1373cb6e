package dev.rootlessctr.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

final class SystemProcessRunner implements ProcessRunner {

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + argv.get(0), e);
    }
    if (!finished) {
      // Children first: a container that runc started holds our pipes open, and the drains
      // below would wait for it forever.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    int code = finished ? process.exitValue() : -1;
    return new Captured(List.copyOf(argv), code, out.join(), err.join(), !finished);
  }

  // One thread per stream: the common pool has a single worker on two cores, and a program
  // that fills its stderr pipe while stdout is being drained would otherwise block forever.
  private static CompletableFuture<String> drain(InputStream stream) {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              ByteArrayOutputStream buffer = new ByteArrayOutputStream();
              try (stream) {
                stream.transferTo(buffer);
              } catch (IOException e) {
                // Killing a program after its timeout closes this stream under the reader
                // ("Stream closed"): what it printed until then is the answer.
              }
              result.complete(buffer.toString(StandardCharsets.UTF_8));
            },
            "drain");
    thread.setDaemon(true);
    thread.start();
    return result;
  }
}
