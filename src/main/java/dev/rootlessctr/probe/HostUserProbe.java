package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code host-user}: who the learner is on the host, for explanations to quote. */
final class HostUserProbe implements Probe {

  private final LearnerIds learner;
  private final AccountBook accounts;

  HostUserProbe(LearnerIds learner, AccountBook accounts) {
    this.learner = learner;
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "host-user";
  }

  @Override
  public String usage() {
    return "host-user";
  }

  @Override
  public List<String> valueNames() {
    return List.of("uid", "user", "gid", "group", "home");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 0, 0);
    HostUser user = learner.of(context);
    String home = user.home().toString();
    return ProbeResult.pass(
        "the shell's user",
        "you are " + user.name() + ", uid " + user.uid() + ", gid " + user.gid() + ", home " + home,
        Map.of(
            "uid", Long.toString(user.uid()),
            "user", user.name(),
            "gid", Long.toString(user.gid()),
            "group", accounts.groupName(user.gid()),
            "home", home));
  }
}
