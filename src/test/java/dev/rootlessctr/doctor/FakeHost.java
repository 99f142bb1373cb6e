package dev.rootlessctr.doctor;

import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake host tree under a temporary directory, healthy by default, that tests then break.
 *
 * <p>The learner is uid 1001 when the tests run as root (tree files then belong to root, i.e. to
 * somebody else); otherwise the learner is whoever runs the tests, who owns every tree file.
 */
public final class FakeHost {

  static final String DEBIAN =
      "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
          + "VERSION_ID=\"12\"\nID=debian\n";
  static final String UBUNTU =
      "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\n"
          + "ID_LIKE=debian\n";
  static final String FEDORA =
      "NAME=\"Fedora Linux\"\nVERSION_ID=40\nID=fedora\nPRETTY_NAME=\"Fedora Linux 40\"\n";

  final Path root;
  final int builderUid;
  final int learnerUid;
  final Map<String, String> env = new HashMap<>();
  long freeBytes = 10L * 1024 * 1024 * 1024;

  FakeHost(Path root) {
    this.root = root;
    try {
      this.builderUid = (Integer) Files.getAttribute(root, "unix:uid");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.learnerUid = builderUid == 0 ? 1001 : builderUid;
  }

  /** True when the learner owns files the tests create (tests not running as root). */
  boolean learnerOwnsTreeFiles() {
    return learnerUid == builderUid;
  }

  /** A Debian host where everything the course needs is present and fine, except busybox. */
  public static FakeHost healthy(Path root) {
    FakeHost host = new FakeHost(root);
    host.file("/etc/os-release", DEBIAN);
    host.user(host.learnerUid);
    host.file("/etc/group", "root:x:0:\nsudo:x:27:\nlearner:x:" + host.learnerUid + ":\n");
    host.file("/proc/sys/user/max_user_namespaces", "15000\n");
    host.env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    host.env.put("HOME", "/home/learner");
    host.tool("/usr/bin/runc", "runc version 1.1.12\ncommit: v1.1.12-0-g51d5e946\nspec: 1.0.2-dev");
    host.tool("/usr/bin/skopeo", "skopeo version 1.9.3");
    host.tool("/usr/bin/oci-image-tool", "oci-image-tool version 1.0.0-rc1");
    host.tool("/usr/bin/crun", "crun version 1.8.1\ncommit: 1.8.1");
    host.tool("/usr/bin/umoci", "umoci version 0.4.7");
    host.tool(
        "/usr/bin/slirp4netns",
        "slirp4netns version 1.2.0\ncommit: 656041d45cfca7a4176f6b7eed9e4fe6c11e8383");
    host.file("/dev/net/tun", "");
    host.script("/usr/bin/unshare", "exit 0");
    host.file("/etc/subuid", "learner:100000:65536\n");
    host.file("/etc/subgid", "learner:100000:65536\n");
    host.file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
    String service =
        "/user.slice/user-" + host.learnerUid + ".slice/user@" + host.learnerUid + ".service";
    host.file("/proc/self/cgroup", "0::" + service + "/app.slice/course.scope\n");
    host.file(
        "/sys/fs/cgroup" + service + "/app.slice/course.scope/cgroup.controllers",
        "cpu memory pids\n");
    host.file("/sys/fs/cgroup" + service + "/app.slice/course.scope/cgroup.subtree_control", "");
    host.ownByLearner("/sys/fs/cgroup" + service + "/app.slice/course.scope");
    host.dir("/run/user/" + host.learnerUid, "rwx------");
    host.ownByLearner("/run/user/" + host.learnerUid);
    host.env.put("XDG_RUNTIME_DIR", "/run/user/" + host.learnerUid);
    return host;
  }

  /** Writes /proc/self/status and /etc/passwd for {@code uid}. */
  FakeHost user(int uid) {
    String name = uid == 0 ? "root" : "learner";
    file(
        "/proc/self/status",
        "Name:\tjava\nUid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\nGid:\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\t"
            + uid
            + "\nGroups:\t"
            + uid
            + "\n");
    file(
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\n"
            + (uid == 0
                ? ""
                : name + ":x:" + uid + ":" + uid + "::/home/" + name + ":/bin/bash\n"));
    return this;
  }

  FakeHost file(String hostPath, String content) {
    try {
      Path path = path(hostPath);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FakeHost dir(String hostPath, String permissions) {
    try {
      Path path = path(hostPath);
      Files.createDirectories(path);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An executable shell script stand-in at {@code hostPath} running {@code body}. */
  public FakeHost script(String hostPath, String body) {
    file(hostPath, "#!/bin/sh\n" + body + "\n");
    try {
      Files.setPosixFilePermissions(path(hostPath), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** A stand-in that prints {@code versionOutput} for {@code --version}. */
  FakeHost tool(String hostPath, String versionOutput) {
    return script(hostPath, "cat <<'EOF'\n" + versionOutput + "\nEOF");
  }

  public FakeHost remove(String hostPath) {
    try {
      Files.deleteIfExists(path(hostPath));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FakeHost symlink(String hostPath, String target) {
    try {
      Path link = path(hostPath);
      Files.createDirectories(link.getParent());
      Files.createSymbolicLink(link, Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gives {@code hostPath} to the learner; a no-op when the learner already owns tree files. */
  FakeHost ownByLearner(String hostPath) {
    if (!learnerOwnsTreeFiles()) {
      try {
        Files.setAttribute(path(hostPath), "unix:uid", learnerUid);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  public Path path(String hostPath) {
    return root.resolve(hostPath.replaceFirst("^/+", ""));
  }

  HostView view() {
    long free = freeBytes;
    return HostView.rooted(root, env, ProcessRunner.system(), path -> free);
  }

  /** The doctor's inputs for this tree, with the course's default state and lab directories. */
  public DoctorInputs inputs() {
    return DoctorInputs.defaults(view()).withLabDir(Path.of("/home/learner/lab"));
  }

  DoctorReport report() {
    return Doctor.forHost(inputs()).run();
  }

  Finding finding(String id) {
    return report().finding(id).orElseThrow(() -> new AssertionError("no finding " + id));
  }

  Finding run(Check check) {
    return check.run(view());
  }
}
