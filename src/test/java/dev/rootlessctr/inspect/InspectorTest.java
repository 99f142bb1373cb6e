package dev.rootlessctr.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {

  @TempDir Path dir;

  private static String lines(Inspection inspection, String label) {
    Fact fact =
        inspection
            .fact(label)
            .orElseThrow(() -> new AssertionError("no fact " + label + " in " + inspection));
    assertTrue(fact.measured(), label + " was not measured: " + fact.unreadable());
    return String.join("\n", fact.lines());
  }

  @Test
  void aRunningContainerIsReadFromItsProcFiles() throws Exception {
    FakeHost host = new FakeHost(dir);
    host.container();
    Inspection c1 = host.inspect("c1");
    assertEquals(Inspection.Kind.CONTAINER, c1.kind());
    assertTrue(c1.title().contains("c1 under --root " + host.runcRoot), c1.title());
    assertTrue(lines(c1, "status").startsWith("running"), c1.toString());
    assertEquals("18331 (as this host numbers it)", lines(c1, "pid"));
    assertEquals(
        "0 1001 1\ncontainer root (uid 0) is host uid 1001 (rctr-learner), you",
        lines(c1, "uid map"));
    assertEquals("0 1001 1", lines(c1, "gid map"));
    assertEquals("user, pid, mnt, uts, ipc", lines(c1, "own namespaces"));
    assertEquals("net, cgroup", lines(c1, "shared with shell"));
    assertTrue(
        lines(c1, "root mount").startsWith("ro,relatime  (read-only)"), lines(c1, "root mount"));
    String mounts = lines(c1, "mounts");
    assertTrue(
        mounts.startsWith("/ ext4 ro,relatime <- /tmp/ev/lab/b/rootfs\n/proc proc rw,relatime"),
        mounts);
    assertTrue(
        mounts.contains("/proc/ masked or read-only: bus fs irq sys acpi keys timer_list"), mounts);
    assertEquals(
        "3 effective (CapEff 0000000020000420, in the container's own user namespace): CAP_KILL"
            + " CAP_NET_BIND_SERVICE CAP_AUDIT_WRITE",
        lines(c1, "capabilities"));
    assertEquals("0, disabled: no system call filter", lines(c1, "seccomp"));
    assertEquals(
        "4:memory:/process_api/ac1e28de733caf41d863c701fca54ba7\n"
            + "at / in: name=systemd, pids, blkio, freezer, devices, cpuset, cpuacct, cpu, unified"
            + " (v2)",
        lines(c1, "cgroup"));
    assertTrue(c1.fact("note").isEmpty(), "the process did not exit: " + c1);
  }

  @Test
  void aContainerWhoseProcessIsGoneIsSaidToBeGoneNotGuessed() throws Exception {
    FakeHost host = new FakeHost(dir); // runc still says running, but /proc/18331 is not there
    Inspection c1 = host.inspect("c1");
    for (String label :
        List.of("uid map", "gid map", "mounts", "capabilities", "seccomp", "cgroup")) {
      Fact fact = c1.fact(label).orElseThrow();
      assertFalse(fact.measured(), label + " claimed a value: " + fact);
    }
    assertTrue(
        c1.fact("uid map").get().unreadable().get().contains("is gone: the process has exited"),
        c1.toString());
    assertTrue(
        c1.fact("note").get().unreadable().get().contains("exited while it was being read"),
        c1.toString());
  }

  @Test
  void aStoppedContainerHasNothingLiveToRead() throws Exception {
    FakeHost host = new FakeHost(dir);
    host.state = FakeHost.resource("probe/runc-1.1.5-state-stopped.json");
    Files.createDirectories(host.runcRoot.resolve("c1"));
    Inspection c1 = host.inspect("c1");
    assertTrue(lines(c1, "status").startsWith("stopped"), c1.toString());
    assertTrue(
        c1.fact("process").get().unreadable().get().contains("it has no process"), c1.toString());
    assertTrue(c1.fact("uid map").isEmpty());
  }

  @Test
  void aBundleIsComparedWithRuncsRootlessDefault() throws Exception {
    FakeHost host = new FakeHost(dir);
    Path bundle = Files.createDirectories(host.lab.resolve("b"));
    String spec =
        FakeHost.resource("probe/runc-1.1.5-spec-rootless.json")
            .replace("\"terminal\": true", "\"terminal\": false")
            .replace("\"readonly\": true", "\"readonly\": false");
    Files.writeString(bundle.resolve("config.json"), spec);
    Inspector inspector = host.inspector();
    Inspector.Where where = new Inspector.Where(host.context(), List.of(host.runcRoot), host.lab);
    Inspection b = inspector.inspect(java.util.Optional.of("b"), where);
    assertEquals(Inspection.Kind.BUNDLE, b.kind());
    assertEquals("false", lines(b, "terminal"));
    assertEquals("false (root.readonly)", lines(b, "readonly"));
    assertEquals(
        "/process/terminal: true -> false\n/root/readonly: true -> false", lines(b, "vs default"));
    inspector.inspect(java.util.Optional.of("b"), where);
    long asked = host.asked.stream().filter(a -> a.contains("spec")).count();
    assertEquals(1, asked, "runc spec --rootless is asked once a session: " + host.asked);
  }

  @Test
  void aConfigThatIsNotJsonIsNamedWithItsLineNotAStackTrace() throws Exception {
    FakeHost host = new FakeHost(dir);
    Path bundle = Files.createDirectories(host.lab.resolve("b"));
    Files.writeString(bundle.resolve("config.json"), "{\n  \"process\": {,\n}\n");
    Inspection b = host.inspect("b");
    Fact config = b.fact("config.json").orElseThrow(() -> new AssertionError(b.toString()));
    assertTrue(config.unreadable().get().contains("line 2"), config.toString());
  }

  @Test
  void nothingByThatNameSaysWhereItLooked() throws Exception {
    FakeHost host = new FakeHost(dir);
    Inspection none = host.inspect("ghost");
    assertEquals(Inspection.Kind.NOTHING, none.kind());
    String why = none.facts().get(0).unreadable().get();
    assertTrue(why.contains("no container named ghost under " + host.runcRoot), why);
    assertTrue(why.contains("no file or directory " + host.lab.resolve("ghost")), why);
  }

  @Test
  void anImageLayoutListsRefsDigestsAndLayers() throws Exception {
    FakeHost host = new FakeHost(dir);
    TinyLayout.write(host.lab.resolve("busybox"), "latest", "hello layer");
    Inspection layout = host.inspect("busybox");
    assertEquals(Inspection.Kind.LAYOUT, layout.kind());
    String ref = lines(layout, "ref latest");
    assertTrue(ref.startsWith("manifest sha256:"), ref);
    assertTrue(ref.contains("every blob verified"), ref);
    assertTrue(
        ref.contains(
            "layer    sha256:"
                + TinyLayout.sha256("hello layer".getBytes())
                + "  11 B  application/vnd.oci.image.layer.v1.tar"),
        ref);
  }

  @Test
  void withoutAWordItListsWhatThereIsToInspect() throws Exception {
    FakeHost host = new FakeHost(dir);
    Files.createDirectories(host.lab.resolve("b"));
    Files.writeString(host.lab.resolve("b/config.json"), "{}");
    TinyLayout.write(host.lab.resolve("busybox"), "latest", "x");
    Inspection all = host.inspect(null);
    assertEquals(Inspection.Kind.OVERVIEW, all.kind());
    assertEquals("--root " + host.runcRoot + ": c1 (running)", lines(all, "containers"));
    assertEquals("b", lines(all, "bundles in the lab"));
    assertEquals("busybox", lines(all, "image layouts in the lab"));
  }

  @Test
  void aDeviceOrAFileFarTooBigIsNotRead() throws Exception {
    FakeHost host = new FakeHost(dir);
    Inspection device = host.inspect("/dev/null");
    assertEquals(Inspection.Kind.NOTHING, device.kind());
    assertTrue(
        device.facts().get(0).unreadable().get().contains("neither a directory nor a regular file"),
        device.toString());
    try (var big = new java.io.RandomAccessFile(host.lab.resolve("big.json").toFile(), "rw")) {
      big.setLength(17L << 20); // sparse: no disk is used
    }
    Inspection big = host.inspect("big.json");
    assertTrue(
        big.facts().get(0).unreadable().get().contains("too big to be a bundle's config.json"),
        big.toString());
  }
}
