package dev.rootlessctr.verify;

import java.io.PrintWriter;
import java.util.List;

/**
 * The report as it is printed, one line per step as soon as it is known: plain ({@code ok 3 -
 * spec/1 Generate a rootless spec (0.12 s)}) or TAP version 13, whose plan and YAML blocks it adds.
 * Both read the same way to a person.
 */
final class StepLines {

  private final PrintWriter out;
  private final boolean tap;

  StepLines(PrintWriter out, boolean tap) {
    this.out = out;
    this.tap = tap;
  }

  /** Before the first step: TAP's version line and plan. */
  void start(int steps) {
    if (tap) {
      out.println("TAP version 13");
      out.println("1.." + steps);
    }
    out.flush();
  }

  void step(StepResult result) {
    String status = result.verdict() == StepResult.Verdict.FAILED ? "not ok" : "ok";
    String line = status + " " + result.number() + " - " + result.name().replace("#", "\\#");
    if (result.verdict() == StepResult.Verdict.SKIPPED) {
      out.println(line + " # SKIP " + String.join("; ", result.reasons()));
    } else {
      out.println(line + " (" + result.seconds() + " s)");
    }
    if (result.verdict() == StepResult.Verdict.FAILED) {
      details(result);
    }
    out.flush();
  }

  private void details(StepResult result) {
    List<String> tail = result.output().lines().toList();
    tail = tail.subList(Math.max(0, tail.size() - 15), tail.size());
    if (tap) {
      out.println("  ---");
      out.println("  message: " + yamlString(String.join("; ", result.reasons())));
      out.println("  duration_ms: " + result.time().toMillis());
      out.println("  output: |-");
      tail.forEach(l -> out.println("    " + l));
      if (tail.isEmpty()) {
        out.println("    (nothing)");
      }
      out.println("  ...");
    } else {
      result.reasons().forEach(r -> out.println("    " + r));
      if (!tail.isEmpty()) {
        out.println("    last lines printed:");
        tail.forEach(l -> out.println("      " + l));
      }
    }
  }

  /** The closing summary; in TAP a comment, so that strict TAP readers skip it. */
  void summary(Tally tally, List<String> blockers) {
    blockers.forEach(b -> out.println((tap ? "# " : "") + "doctor: " + b));
    out.println((tap ? "# " : "") + tally.summary());
    out.flush();
  }

  /** A double-quoted YAML scalar. */
  static String yamlString(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
