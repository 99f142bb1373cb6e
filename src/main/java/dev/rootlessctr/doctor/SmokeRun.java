package dev.rootlessctr.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.host.RuncReader;
import dev.rootlessctr.process.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts one container with an OCI runtime, the way the lessons will: {@code true} from a throwaway
 * bundle whose config.json is the runtime's own {@code spec --rootless} (terminal off), under a
 * private {@code --root}, within a time limit; everything is removed afterwards.
 *
 * <p>Only a real start says whether a runtime works here: crun installs fine on a host whose
 * cgroups are in hybrid mode, and then refuses every container.
 */
final class SmokeRun {

  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String CONTAINER = "rootless-ctr-doctor";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the attempt went; {@code detail} is the time taken or the runtime's own words. */
  record Result(Outcome outcome, String detail) {}

  enum Outcome {
    /** The container ran {@code true} and exited 0. */
    STARTED,
    /** The runtime refused or failed; detail is what it printed. */
    FAILED,
    /** Nothing could be tried; detail says why. */
    NOT_TRIED
  }

  private SmokeRun() {}

  /**
   * Tries {@code runtime} (a path in {@code host}'s view) named {@code name} ({@code runc} or
   * {@code crun}); rootfs is {@link BusyboxCheck#BUSYBOX} copied as {@code /bin/true}.
   */
  static Result attempt(HostView host, Path runtime, String name) {
    Path busybox = host.resolve(BusyboxCheck.BUSYBOX);
    if (!Files.isRegularFile(busybox)) {
      return new Result(
          Outcome.NOT_TRIED,
          "there is no " + BusyboxCheck.BUSYBOX + " to make a test container from");
    }
    Optional<ScratchTree> created;
    try {
      created = ScratchTree.create(host.resolve(tmpDir(host)));
    } catch (IOException e) {
      return new Result(Outcome.NOT_TRIED, "no private temporary directory: " + e.getMessage());
    }
    if (created.isEmpty()) {
      return new Result(Outcome.NOT_TRIED, "the shell is ending");
    }
    try (ScratchTree scratch = created.get()) {
      Path state = scratch.path().resolve("state");
      try {
        return startTrue(host, runtime, name, busybox, scratch.path().resolve("bundle"), state);
      } catch (IOException e) {
        return new Result(
            Outcome.NOT_TRIED, "could not prepare the test bundle: " + e.getMessage());
      } finally {
        deleteLeftContainer(host, runtime, state);
      }
    }
  }

  private static Result startTrue(
      HostView host, Path runtime, String name, Path busybox, Path bundle, Path state)
      throws IOException {
    Path bin = Files.createDirectories(bundle.resolve("rootfs/bin"));
    Path executable = bin.resolve("true");
    Files.copy(busybox, executable, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
    Captured spec =
        host.run(
            List.of(runtime.toString(), "spec", "--rootless", "-b", bundle.toString()), TIMEOUT);
    Path config = bundle.resolve("config.json");
    if (!spec.succeeded() || !Files.isRegularFile(config)) {
      return new Result(
          Outcome.FAILED,
          "`" + name + " spec --rootless` " + failure(spec, "wrote no config.json"));
    }
    JsonNode json = JSON.readTree(config.toFile());
    if (!(json.path("process") instanceof ObjectNode process)) {
      return new Result(Outcome.FAILED, "`" + name + " spec --rootless` wrote no \"process\"");
    }
    process.put("terminal", false);
    process.putArray("args").add("true");
    JSON.writeValue(config.toFile(), json);
    long start = System.nanoTime();
    Captured run =
        host.run(
            List.of(
                runtime.toString(),
                "--root",
                state.toString(),
                "run",
                "-b",
                bundle.toString(),
                CONTAINER),
            TIMEOUT);
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (run.succeeded()) {
      return new Result(Outcome.STARTED, millis + " ms");
    }
    return new Result(Outcome.FAILED, failure(run, "exited with status " + run.exitCode()));
  }

  private static String failure(Captured captured, String otherwise) {
    if (captured.timedOut()) {
      return "did not finish within " + TIMEOUT.toSeconds() + " s";
    }
    String said = RuncReader.complaint(captured);
    return said.startsWith("exit status ") ? otherwise : said.lines().findFirst().orElse(said);
  }

  // A container left by a timeout keeps its process and state; the tree goes afterwards.
  private static void deleteLeftContainer(HostView host, Path runtime, Path state) {
    if (Files.isDirectory(state.resolve(CONTAINER))) {
      try {
        host.run(
            List.of(runtime.toString(), "--root", state.toString(), "delete", "--force", CONTAINER),
            TIMEOUT);
      } catch (IOException e) {
        // the tree goes anyway; a stray process of the learner's is all that could remain
      }
    }
  }

  private static String tmpDir(HostView host) {
    String tmp = host.env().getOrDefault("TMPDIR", "");
    return tmp.startsWith("/") ? tmp : "/tmp";
  }
}
