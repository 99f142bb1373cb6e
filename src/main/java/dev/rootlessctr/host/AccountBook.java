package dev.rootlessctr.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Names for host uids and gids, so messages can say "1001 (learner)" instead of a number. */
public interface AccountBook {

  Optional<Account> user(long uid) throws IOException;

  Optional<String> group(long gid) throws IOException;

  /** The group called {@code name}, with its listed members. */
  Optional<GroupEntry> groupNamed(String name) throws IOException;

  /** The host's {@code /etc/passwd} and {@code /etc/group}. */
  static AccountBook etc() {
    return files(Path.of("/etc/passwd"), Path.of("/etc/group"));
  }

  /** Files in passwd(5) and group(5) format, read on every lookup (they are small). */
  static AccountBook files(Path passwd, Path group) {
    return new EtcAccountBook(passwd, group);
  }

  /** "1001 (learner)", or just the number when the host has no name for it. */
  default String describeUser(long uid) throws IOException {
    return user(uid).map(account -> uid + " (" + account.name() + ")").orElse(String.valueOf(uid));
  }

  /** "learner (uid 1001)", or "uid 1001" when the host has no name for it. */
  default String nameAndUid(long uid) throws IOException {
    return user(uid).map(account -> account.name() + " (uid " + uid + ")").orElse("uid " + uid);
  }

  /** The user's name, or the number when the host has no name for it. */
  default String userName(long uid) throws IOException {
    return user(uid).map(Account::name).orElse(String.valueOf(uid));
  }

  /** The group's name, or the number when the host has no name for it. */
  default String groupName(long gid) throws IOException {
    return group(gid).orElse(String.valueOf(gid));
  }
}
