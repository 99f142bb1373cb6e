package dev.rootlessctr.doctor;

import java.util.Set;

/**
 * Who runs the doctor, as {@code /proc/self/status} and {@code /etc/passwd} say.
 *
 * @param uid the effective uid, or -1 when it could not be read
 * @param name the user name, or {@code uid N} when passwd does not know it
 * @param groups the effective gid and supplementary groups
 */
record Learner(int uid, String name, Set<Integer> groups) {

  Learner {
    groups = Set.copyOf(groups);
  }

  static Learner of(HostView host) {
    int uid = host.effectiveUid().orElse(-1);
    String name = host.userName(uid).orElse("uid " + uid);
    Set<Integer> groups = host.read("/proc/self/status").map(ProcStatus::groups).orElse(Set.of());
    return new Learner(uid, name, groups);
  }

  boolean known() {
    return uid >= 0;
  }

  boolean isRoot() {
    return uid == 0;
  }
}
