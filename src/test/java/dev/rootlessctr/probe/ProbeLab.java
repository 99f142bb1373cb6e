package dev.rootlessctr.probe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fake host in a temporary directory: a lab (the learner's working directory), a proc tree,
 * passwd and group files, a runc on PATH answered by {@link FakeRunc}.
 */
final class ProbeLab {

  static final long LEARNER_UID = 1001;
  static final String HOME = "/home/learner";

  final Path root;
  final Path lab;
  final Path proc;
  final Path runcRoot;
  final FakeRunc runc = new FakeRunc();
  final AccountBook accounts;
  final LearnerIds learner;

  ProbeLab(Path root) throws IOException {
    this.root = root;
    this.lab = Files.createDirectories(root.resolve("lab"));
    this.proc = Files.createDirectories(root.resolve("proc"));
    this.runcRoot = Files.createDirectories(root.resolve("runc-root"));
    Path etc = Files.createDirectories(root.resolve("etc"));
    write(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\nlearner:x:1001:1001:,,,:/home/learner:/bin/bash\n");
    write(etc.resolve("group"), "root:x:0:\nlearner:x:1001:\n");
    this.accounts = AccountBook.files(etc.resolve("passwd"), etc.resolve("group"));
    this.learner = LearnerIds.fromProcSelfStatus(accounts);
    write(
        proc.resolve("self/status"),
        "Name:\tjava\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\n");
    Path runcBinary = write(root.resolve("bin/runc"), "#!/bin/false\n");
    Files.setPosixFilePermissions(runcBinary, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** A learner with {@code uid} as uid and gid, whoever runs the tests. */
  static HostUser learnerWithUid(long uid) {
    return new HostUser("learner", uid, uid, Set.of(uid), Path.of(HOME));
  }

  ProbeContext context() {
    return new ProbeContext(
        lab, Map.of("PATH", root.resolve("bin").toString(), "HOME", HOME), runcRoot, proc, runc);
  }

  ProbeResult run(Probe probe, String... args) throws IOException {
    return declaredOnly(probe, probe.run(context(), List.of(args)));
  }

  /** Fails the test when a probe measured a value it does not declare in valueNames(). */
  static ProbeResult declaredOnly(Probe probe, ProbeResult result) {
    Set<String> undeclared = new TreeSet<>(result.values().keySet());
    undeclared.removeAll(probe.valueNames());
    assertTrue(undeclared.isEmpty(), probe.name() + " measured undeclared values " + undeclared);
    return result;
  }

  Map<String, Probe> probes() {
    return Probes.using(learner, accounts);
  }

  /** A fake /proc/PID with uid_map, gid_map and namespace links named like the kernel's. */
  Path process(long pid, String uidMap, Map<String, String> namespaces) throws IOException {
    Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
    write(dir.resolve("uid_map"), uidMap);
    write(dir.resolve("gid_map"), uidMap);
    Path ns = Files.createDirectories(dir.resolve("ns"));
    for (Map.Entry<String, String> link : namespaces.entrySet()) {
      // The targets ("net:[4026531833]") do not exist; readSymbolicLink does not care.
      Files.createSymbolicLink(ns.resolve(link.getKey()), Path.of(link.getValue()));
    }
    return dir;
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
