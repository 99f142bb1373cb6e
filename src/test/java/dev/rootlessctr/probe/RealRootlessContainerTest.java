package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootlessctr.host.AccountBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probes against the real thing: a rootless runc container started by an unprivileged user, and
 * an image copied by skopeo and unpacked by oci-image-tool.
 */
@Timeout(120)
class RealRootlessContainerTest {

  static final String NAME = "probe-test";

  RealLearner learner;
  Path work;
  Path runcRoot;
  Map<String, Probe> probes;

  @BeforeEach
  void setUp() throws IOException {
    RealLearner.assumeInstalled("runc");
    learner = RealLearner.onThisMachine();
    work = learner.newWorkDir();
    runcRoot = work.resolve("runc-root");
    // The test JVM may be root; the learner is who the probes compare owners and mappings with.
    probes = Probes.using(LearnerIds.fixed(learner.ids), AccountBook.etc());
  }

  @AfterEach
  void removeWorkDir() throws IOException {
    if (work == null) {
      return;
    }
    try (Stream<Path> tree = Files.walk(work)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  ProbeResult probe(String name, String... args) throws IOException {
    ProbeContext context = learner.context(work, runcRoot, work.resolve("home").toString());
    Probe probe = probes.get(name);
    return ProbeLab.declaredOnly(probe, probe.run(context, List.of(args)));
  }

  @Test
  void probesSeeARunningRootlessContainer() throws Exception {
    Path home = work.resolve("home");
    learner.must(work, "mkdir", "-p", "home", "b/rootfs/bin", "b/rootfs/tmp");
    learner.must(work, "cp", "/bin/busybox", "b/rootfs/bin/busybox");
    for (String applet : List.of("sh", "sleep", "touch")) {
      learner.must(work, "ln", "-s", "busybox", "b/rootfs/bin/" + applet);
    }
    learner.must(work, "runc", "spec", "--rootless", "-b", "b");
    ObjectNode spec = (ObjectNode) JsonFile.MAPPER.readTree(work.resolve("b/config.json").toFile());
    spec.with("process").put("terminal", false).putArray("args").add("sleep").add("30");
    spec.withArray("mounts")
        .add(Specs.mount(home.toString(), "bind", home.toString(), "rbind", "rw"));
    // Overwriting keeps the learner as the file's owner.
    Files.writeString(work.resolve("b/config.json"), spec.toPrettyString());

    assertTrue(probe("config", "b").passed(), probe("config", "b").actual());
    assertEquals(
        "0 -> " + learner.ids.uid() + " (" + learner.name + "), size 1",
        probe("config", "b").values().get("uidMapping"));
    assertTrue(probe("home-mount", "b").passed(), probe("home-mount", "b").actual());
    assertTrue(probe("no-containers").passed(), probe("no-containers").actual());
    assertFalse(probe("runc-state", NAME).passed());
    assertFalse(Files.exists(runcRoot), "probes must not create runc's --root directory");

    try {
      learner.detached(
          work,
          "runc",
          "--root",
          runcRoot.toString(),
          "run",
          "-d",
          "--pid-file",
          work.resolve("pid").toString(),
          "-b",
          "b",
          NAME);
      long pid = Long.parseLong(Files.readString(work.resolve("pid")).strip());

      ProbeResult state = probe("runc-state", NAME, "running");
      assertTrue(state.passed(), state.actual());
      assertEquals(Long.toString(pid), state.values().get("pid"));
      assertEquals(work.resolve("b").toString(), state.values().get("bundle"));

      ProbeResult uidMap = probe("uid-map", NAME);
      assertTrue(uidMap.passed(), uidMap.actual());
      assertEquals("0", uidMap.values().get("containerID"));
      assertEquals(Long.toString(learner.ids.uid()), uidMap.values().get("hostID"));
      assertEquals(learner.name, uidMap.values().get("hostUser"));

      ProbeResult namespaces = probe("namespaces", Long.toString(pid));
      assertTrue(namespaces.passed(), namespaces.actual());
      assertEquals("true", namespaces.values().get("netShared"), namespaces.values().toString());
      for (String own : List.of("userShared", "pidShared", "mntShared")) {
        assertEquals("false", namespaces.values().get(own), namespaces.values().toString());
      }

      ProbeResult mount = probe("mountinfo", NAME, home.toString());
      assertTrue(mount.passed(), mount.actual());
      // root is relative to the file system holding /tmp, which may or may not be "/".
      assertTrue(
          mount.values().get("root").endsWith(work.getFileName() + "/home"),
          mount.values().toString());

      learner.must(
          work,
          "runc",
          "--root",
          runcRoot.toString(),
          "exec",
          NAME,
          "touch",
          home.resolve("made-inside").toString());
      ProbeResult owner = probe("file-owner", "home/made-inside");
      assertTrue(owner.passed(), owner.actual());
      assertEquals(learner.name, owner.values().get("user"));

      ProbeResult list = probe("runc-list");
      assertEquals("1", list.values().get("count"), list.actual());
      assertEquals(NAME, list.values().get("names"));
      assertFalse(probe("no-containers").passed(), "a container is still running");
    } finally {
      learner.run(
          List.of("runc", "--root", runcRoot.toString(), "kill", NAME, "KILL"),
          work,
          RealLearner.ENV,
          Runc.TIMEOUT);
      learner.run(
          List.of("runc", "--root", runcRoot.toString(), "delete", "--force", NAME),
          work,
          RealLearner.ENV,
          Runc.TIMEOUT);
    }
    ProbeResult cleaned = probe("no-containers");
    assertTrue(cleaned.passed(), cleaned.actual());
    assertEquals("0", cleaned.values().get("leftovers"));
  }

  @Test
  void probesSeeAnImageCopiedBySkopeoAndUnpackedByOciImageTool() throws Exception {
    for (String tool : List.of("umoci", "skopeo", "oci-image-tool")) {
      RealLearner.assumeInstalled(tool);
    }
    // Offline: umoci builds a one-layer busybox image, skopeo copies it the way the course pulls.
    learner.must(work, "umoci", "init", "--layout", "built");
    learner.must(work, "umoci", "new", "--image", "built:latest");
    learner.must(work, "umoci", "unpack", "--rootless", "--image", "built:latest", "seed");
    learner.must(work, "mkdir", "-p", "seed/rootfs/bin", "seed/rootfs/etc");
    learner.must(work, "cp", "/bin/busybox", "seed/rootfs/bin/busybox");
    learner.must(work, "ln", "-s", "busybox", "seed/rootfs/bin/sh");
    learner.write(work.resolve("seed/rootfs/etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    learner.must(work, "umoci", "repack", "--image", "built:latest", "seed");
    learner.must(
        work, "skopeo", "--insecure-policy", "copy", "oci:built:latest", "oci:busybox:latest");
    learner.must(work, "mkdir", "-p", "b/rootfs");
    learner.must(work, "oci-image-tool", "unpack", "--ref", "name=latest", "busybox", "b/rootfs");

    ProbeResult layout = probe("oci-layout", "busybox", "latest");
    assertTrue(layout.passed(), layout.actual());
    assertEquals("1", layout.values().get("layers"));
    assertEquals(System.getProperty("os.name").toLowerCase(), layout.values().get("os"));
    // skopeo wrote exactly the manifest, the config and the layer.
    long blobBytes = 0;
    try (Stream<Path> blobs = Files.list(work.resolve("busybox/blobs/sha256"))) {
      for (Path blob : blobs.toList()) {
        blobBytes += Files.size(blob);
      }
    }
    assertEquals(Long.toString(blobBytes), layout.values().get("size"));

    ProbeResult rootfs = probe("rootfs", "b/rootfs");
    assertTrue(rootfs.passed(), rootfs.actual());
    assertEquals(learner.name, rootfs.values().get("owner"));
    assertEquals("busybox", rootfs.values().get("shell"));

    // Corrupt the real layer in place (same size): the probe must notice.
    String layer =
        JsonFile.MAPPER
            .readTree(
                work.resolve("busybox/blobs/sha256")
                    .resolve(layout.values().get("manifestDigest").substring(7))
                    .toFile())
            .path("layers")
            .path(0)
            .path("digest")
            .asText();
    Path blob = work.resolve("busybox/blobs/sha256").resolve(layer.substring(7));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(blob, bytes);
    ProbeResult corrupted = probe("oci-layout", "busybox", "latest");
    assertFalse(corrupted.passed());
    assertTrue(
        corrupted
            .actual()
            .startsWith("digest mismatch for busybox/blobs/" + layer.replace(':', '/')),
        corrupted.actual());
  }
}
