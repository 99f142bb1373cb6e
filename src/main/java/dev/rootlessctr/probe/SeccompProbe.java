package dev.rootlessctr.probe;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code seccomp PID|NAME}: the process runs under a seccomp filter, as {@code Seccomp: 2} in its
 * {@code /proc/PID/status} says; runc installs one when the spec has {@code linux.seccomp}.
 */
final class SeccompProbe implements Probe {

  @Override
  public String name() {
    return "seccomp";
  }

  @Override
  public String usage() {
    return "seccomp PID|NAME";
  }

  @Override
  public List<String> valueNames() {
    return List.of("mode", "filters", "processId");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    String expected = args.get(0) + " runs under a seccomp filter (Seccomp: 2 in /proc/PID/status)";
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      ProcStatusFields status = ProcStatusFields.read(process);
      String mode = status.seccompMode();
      Map<String, String> values =
          Map.of(
              "mode", mode,
              "filters", status.seccompFilters(),
              "processId", Long.toString(process.pid()));
      String actual =
          process.label()
              + "'s seccomp mode is "
              + mode
              + " (filters: "
              + values.get("filters")
              + ")";
      if (mode.equals("filter")) {
        return ProbeResult.pass(expected, actual, values);
      }
      String why =
          mode.equals("off")
              ? ": no filter; the spec it was started from has no linux.seccomp, or it was started"
                  + " before the rule was added"
              : "";
      return new ProbeResult(false, expected, actual + why, values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }
}
