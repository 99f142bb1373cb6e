package dev.rootlessctr.doctor;

import java.util.Optional;

/** Looks up names in {@code /etc/passwd} and {@code /etc/group} text. */
final class PasswdFile {

  private PasswdFile() {}

  /** The user name whose uid (third field) is {@code uid}. */
  static Optional<String> nameOf(String passwd, int uid) {
    for (String line : passwd.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 3 && fields[2].equals(Integer.toString(uid))) {
        return Optional.of(fields[0]);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the learner belongs to {@code group}: listed as a member in group-file text, or
   * holding its gid (as primary or supplementary group).
   */
  static boolean isMember(String groupFile, String group, Learner learner) {
    for (String line : groupFile.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length >= 4 && fields[0].equals(group)) {
        if (fields[2].matches("\\d+") && learner.groups().contains(Integer.parseInt(fields[2]))) {
          return true;
        }
        for (String member : fields[3].split(",")) {
          if (member.trim().equals(learner.name())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
