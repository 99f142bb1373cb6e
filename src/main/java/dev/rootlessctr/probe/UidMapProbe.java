package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code uid-map PID|NAME}: container uid 0 is the learner's own uid on the host. */
final class UidMapProbe implements Probe {

  private final LearnerIds learner;
  private final AccountBook accounts;

  UidMapProbe(LearnerIds learner, AccountBook accounts) {
    this.learner = learner;
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "uid-map";
  }

  @Override
  public String usage() {
    return "uid-map PID|NAME";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "containerID",
        "hostID",
        "size",
        "hostUser",
        "line",
        "processId",
        "gidLine",
        "gidHostID",
        "lines",
        "ranges",
        "total",
        "gidLines",
        "gidTotal");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    long learnerUid = learner.of(context).uid();
    String you = accounts.nameAndUid(learnerUid);
    String expected = "container uid 0 maps to you on the host, " + you;
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      List<IdMapping> uids = IdMapping.read(process.procDir().resolve("uid_map"), process.label());
      List<IdMapping> gids = IdMapping.read(process.procDir().resolve("gid_map"), process.label());
      IdMapping root = rootMapping(uids, process);
      Map<String, String> values = new HashMap<>();
      values.put("containerID", Long.toString(root.containerId()));
      values.put("hostID", Long.toString(root.hostId()));
      values.put("size", Long.toString(root.size()));
      values.put("hostUser", accounts.userName(root.hostId()));
      values.put("line", root.line());
      values.put("processId", Long.toString(process.pid()));
      IdMapping gidRoot =
          gids.stream().filter(m -> m.containerId() == 0).findFirst().orElse(gids.get(0));
      values.put("gidLine", gidRoot.line());
      values.put("gidHostID", Long.toString(gidRoot.hostId()));
      // Every line, for a container with more than its root mapped (newuidmap and /etc/subuid).
      values.put("lines", IdMapping.lines(uids));
      values.put("ranges", Integer.toString(uids.size()));
      values.put("total", Long.toString(IdMapping.total(uids)));
      values.put("gidLines", IdMapping.lines(gids));
      values.put("gidTotal", Long.toString(IdMapping.total(gids)));
      String actual = "uid_map of " + process.label() + " says \"" + root.line() + "\"";
      if (root.hostId() == learnerUid && learnerUid != 0 && !root.isHostIdentity()) {
        return ProbeResult.pass(
            expected,
            actual + ": container uid 0 -> host uid " + accounts.describeUser(root.hostId()),
            values);
      }
      return new ProbeResult(
          false, expected, actual + ": " + mismatch(root, learnerUid, you), values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static IdMapping rootMapping(List<IdMapping> uids, ContainerProcess process)
      throws Unmet {
    return uids.stream()
        .filter(mapping -> mapping.containerId() == 0)
        .findFirst()
        .orElseThrow(
            () ->
                new Unmet(
                    process.label()
                        + " maps no container uid 0 (uid_map: "
                        + uids.stream().map(IdMapping::line).toList()
                        + ")"));
  }

  private String mismatch(IdMapping root, long learnerUid, String you) throws IOException {
    if (root.isHostIdentity()) {
      return "this process is in the host's own user namespace, not in a rootless container";
    }
    if (root.hostId() == 0 && learnerUid == 0) {
      return "you are root, so container root is the host's root and nothing is rootless: run"
          + " the course as an unprivileged user";
    }
    if (root.hostId() == 0) {
      return "container root is the host's root: the container was started as root, not as you, "
          + you;
    }
    return "container uid 0 is host uid "
        + accounts.describeUser(root.hostId())
        + ", not yours: you are "
        + you;
  }
}
