package dev.rootlessctr.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.exec.ShellMark;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.lesson.CleanupItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the learner's processes that this shell's lines started, by name, are ever stopped. */
class StartedProcessesTest {

  static final String MARK = "4242-1700000000000";

  @TempDir Path temp;
  final List<Process> spawned = new java.util.ArrayList<>();

  @AfterEach
  void killSpawned() {
    spawned.forEach(Process::destroyForcibly);
  }

  /** A fake /proc/PID: its program name, real uid and environment. */
  void process(Path proc, long pid, String comm, long uid, String... environ) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    Files.writeString(dir.resolve("comm"), comm + "\n");
    Files.writeString(
        dir.resolve("status"),
        "Name:\t" + comm + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t" + uid + "\n");
    Files.write(
        dir.resolve("environ"),
        (String.join("\0", environ) + "\0").getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void findsTheLearnersMarkedProcessOfThatNameAndNothingElse() throws IOException {
    Path proc = Files.createDirectories(temp.resolve("proc"));
    String mark = ShellMark.VARIABLE + "=" + MARK;
    process(proc, 100, "slirp4netns", 1001, "HOME=/home/learner", mark); // ours
    process(proc, 101, "slirp4netns", 1001, "HOME=/home/learner"); // started elsewhere
    process(proc, 102, "slirp4netns", 1001, ShellMark.VARIABLE + "=99-1"); // another shell's
    process(proc, 103, "slirp4netns", 1002, mark); // another user's
    process(proc, 104, "sleep", 1001, mark); // another program
    Files.createDirectories(proc.resolve("105")); // gone while listed: no files
    Files.createDirectories(proc.resolve("self"));
    Files.writeString(proc.resolve("uptime"), "1.0 2.0\n");
    StartedProcesses started = new StartedProcesses(proc, 1001, MARK, pid -> Optional.empty());

    List<StartedProcesses.Found> found = started.find("slirp4netns"::equals);

    assertEquals(List.of(100L), found.stream().map(StartedProcesses.Found::pid).toList());
    assertEquals("slirp4netns (pid 100)", found.get(0).toString());
    assertEquals("slirp4netns (pid 100) had already stopped", StartedProcesses.stop(found.get(0)));
  }

  @Test
  void anOrphanIsOneWhoseShellHasEndedNotOneOfThisShellOrOfALiveOne() throws Exception {
    Path proc = Files.createDirectories(temp.resolve("proc"));
    Process liveShell = sleep(false);
    String live = ShellMark.of(liveShell.toHandle());
    String dead = liveShell.pid() + "-1"; // the same pid, another start: that shell has ended
    process(proc, 100, "slirp4netns", 1001, ShellMark.VARIABLE + "=" + dead);
    process(proc, 101, "slirp4netns", 1001, ShellMark.VARIABLE + "=" + live);
    process(proc, 102, "slirp4netns", 1001, ShellMark.VARIABLE + "=" + MARK); // this shell's
    process(proc, 103, "slirp4netns", 1001); // no mark: not started by a rootless-ctr shell
    process(proc, 104, "slirp4netns", 1002, ShellMark.VARIABLE + "=" + dead); // another user's
    process(proc, 105, "slirp4netns", 1001, ShellMark.VARIABLE + "=not-a-mark");
    StartedProcesses started = new StartedProcesses(proc, 1001, MARK, ProcessHandle::of);

    List<Long> orphans =
        started.orphans("slirp4netns"::equals).stream().map(StartedProcesses.Found::pid).toList();

    assertEquals(List.of(100L), orphans);
  }

  @Test
  void aMissingProcTreeFindsNothing() {
    StartedProcesses started =
        new StartedProcesses(temp.resolve("none"), 1001, MARK, pid -> Optional.empty());

    assertTrue(started.find(name -> true).isEmpty());
  }

  Process sleep(boolean marked) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("sleep", "60");
    if (marked) {
      builder.environment().put(ShellMark.VARIABLE, ShellMark.value());
    } else {
      builder.environment().remove(ShellMark.VARIABLE);
    }
    Process process = builder.start();
    spawned.add(process);
    return process;
  }

  @Test
  void aRealCleanerStopsOnlyTheSleepThisShellMarked() throws Exception {
    Process ours = sleep(true);
    Process other = sleep(false);
    Lab lab = new Lab(Files.createDirectories(temp.resolve("lab")), temp.resolve("runc"));
    Cleaner cleaner =
        new Cleaner(
            lab,
            dev.rootlessctr.process.ProcessRunner.system(),
            Map.of(),
            SessionLedger.inMemory(temp.resolve("runc")),
            Set.of("sleep"),
            StartedProcesses.ofThisShell(HostUser.current().uid()));

    List<StartedProcesses.Found> listed = cleaner.startedProcesses();
    List<String> done =
        cleaner.remove(List.of(new CleanupItem(CleanupItem.Kind.PROCESS, "sleep", 1)));

    assertEquals(List.of(ours.pid()), listed.stream().map(StartedProcesses.Found::pid).toList());
    assertEquals(List.of("stopped sleep (pid " + ours.pid() + ")"), done);
    assertTrue(ours.waitFor(5, TimeUnit.SECONDS));
    assertFalse(other.waitFor(200, TimeUnit.MILLISECONDS), "the unmarked sleep was stopped");
  }
}
