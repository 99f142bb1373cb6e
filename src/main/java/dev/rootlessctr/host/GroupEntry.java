package dev.rootlessctr.host;

import java.util.List;

/**
 * One group from the host's group database ({@code /etc/group}).
 *
 * @param members the user names listed in its fourth field (not those for whom it is primary)
 */
public record GroupEntry(String name, long gid, List<String> members) {

  public GroupEntry {
    members = List.copyOf(members);
  }

  /** Whether {@code user} belongs to it: listed as a member, or holding its gid. */
  public boolean includes(HostUser user) {
    return user.groups().contains(gid) || members.contains(user.name());
  }
}
