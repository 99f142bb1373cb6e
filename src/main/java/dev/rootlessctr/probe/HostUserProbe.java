package dev.rootlessctr.probe;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    UnixIds ids = learner.of(context);
    Optional<Account> account = accounts.user(ids.uid());
    String user = account.map(Account::name).orElse(Long.toString(ids.uid()));
    String home = account.map(Account::home).orElse(context.env().getOrDefault("HOME", ""));
    return ProbeResult.pass(
        "the shell's user",
        "you are " + user + ", uid " + ids.uid() + ", gid " + ids.gid() + ", home " + home,
        Map.of(
            "uid", Long.toString(ids.uid()),
            "user", user,
            "gid", Long.toString(ids.gid()),
            "group", accounts.groupName(ids.gid()),
            "home", home));
  }
}
