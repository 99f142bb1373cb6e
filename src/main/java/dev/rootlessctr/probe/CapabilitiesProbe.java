package dev.rootlessctr.probe;

import dev.rootlessctr.host.Capabilities;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code capabilities PID|NAME [CAP_X|!CAP_X...]}: the capability masks and the seccomp mode in the
 * process's {@code /proc/PID/status}, decoded into names; passes when they can be read and each
 * {@code CAP_X} named is effective and each {@code !CAP_X} is not.
 */
final class CapabilitiesProbe implements Probe {

  @Override
  public String name() {
    return "capabilities";
  }

  @Override
  public String usage() {
    return "capabilities PID|NAME [CAP_X|!CAP_X...]";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "effective",
        "effectiveCount",
        "effectiveHex",
        "permitted",
        "bounding",
        "boundingCount",
        "seccomp",
        "seccompFilters",
        "processId");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, Integer.MAX_VALUE);
    List<String> wanted = args.subList(1, args.size());
    String expected = expectation(args.get(0), wanted);
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      ProcStatusFields status = ProcStatusFields.read(process);
      String effHex = status.required("CapEff:");
      List<String> effective = decode(effHex, "CapEff", process);
      List<String> permitted = decode(status.required("CapPrm:"), "CapPrm", process);
      List<String> bounding = decode(status.required("CapBnd:"), "CapBnd", process);
      Map<String, String> values = new HashMap<>();
      values.put("effective", names(effective));
      values.put("effectiveCount", Integer.toString(effective.size()));
      values.put("effectiveHex", effHex);
      values.put("permitted", names(permitted));
      values.put("bounding", names(bounding));
      values.put("boundingCount", Integer.toString(bounding.size()));
      values.put("processId", Long.toString(process.pid()));
      values.put("seccomp", status.seccompMode());
      values.put("seccompFilters", status.seccompFilters());
      String actual =
          process.label()
              + " has "
              + effective.size()
              + " effective capabilities (CapEff "
              + effHex
              + "): "
              + names(effective)
              + "; seccomp "
              + values.get("seccomp");
      List<String> wrong = new ArrayList<>();
      for (String want : wanted) {
        boolean absent = want.startsWith("!");
        String cap = absent ? want.substring(1) : want;
        if (!Capabilities.isName(cap)) {
          wrong.add(cap + " is not a capability name (CAP_CHOWN, CAP_KILL, ...)");
        } else if (effective.contains(cap) == absent) {
          wrong.add(cap + (absent ? " is effective" : " is not effective"));
        }
      }
      if (wrong.isEmpty()) {
        return ProbeResult.pass(expected, actual, values);
      }
      return new ProbeResult(false, expected, actual + "; but " + String.join(", ", wrong), values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static String expectation(String who, List<String> wanted) {
    String base = "the capabilities of " + who + " can be read from /proc";
    if (wanted.isEmpty()) {
      return base;
    }
    List<String> words = new ArrayList<>();
    for (String want : wanted) {
      words.add(want.startsWith("!") ? "without " + want.substring(1) : "with " + want);
    }
    return base + ", " + String.join(", ", words);
  }

  private static String names(List<String> caps) {
    return caps.isEmpty() ? "none" : String.join(", ", caps);
  }

  private static List<String> decode(String hex, String key, ContainerProcess process)
      throws Unmet {
    try {
      return Capabilities.decode(hex);
    } catch (NumberFormatException e) {
      throw new Unmet(process.label() + "'s " + key + " is not a hex mask: " + hex);
    }
  }
}
