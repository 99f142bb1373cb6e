package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code file-owner PATH}: the host owner of a file, e.g. one that container root created on a
 * bind-mounted directory; passes when that owner is the learner.
 */
final class FileOwnerProbe implements Probe {

  private final LearnerIds learner;
  private final AccountBook accounts;

  FileOwnerProbe(LearnerIds learner, AccountBook accounts) {
    this.learner = learner;
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "file-owner";
  }

  @Override
  public String usage() {
    return "file-owner PATH";
  }

  @Override
  public List<String> valueNames() {
    return List.of("uid", "user", "gid", "group", "isLearner");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    long learnerUid = learner.of(context).uid();
    String you = accounts.nameAndUid(learnerUid);
    String shown = args.get(0);
    String expected = shown + " exists and is owned by you, " + you;
    Path file = context.resolve(shown);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return ProbeResult.fail(expected, shown + " does not exist (looked at " + file + ")");
    }
    long uid = unsignedId(file, "unix:uid");
    long gid = unsignedId(file, "unix:gid");
    boolean isLearner = uid == learnerUid;
    Map<String, String> values =
        Map.of(
            "uid", Long.toString(uid),
            "user", accounts.userName(uid),
            "gid", Long.toString(gid),
            "group", accounts.groupName(gid),
            "isLearner", Boolean.toString(isLearner));
    String actual =
        shown
            + " is owned by uid "
            + accounts.describeUser(uid)
            + ", group "
            + accounts.groupName(gid);
    if (isLearner && uid != 0) {
      return ProbeResult.pass(expected, actual, values);
    }
    String why =
        isLearner
            ? ": you are root, so owners say nothing about rootless containers; run the course as"
                + " an unprivileged user"
            : ", not by you, " + you;
    return new ProbeResult(false, expected, actual + why, values);
  }

  // unix:uid is an Integer; ids above 2^31 (e.g. nobody's 4294967294 on some systems) wrap.
  private static long unsignedId(Path file, String attribute) throws IOException {
    return Integer.toUnsignedLong(
        (Integer) Files.getAttribute(file, attribute, LinkOption.NOFOLLOW_LINKS));
  }
}
