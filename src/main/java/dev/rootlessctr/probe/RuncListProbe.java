package dev.rootlessctr.probe;

import dev.rootlessctr.host.RuncState;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code runc-list}: the containers runc keeps under the course's {@code --root}. */
final class RuncListProbe implements Probe {

  @Override
  public String name() {
    return "runc-list";
  }

  @Override
  public String usage() {
    return "runc-list";
  }

  @Override
  public List<String> valueNames() {
    return List.of("count", "names", "containers");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 0, 0);
    String expected = "runc lists the containers under " + context.runcRoot();
    try {
      List<RuncState> containers = new Runc(context).list();
      String summary = summary(containers);
      return ProbeResult.pass(
          expected,
          containers.size() + " container(s) under " + context.runcRoot() + ": " + summary,
          Map.of(
              "count", Integer.toString(containers.size()),
              "names", names(containers),
              "containers", summary));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  /** "c1, c2", or "none". */
  static String names(List<RuncState> containers) {
    return containers.isEmpty()
        ? "none"
        : String.join(", ", containers.stream().map(RuncState::id).toList());
  }

  /** "c1 (running), c2 (stopped)", or "none". */
  static String summary(List<RuncState> containers) {
    return containers.isEmpty()
        ? "none"
        : String.join(", ", containers.stream().map(RuncState::summary).toList());
  }
}
