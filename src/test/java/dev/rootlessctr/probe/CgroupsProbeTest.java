package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cgroups probe on fake v1, hybrid and v2 trees beside a fake proc, and on this host. */
class CgroupsProbeTest {

  private static final String SERVICE = "/user.slice/user-1001.slice/user@1001.service";

  @TempDir Path root;
  private ProbeLab lab;
  private Probe probe;

  @BeforeEach
  void setUp() throws IOException {
    lab = new ProbeLab(root);
    probe = lab.probes().get("cgroups");
  }

  private void file(String hostPath, String text) throws IOException {
    ProbeLab.write(root.resolve(hostPath.substring(1)), text);
  }

  private void ownedBy(String hostPath, int uid) throws IOException {
    Path dir = Files.createDirectories(root.resolve(hostPath.substring(1)));
    int builder = (Integer) Files.getAttribute(root, "unix:uid");
    assumeTrue(builder == 0 || builder == uid, "changing an owner needs root");
    Files.setAttribute(dir, "unix:uid", uid);
  }

  @Test
  void aDelegatedV2CgroupIsMeasuredWithItsControllers() throws IOException {
    file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
    file("/proc/self/cgroup", "0::" + SERVICE + "/app.slice/course.scope\n");
    file(
        "/sys/fs/cgroup" + SERVICE + "/app.slice/course.scope/cgroup.controllers", "memory pids\n");
    ownedBy("/sys/fs/cgroup" + SERVICE + "/app.slice/course.scope", 1001);
    ProbeResult result = ProbeLab.declaredOnly(probe, lab.run(probe));
    assertTrue(result.passed(), result.actual());
    assertEquals("v2", result.values().get("version"));
    assertEquals(SERVICE + "/app.slice/course.scope", result.values().get("ownCgroup"));
    assertEquals("1001", result.values().get("owner"));
    assertEquals("true", result.values().get("delegated"));
    assertEquals("cpuset cpu io memory pids", result.values().get("controllers"));
    assertEquals("memory pids", result.values().get("ownControllers"));
  }

  @Test
  void anUndelegatedV2CgroupSaysWhoOwnsIt() throws IOException {
    file("/sys/fs/cgroup/cgroup.controllers", "memory pids\n");
    file("/proc/self/cgroup", "0::/user.slice/user-1001.slice/session-3.scope\n");
    file("/sys/fs/cgroup/user.slice/user-1001.slice/session-3.scope/cgroup.controllers", "pids\n");
    ownedBy("/sys/fs/cgroup/user.slice/user-1001.slice/session-3.scope", 0);
    ProbeResult result = lab.run(probe);
    assertTrue(result.passed(), result.actual());
    assertEquals("false", result.values().get("delegated"));
    assertEquals("0", result.values().get("owner"));
    assertEquals("none", result.values().get("ownControllers"));
    assertTrue(result.actual().contains("not delegated to you"), result.actual());
  }

  @Test
  void aHybridHostIsNamedAsSuchWithItsV1Hierarchies() throws IOException {
    file("/sys/fs/cgroup/unified/cgroup.controllers", "\n");
    Files.createDirectories(root.resolve("sys/fs/cgroup/pids"));
    file("/proc/self/cgroup", "3:memory:/\n2:pids:/\n1:name=systemd:/\n0::/\n");
    ProbeResult result = lab.run(probe);
    assertTrue(result.passed(), result.actual());
    assertEquals("hybrid", result.values().get("version"));
    assertEquals("/", result.values().get("ownCgroup"));
    assertEquals("pids memory", result.values().get("controllers"));
    assertEquals("false", result.values().get("delegated"));
  }

  @Test
  void aContainerCgroupShowsItsLimits() throws IOException {
    String scope = SERVICE + "/user.slice/runc-limited.scope";
    file("/proc/4242/cgroup", "0::" + scope + "\n");
    file("/sys/fs/cgroup" + scope + "/pids.max", "8\n");
    file("/sys/fs/cgroup" + scope + "/pids.current", "3\n");
    file("/sys/fs/cgroup" + scope + "/memory.max", "67108864\n");
    ProbeResult result = ProbeLab.declaredOnly(probe, lab.run(probe, "4242"));
    assertTrue(result.passed(), result.actual());
    assertEquals(
        Map.of(
            "containerCgroup", scope,
            "pidsMax", "8",
            "pidsCurrent", "3",
            "memoryMax", "67108864"),
        result.values());
  }

  @Test
  void aContainerWithoutThePidsControllerFailsSayingSo() throws IOException {
    file("/proc/4242/cgroup", "0::/user.slice\n");
    Files.createDirectories(root.resolve("sys/fs/cgroup/user.slice"));
    ProbeResult result = lab.run(probe, "4242");
    assertFalse(result.passed());
    assertTrue(
        result.actual().contains("cannot read /sys/fs/cgroup/user.slice/pids.max"),
        result.actual());
  }

  @Test
  void thisHostIsRead() throws IOException {
    ProbeResult result =
        Probes.standard()
            .get("cgroups")
            .run(
                new ProbeContext(
                    Path.of("/"), Map.of(), Path.of("/nonexistent"), Path.of("/proc"), null),
                List.of());
    assumeTrue(Files.isDirectory(Path.of("/sys/fs/cgroup")), "a cgroup filesystem is mounted");
    assertTrue(result.passed(), result.actual());
    String expected =
        Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"))
            ? "v2"
            : Files.exists(Path.of("/sys/fs/cgroup/unified/cgroup.controllers")) ? "hybrid" : "v1";
    assertEquals(expected, result.values().get("version"), result.actual());
  }
}
