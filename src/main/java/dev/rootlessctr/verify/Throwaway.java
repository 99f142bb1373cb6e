package dev.rootlessctr.verify;

import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lab.Cleaner;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.lab.RuncRoot;
import dev.rootlessctr.lab.SessionLedger;
import dev.rootlessctr.lab.StartedProcesses;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A private temporary directory (mode 700) standing in for the user's home, lab, runc state
 * directory and XDG directories, so a headless run leaves no trace in theirs. Closing it deletes
 * its containers, then the directory; so does a signal that stops the JVM first.
 */
public final class Throwaway implements AutoCloseable {

  private final Path root;
  private final Map<String, String> env;
  private final Lab lab;
  private final ProcessRunner processes;
  private final Thread onSignal;
  private boolean closed;

  private Throwaway(Path root, Map<String, String> base, ProcessRunner processes)
      throws IOException {
    this.root = root;
    this.processes = processes;
    Map<String, String> env = new LinkedHashMap<>(base);
    env.put("HOME", dir("home").toString());
    env.put("XDG_CONFIG_HOME", dir("config").toString());
    env.put("XDG_CACHE_HOME", dir("cache").toString());
    env.put("XDG_STATE_HOME", dir("state").toString());
    env.put("XDG_DATA_HOME", dir("data").toString());
    env.put("XDG_RUNTIME_DIR", dir("run").toString());
    this.env = Map.copyOf(env);
    Path labDir = dir("home").resolve("rootless-ctr-lab");
    Files.createDirectories(labDir);
    this.lab =
        new Lab(
            labDir,
            RuncRoot.choose(
                    this.env,
                    HostUser.current(this.env).uid(),
                    dir("state").resolve("rootless-ctr"),
                    root)
                .dir());
    this.onSignal = new Thread(this::close, "throwaway-cleanup");
    Runtime.getRuntime().addShutdownHook(onSignal);
  }

  /** Creates one in the system's temporary directory; {@code base} is the environment to adapt. */
  public static Throwaway create(Map<String, String> base, ProcessRunner processes)
      throws IOException {
    Path root =
        Files.createTempDirectory(
            "rootless-ctr-throwaway-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    return new Throwaway(root, base, processes);
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(root.resolve(name));
  }

  public Path root() {
    return root;
  }

  /** {@code base} with HOME and the XDG directories pointed inside. */
  public Map<String, String> env() {
    return env;
  }

  /** The lab (the default one under the throwaway home) and its runc state directory. */
  public Lab lab() {
    return lab;
  }

  /** Deletes the containers left in its runc state directory, then everything in it. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(onSignal);
    } catch (IllegalStateException shuttingDown) {
      // already running as the hook
    }
    try {
      // Containers first: their state lives under run/, their rootfs under home/.
      // Nobody else uses this runc state directory: every container in it is the run's.
      // What the run's lines left in the background (slirp4netns) first: it serves a container.
      StartedProcesses started =
          StartedProcesses.ofThisShell(dev.rootlessctr.host.HostUser.current().uid());
      started.find(program -> true).forEach(StartedProcesses::stop);
      SessionLedger all = SessionLedger.owningAll(lab.runcRoot());
      new Cleaner(lab, processes, env, all).deleteContainers();
      new Cleaner(new Lab(root, lab.runcRoot()), processes, env, all).removeLabContents();
      Files.deleteIfExists(root);
    } catch (IOException e) {
      System.err.println(
          "rootless-ctr: could not remove " + root + " completely: " + e.getMessage());
    }
  }
}
