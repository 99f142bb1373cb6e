package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uid-map, namespaces and mountinfo against a fake /proc shaped like runc 1.1.5's container. */
class ContainerProcessProbesTest {

  // Recorded from a rootless runc 1.1.5 container and the shell that started it.
  static final Map<String, String> HOST_NS =
      Map.of(
          "cgroup",
          "cgroup:[4026531835]",
          "ipc",
          "ipc:[4026531839]",
          "mnt",
          "mnt:[4026531832]",
          "net",
          "net:[4026531833]",
          "pid",
          "pid:[4026531836]",
          "user",
          "user:[4026531837]",
          "uts",
          "uts:[4026531838]");
  static final Map<String, String> CONTAINER_NS =
      Map.of(
          "cgroup",
          "cgroup:[4026531835]",
          "ipc",
          "ipc:[4026532179]",
          "mnt",
          "mnt:[4026532177]",
          "net",
          "net:[4026531833]",
          "pid",
          "pid:[4026532180]",
          "user",
          "user:[4026532176]",
          "uts",
          "uts:[4026532178]");
  static final long PID = 6803; // the pid in runc-1.1.5-state-running.json

  @TempDir Path temp;
  ProbeLab lab;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(temp);
    Path self = lab.proc.resolve("self");
    Files.createDirectories(self.resolve("ns"));
    for (Map.Entry<String, String> link : HOST_NS.entrySet()) {
      Files.createSymbolicLink(self.resolve("ns").resolve(link.getKey()), Path.of(link.getValue()));
    }
    Path container = lab.process(PID, "         0       1001          1\n", CONTAINER_NS);
    Files.writeString(container.resolve("mountinfo"), FakeRunc.recorded("mountinfo-container.txt"));
    // runc keeps a directory per container it knows: c1 runs, old has stopped, gone is gone.
    Files.createDirectories(lab.runcRoot.resolve("c1"));
    Files.createDirectories(lab.runcRoot.resolve("old"));
    lab.runc.answer(
        List.of("state", "c1"), 0, FakeRunc.recorded("runc-1.1.5-state-running.json"), "");
    lab.runc.answer(
        List.of("state", "gone"), 1, "", FakeRunc.recorded("runc-1.1.5-state-missing.stderr"));
    lab.runc.answer(
        List.of("state", "old"), 0, FakeRunc.recorded("runc-1.1.5-state-stopped.json"), "");
  }

  Probe probe(String name) {
    return lab.probes().get(name);
  }

  /** runc's own record of container {@code name}, as runc 1.1.5 writes it (the fields used). */
  void recordState(String name, long pid, long start) throws IOException {
    ProbeLab.write(
        lab.runcRoot.resolve(name).resolve("state.json"),
        "{\"id\": \""
            + name
            + "\", \"init_process_pid\": "
            + pid
            + ", \"init_process_start\": "
            + start
            + "}");
  }

  /**
   * A /proc/PID/stat whose command name holds spaces and a parenthesis, started at {@code start}.
   */
  void stat(long pid, long start) throws IOException {
    StringBuilder fields = new StringBuilder(pid + " (runc:[2:INIT) x) S 1 2 3 0 -1 4194560");
    for (int field = 10; field <= 21; field++) {
      fields.append(' ').append(field * 7);
    }
    fields.append(' ').append(start).append(" 1000 200\n");
    ProbeLab.write(lab.proc.resolve(Long.toString(pid)).resolve("stat"), fields.toString());
  }

  @Test
  void aContainerRuncRecordedIsFoundWithoutStartingRunc() throws IOException {
    recordState("fast", PID, 6391834);
    stat(PID, 6391834);

    ProbeResult result = lab.run(probe("uid-map"), "fast");

    assertTrue(result.passed(), result.actual());
    assertEquals(Long.toString(PID), result.values().get("processId"));
    assertTrue(lab.runc.calls.isEmpty(), "runc was started: " + lab.runc.calls);
  }

  @Test
  void aRecordWhosePidWasReusedIsNotTrustedAndRuncIsAsked() throws IOException {
    recordState("c1", PID, 6391834);
    stat(PID, 777); // another process has that pid now

    ProbeResult result = lab.run(probe("uid-map"), "c1");

    assertTrue(result.passed(), result.actual()); // runc state c1 answers with the same pid
    assertEquals(1, lab.runc.calls.size(), lab.runc.calls.toString());
  }

  @Test
  void uidMapByNameMapsContainerRootToTheLearner() throws IOException {
    ProbeResult result = lab.run(probe("uid-map"), "c1");

    assertTrue(result.passed(), result.actual());
    assertEquals("0", result.values().get("containerID"));
    assertEquals("1001", result.values().get("hostID"));
    assertEquals("1", result.values().get("size"));
    assertEquals("learner", result.values().get("hostUser"));
    assertEquals("0 1001 1", result.values().get("line"));
    assertEquals("6803", result.values().get("processId"));
    assertTrue(result.actual().contains("host uid 1001 (learner)"), result.actual());
  }

  @Test
  void uidMapWithSubordinateIdsMeasuresEveryLineAndTheTotal() throws IOException {
    // runc 1.1.5 with lesson 3's two mappings, via newuidmap and newgidmap.
    Path dir =
        lab.process(
            82,
            "         0       1001          1\n         1     100000      65536\n",
            CONTAINER_NS);
    Files.writeString(dir.resolve("gid_map"), "0 1001 1\n1 200000 1000\n");

    ProbeResult result = lab.run(probe("uid-map"), "82");

    assertTrue(result.passed(), result.actual());
    assertEquals("0 1001 1, 1 100000 65536", result.values().get("lines"));
    assertEquals("2", result.values().get("ranges"));
    assertEquals("65537", result.values().get("total"));
    assertEquals("0 1001 1, 1 200000 1000", result.values().get("gidLines"));
    assertEquals("1001", result.values().get("gidTotal"));
    assertEquals("0 1001 1", result.values().get("line"));
  }

  @Test
  void uidMapWithGarbageLinesKeepsTheGoodOnesAndNeverThrows() throws IOException {
    lab.process(83, "0 1001 1\nnot a line\n1 99999999999 5\n", CONTAINER_NS);
    lab.process(84, "x y z\n", CONTAINER_NS);

    ProbeResult kept = lab.run(probe("uid-map"), "83");
    ProbeResult none = lab.run(probe("uid-map"), "84");

    assertEquals("0 1001 1", kept.values().get("lines"));
    assertFalse(none.passed());
    assertTrue(none.actual().contains("uid_map is empty"), none.actual());
  }

  @Test
  void uidMapByPidNeedsNoRunc() throws IOException {
    ProbeResult result = lab.run(probe("uid-map"), "6803");

    assertTrue(result.passed(), result.actual());
    assertTrue(lab.runc.calls.isEmpty(), "runc was asked: " + lab.runc.calls);
  }

  @Test
  void uidMapOfAProcessInTheHostNamespaceFails() throws IOException {
    lab.process(77, "         0          0 4294967295\n", HOST_NS);

    ProbeResult result = lab.run(probe("uid-map"), "77");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("host's own user namespace"), result.actual());
  }

  @Test
  void uidMapToRootSaysTheContainerWasStartedAsRoot() throws IOException {
    lab.process(78, "0 0 1\n", CONTAINER_NS);

    ProbeResult result = lab.run(probe("uid-map"), "78");

    assertFalse(result.passed());
    assertEquals("0", result.values().get("hostID"));
    assertTrue(result.actual().contains("started as root"), result.actual());
  }

  @Test
  void uidMapToSomeoneElseNamesThem() throws IOException {
    lab.process(80, "0 0 1\n", CONTAINER_NS);
    lab.process(81, "0 1002 1\n", CONTAINER_NS);

    assertEquals(
        "uid_map of process 80 says \"0 0 1\": container root is the host's root: the container"
            + " was started as root, not as you, learner (uid 1001)",
        lab.run(probe("uid-map"), "80").actual());
    assertEquals(
        "uid_map of process 81 says \"0 1002 1\": container uid 0 is host uid 1002, not yours:"
            + " you are learner (uid 1001)",
        lab.run(probe("uid-map"), "81").actual());
  }

  @Test
  void uidMapWhenTheLearnerIsRootSaysNothingIsRootless() throws IOException {
    lab.process(79, "0 0 1\n", CONTAINER_NS);
    Probe asRoot = new UidMapProbe(LearnerIds.fixed(ProbeLab.learnerWithUid(0)), lab.accounts);

    ProbeResult result = asRoot.run(lab.context(), List.of("79"));

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .endsWith(
                "you are root, so container root is the host's root and"
                    + " nothing is rootless: run the course as an unprivileged user"),
        result.actual());
  }

  @Test
  void uidMapOfAContainerRuncKeepsNoRecordOfSaysSoWithoutAskingRunc() throws IOException {
    ProbeResult result = lab.run(probe("uid-map"), "never");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("no container named never"), result.actual());
    assertTrue(lab.runc.calls.isEmpty(), lab.runc.calls.toString());
  }

  @Test
  void uidMapOfAnUnknownContainerQuotesRunc() throws IOException {
    Files.createDirectories(lab.runcRoot.resolve("gone")); // a record runc itself calls missing
    ProbeResult result = lab.run(probe("uid-map"), "gone");

    assertFalse(result.passed());
    assertTrue(result.actual().contains("no container named gone"), result.actual());
    assertTrue(result.actual().contains("container does not exist"), result.actual());
  }

  @Test
  void uidMapOfAStoppedContainerSaysThereIsNoProcess() throws IOException {
    ProbeResult result = lab.run(probe("uid-map"), "old");

    assertFalse(result.passed());
    assertEquals("container old is stopped: it has no process to look at", result.actual());
  }

  @Test
  void uidMapOfAVanishedPidSaysSo() throws IOException {
    ProbeResult result = lab.run(probe("uid-map"), "4242");

    assertFalse(result.passed());
    assertTrue(result.actual().startsWith("process 4242 is not running"), result.actual());
  }

  @Test
  void namespacesShowTheSharedNetworkAndPrivateUserPidMount() throws IOException {
    ProbeResult result = lab.run(probe("namespaces"), "c1");

    assertTrue(result.passed(), result.actual());
    assertEquals("net:[4026531833]", result.values().get("net"));
    assertEquals("net:[4026531833]", result.values().get("hostNet"));
    assertEquals("true", result.values().get("netShared"));
    assertEquals("false", result.values().get("userShared"));
    assertEquals("user:[4026532176]", result.values().get("user"));
    assertEquals("user:[4026531837]", result.values().get("hostUser"));
    assertEquals("user, pid, mnt, uts, ipc", result.values().get("differ"));
    assertEquals("net, cgroup", result.values().get("shared"));
  }

  @Test
  void namespacesSkipKindsTheKernelDoesNotHave() throws IOException {
    lab.process(90, "0 1001 1\n", Map.of("user", "user:[1]", "net", "net:[4026531833]"));

    ProbeResult result = lab.run(probe("namespaces"), "90");

    assertTrue(result.passed(), result.actual());
    assertEquals("user", result.values().get("differ"));
    assertEquals("net", result.values().get("shared"));
    assertFalse(result.values().containsKey("pid"), result.values().toString());
    assertEquals("90", result.values().get("processId"));
  }

  @Test
  void namespacesOfAProcessThatExitedWhileBeingReadFail() throws IOException {
    // A zombie has lost its namespace links; reading them as it died left only the first two.
    Path dying = lab.process(91, "0 1001 1\n", Map.of("user", "user:[1]", "pid", "pid:[2]"));
    Files.writeString(
        dying.resolve("status"), "Name:\tsh\nState:\tZ (zombie)\nUid:\t1001\t1001\t1001\t1001\n");

    ProbeResult result = lab.run(probe("namespaces"), "91");

    assertFalse(result.passed(), result.values().toString());
    assertEquals("process 91 exited while its namespaces were being read", result.actual());
  }

  @Test
  void namespacesOfARunningProcessWithAllLinksPassWhateverItsState() throws IOException {
    Path sleeping = lab.process(92, "0 1001 1\n", CONTAINER_NS);
    Files.writeString(sleeping.resolve("status"), "Name:\tsh\nState:\tS (sleeping)\n");

    assertTrue(lab.run(probe("namespaces"), "92").passed());
  }

  @Test
  void mountinfoFindsTheBindMountedDirectory() throws IOException {
    ProbeResult result = lab.run(probe("mountinfo"), "c1", "/tmp/lab/home/");

    assertTrue(result.passed(), result.actual());
    assertEquals("/tmp/lab/home", result.values().get("mountPoint"));
    assertEquals("/tmp/lab/home", result.values().get("root"));
    assertEquals("rw,relatime", result.values().get("options"));
    assertEquals("/dev/vda", result.values().get("source"));
    assertEquals("ext4", result.values().get("fsType"));
  }

  @Test
  void mountinfoTakesTheTopmostOfStackedMounts() throws IOException {
    // /sys/fs/cgroup is mounted twice in the recording; the second one (tmpfs, nosuid) is on top.
    ProbeResult result = lab.run(probe("mountinfo"), "6803", "/sys/fs/cgroup");

    assertTrue(result.passed(), result.actual());
    assertEquals("rw,nosuid,nodev,noexec,relatime", result.values().get("options"));
  }

  @Test
  void mountinfoWithoutTheMountExplainsThatRuncReadsConfigOnCreate() throws IOException {
    ProbeResult result = lab.run(probe("mountinfo"), "c1", "/home/learner");

    assertFalse(result.passed());
    assertTrue(
        result
            .actual()
            .startsWith("nothing is mounted at /home/learner in container c1 (pid 6803)"),
        result.actual());
    assertTrue(result.actual().contains("needs a new container"), result.actual());
  }

  @Test
  void mountinfoWantsTheMountPointAsTheContainerSeesIt() throws IOException {
    ProbeResult result = lab.run(probe("mountinfo"), "c1", "home/learner");

    assertFalse(result.passed());
    assertEquals(
        "home/learner is relative: name the mount point as the container sees it, from /",
        result.actual());
  }

  @Test
  void mountinfoDecodesOctalEscapesInPaths() {
    MountInfoLine line =
        MountInfoLine.parse(
                "91 63 254:0 /home/a\\040b /home/a\\040b rw,relatime shared:1 - ext4 /dev/vda rw")
            .orElseThrow();

    assertEquals("/home/a b", line.mountPoint());
    assertEquals("ext4", line.fsType());
  }
}
