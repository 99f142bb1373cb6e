package dev.rootlessctr.probe;

import dev.rootlessctr.host.RuncState;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** {@code runc-state NAME [STATUS]}: runc knows the container, optionally in a given status. */
final class RuncStateProbe implements Probe {

  @Override
  public String name() {
    return "runc-state";
  }

  @Override
  public String usage() {
    return "runc-state NAME [STATUS]";
  }

  @Override
  public List<String> valueNames() {
    return List.of("id", "pid", "status", "bundle", "rootfs", "created");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 2);
    String name = args.get(0);
    String wantedStatus = args.size() == 2 ? args.get(1) : null;
    String expected =
        "container " + name + (wantedStatus == null ? " exists" : " is " + wantedStatus);
    try {
      RuncState state = new Runc(context).state(name);
      Map<String, String> values =
          Map.of(
              "id", state.id(),
              "pid", Long.toString(state.pid()),
              "status", state.status(),
              "bundle", state.bundle(),
              "rootfs", state.rootfs(),
              "created", state.created());
      String actual =
          "container "
              + name
              + " is "
              + state.status()
              + " (pid "
              + state.pid()
              + ", bundle "
              + state.bundle()
              + ")";
      boolean passed = wantedStatus == null || wantedStatus.equals(state.status());
      return new ProbeResult(passed, expected, actual, values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }
}
