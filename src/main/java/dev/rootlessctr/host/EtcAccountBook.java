package dev.rootlessctr.host;

import dev.rootlessctr.io.LenientText;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads passwd(5) and group(5) files: colon-separated, the id in the third field. */
final class EtcAccountBook implements AccountBook {

  private final Path passwd;
  private final Path group;

  EtcAccountBook(Path passwd, Path group) {
    this.passwd = passwd;
    this.group = group;
  }

  @Override
  public Optional<Account> user(long uid) throws IOException {
    // name:password:uid:gid:gecos:home:shell
    for (String[] fields : records(passwd)) {
      if (fields.length >= 6 && String.valueOf(uid).equals(fields[2]) && isNumber(fields[3])) {
        return Optional.of(new Account(uid, Long.parseLong(fields[3]), fields[0], fields[5]));
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> group(long gid) throws IOException {
    // name:password:gid:members
    for (String[] fields : records(group)) {
      if (fields.length >= 3 && String.valueOf(gid).equals(fields[2])) {
        return Optional.of(fields[0]);
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<GroupEntry> groupNamed(String name) throws IOException {
    for (String[] fields : records(group)) {
      if (fields.length >= 4 && fields[0].equals(name) && isNumber(fields[2])) {
        List<String> members =
            Arrays.stream(fields[3].split(","))
                .map(String::strip)
                .filter(member -> !member.isEmpty())
                .toList();
        return Optional.of(new GroupEntry(name, Long.parseLong(fields[2]), members));
      }
    }
    return Optional.empty();
  }

  private static boolean isNumber(String field) {
    return !field.isEmpty() && field.chars().allMatch(Character::isDigit);
  }

  private static List<String[]> records(Path file) throws IOException {
    try {
      return LenientText.lines(file).stream()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split(":", -1))
          .toList();
    } catch (NoSuchFileException missing) {
      return List.of();
    }
  }
}
