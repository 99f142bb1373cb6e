package dev.rootlessctr.inspect;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.probe.LearnerIds;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.Probes;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recorded host in a temporary directory: a /proc with the shell's namespaces and one rootless
 * container's files (recorded from runc 1.1.5 on Debian 12), a runc state directory, passwd, and a
 * runc that answers {@code state}, {@code list} and {@code spec --rootless} from recordings.
 */
final class FakeHost implements ProcessRunner {

  static final long PID = 18331;
  static final String SHELL_NS =
      "cgroup:[4026531835] ipc:[4026531839] mnt:[4026531832] net:[4026531833] pid:[4026531836]"
          + " user:[4026531837] uts:[4026531838]";
  static final String CONTAINER_NS =
      "cgroup:[4026531835] ipc:[4026532181] mnt:[4026532179] net:[4026531833] pid:[4026532182]"
          + " user:[4026532178] uts:[4026532180]";

  final Path root;
  final Path lab;
  final Path proc;
  final Path runcRoot;
  final Path bin;
  final List<List<String>> asked = new ArrayList<>();
  String state = resource("inspect/runc-state-running.json");

  FakeHost(Path root) throws IOException {
    this.root = root;
    this.lab = Files.createDirectories(root.resolve("lab"));
    this.proc = Files.createDirectories(root.resolve("proc"));
    this.runcRoot = Files.createDirectories(root.resolve("runc-root"));
    this.bin = Files.createDirectories(root.resolve("bin"));
    Path runc = Files.writeString(bin.resolve("runc"), "#!/bin/false\n");
    Files.setPosixFilePermissions(runc, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(runcRoot.resolve("c1"));
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\n"
            + "rctr-learner:x:1001:1001::/home/rctr-learner:/bin/bash\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nrctr-learner:x:1001:\n");
    Files.createDirectories(proc.resolve("self"));
    Files.writeString(
        proc.resolve("self/status"),
        "Name:\tjava\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\n");
    links(proc.resolve("self/ns"), SHELL_NS);
  }

  /** The recorded container's /proc/PID, with its namespace links. */
  Path container() throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(PID)));
    for (String file : List.of("status", "mountinfo", "cgroup", "uid_map", "gid_map", "stat")) {
      Files.writeString(dir.resolve(file), resource("inspect/proc-container/" + file));
    }
    links(dir.resolve("ns"), CONTAINER_NS);
    return dir;
  }

  private static void links(Path dir, String namespaces) throws IOException {
    Files.createDirectories(dir);
    for (String link : namespaces.split(" ")) {
      Files.createSymbolicLink(dir.resolve(link.substring(0, link.indexOf(':'))), Path.of(link));
    }
  }

  ProbeContext context() {
    return new ProbeContext(
        lab, Map.of("PATH", bin.toString(), "HOME", "/home/rctr-learner"), runcRoot, proc, this);
  }

  Inspector inspector() {
    AccountBook accounts = AccountBook.files(root.resolve("etc/passwd"), root.resolve("etc/group"));
    return new Inspector(
        Probes.using(
            LearnerIds.fixed(
                new HostUser(
                    "rctr-learner",
                    1001,
                    1001,
                    java.util.Set.of(1001L),
                    Path.of("/home/rctr-learner"))),
            accounts),
        new DefaultSpec(this, Map.of("PATH", bin.toString())));
  }

  Inspection inspect(String word) {
    return inspector()
        .inspect(
            java.util.Optional.ofNullable(word),
            new Inspector.Where(context(), List.of(runcRoot), lab));
  }

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout)
      throws IOException {
    asked.add(argv);
    if (argv.contains("state")) {
      return new Captured(argv, 0, state, "", false);
    }
    if (argv.contains("list")) {
      return new Captured(argv, 0, "[" + state + "]", "", false);
    }
    if (argv.equals(List.of("/usr/bin/env", "runc", "spec", "--rootless"))) {
      Files.writeString(
          dir.resolve("config.json"), resource("probe/runc-1.1.5-spec-rootless.json"));
      return new Captured(argv, 0, "", "", false);
    }
    return new Captured(argv, 1, "", "unexpected " + argv, false);
  }

  static String resource(String name) {
    try (InputStream in = FakeHost.class.getResourceAsStream("/dev/rootlessctr/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
