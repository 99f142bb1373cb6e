package dev.rootlessctr.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.exec.Expansion;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.io.LenientText;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Expectation.ExitStatus;
import dev.rootlessctr.lesson.Expectation.JsonValue;
import dev.rootlessctr.lesson.Expectation.OutputContains;
import dev.rootlessctr.lesson.Expectation.OutputMatches;
import dev.rootlessctr.lesson.Expectation.PathState;
import dev.rootlessctr.lesson.Expectation.ProbeCall;
import dev.rootlessctr.lesson.Placeholders;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a step's expectations against the last command's outcome and the real state.
 *
 * <p>It only reads. Every expectation is evaluated (not just up to the first failure) so the
 * learner sees everything that is still missing.
 */
public final class Checker {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Checks {@code step}; {@code outcome} is the last command run in this step, if any. */
  public CheckReport check(Step step, Optional<Outcome> outcome, CheckContext context) {
    return check(step, outcome, Observations.none(), context);
  }

  /**
   * Checks {@code step}, taking its "while it runs" expectations from what was {@code observed}
   * during the command when they held then, and from the state now otherwise (a container started
   * detached is still there to look at).
   */
  public CheckReport check(
      Step step, Optional<Outcome> outcome, Observations observed, CheckContext context) {
    Map<String, String> values = new LinkedHashMap<>(context.builtIns());
    outcome.ifPresent(o -> values.put("exit", String.valueOf(o.exitCode())));
    values.putAll(observed.values());
    List<ExpectationResult> results = new ArrayList<>();
    for (Expectation expectation : step.whileRunning()) {
      ExpectationResult seen = observed.results().get(expectation);
      if (seen != null && seen.passed()) {
        results.add(whileItRan(seen));
        continue;
      }
      ExpectationResult now = evaluate(expectation, outcome, context, values);
      results.add(now.passed() || seen == null ? now : whileItRan(seen));
    }
    for (Expectation expectation : step.expectations()) {
      results.add(evaluate(expectation, outcome, context, values));
    }
    return new CheckReport(results, values);
  }

  private static ExpectationResult whileItRan(ExpectationResult seen) {
    return new ExpectationResult(
        seen.expectation(),
        seen.passed(),
        "while it ran: " + seen.description(),
        seen.expected(),
        seen.actual());
  }

  /** Evaluates one expectation, adding the values it measured to {@code values}. */
  public ExpectationResult evaluate(
      Expectation expectation,
      Optional<Outcome> outcome,
      CheckContext context,
      Map<String, String> values) {
    if (expectation instanceof ExitStatus exit) {
      return outcome
          .map(o -> exitStatus(exit, o))
          .orElseGet(() -> notRun(expectation, describe(exit)));
    }
    if (expectation instanceof OutputContains contains) {
      return outcome
          .map(o -> contains(contains, o))
          .orElseGet(() -> notRun(expectation, describe(contains)));
    }
    if (expectation instanceof OutputMatches matches) {
      return outcome
          .map(o -> matches(matches, o))
          .orElseGet(() -> notRun(expectation, describe(matches)));
    }
    if (expectation instanceof PathState path) {
      return path(path, context);
    }
    if (expectation instanceof JsonValue json) {
      return json(json, context);
    }
    return probe((ProbeCall) expectation, context, values);
  }

  private static ExpectationResult notRun(Expectation expectation, String description) {
    return new ExpectationResult(
        expectation, false, description, description, "no command has run in this step yet");
  }

  private static String describe(ExitStatus exit) {
    return exit.nonZero()
        ? "the command fails (non-zero exit status)"
        : "exit status " + exit.status();
  }

  private static String describe(OutputContains contains) {
    return (contains.negated() ? "output does not contain \"" : "output contains \"")
        + contains.text()
        + "\"";
  }

  private static String describe(OutputMatches matches) {
    return "output matches /" + matches.pattern().pattern() + "/";
  }

  private static ExpectationResult exitStatus(ExitStatus exit, Outcome outcome) {
    int code = outcome.exitCode();
    boolean passed = exit.nonZero() ? code != 0 : code == exit.status();
    String actual =
        "exit status " + code + (outcome.interrupted() ? " (interrupted with Ctrl-C)" : "");
    return new ExpectationResult(exit, passed, describe(exit), describe(exit), actual);
  }

  private static ExpectationResult contains(OutputContains contains, Outcome outcome) {
    boolean found = outcome.output().contains(contains.text());
    boolean passed = found != contains.negated();
    String actual =
        found
            ? "it does: " + lineWith(outcome.output(), contains.text())
            : "it does not; last output: " + tail(outcome.output());
    return new ExpectationResult(contains, passed, describe(contains), describe(contains), actual);
  }

  private static ExpectationResult matches(OutputMatches matches, Outcome outcome) {
    for (String line : outcome.output().split("\n")) {
      if (matches.pattern().matcher(line).find()) {
        return new ExpectationResult(
            matches, true, describe(matches), describe(matches), "matched: " + line.strip());
      }
    }
    return new ExpectationResult(
        matches,
        false,
        describe(matches),
        describe(matches),
        "no line matched; last output: " + tail(outcome.output()));
  }

  private static ExpectationResult path(PathState state, CheckContext context) {
    Path path = context.resolve(state.path());
    String shown = state.path();
    boolean exists = Files.exists(path);
    String actual =
        !exists
            ? shown + " does not exist"
            : Files.isDirectory(path) ? shown + " is a directory" : shown + " is a file";
    return switch (state.kind()) {
      case FILE ->
          new ExpectationResult(
              state,
              Files.isRegularFile(path),
              "file " + shown + " exists",
              "a file at " + shown,
              actual);
      case DIRECTORY ->
          new ExpectationResult(
              state,
              Files.isDirectory(path),
              "directory " + shown + " exists",
              "a directory at " + shown,
              actual);
      case ANY ->
          new ExpectationResult(state, exists, shown + " exists", shown + " exists", actual);
      case MISSING ->
          new ExpectationResult(
              state, !exists, shown + " is absent", "nothing at " + shown, actual);
    };
  }

  private static ExpectationResult json(JsonValue json, CheckContext context) {
    String description =
        json.expected() == null
            ? json.file() + " has " + json.pointer()
            : json.file() + " " + json.pointer() + " is " + json.expected();
    Path file = context.resolve(json.file());
    JsonNode root;
    try {
      root = JSON.readTree(LenientText.read(file));
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return new ExpectationResult(
          json,
          false,
          description,
          description,
          json.file() + " is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      return new ExpectationResult(
          json,
          false,
          description,
          description,
          json.file() + " cannot be read (" + reason(e) + ")");
    }
    JsonNode value = root == null ? null : root.at(json.pointer());
    if (value == null || value.isMissingNode()) {
      return new ExpectationResult(
          json, false, description, description, json.pointer() + " is not in " + json.file());
    }
    if (json.expected() == null) {
      return new ExpectationResult(
          json, true, description, description, json.pointer() + " = " + value);
    }
    JsonNode expected = parseLiteral(json.expected());
    return new ExpectationResult(
        json, value.equals(expected), description, json.expected(), value.toString());
  }

  private static JsonNode parseLiteral(String literal) {
    try {
      return JSON.readTree(literal);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(literal); // a bare word means a JSON string
    }
  }

  private static ExpectationResult probe(
      ProbeCall call, CheckContext context, Map<String, String> values) {
    String description =
        "probe " + call.name() + (call.args().isEmpty() ? "" : " " + String.join(" ", call.args()));
    Optional<Probe> probe = context.probe(call.name());
    if (probe.isEmpty()) {
      return new ExpectationResult(
          call,
          false,
          description,
          description,
          "this shell has no probe named '" + call.name() + "'");
    }
    List<String> args =
        call.args().stream()
            .map(a -> Expansion.expand(Placeholders.fill(a, values), context.env()))
            .toList();
    try {
      ProbeResult result = probe.get().run(context.probeContext(), args);
      result.values().forEach((key, value) -> values.put(call.name() + "." + key, value));
      return new ExpectationResult(
          call, result.passed(), description, result.expected(), result.actual());
    } catch (IOException | RuntimeException e) {
      return new ExpectationResult(
          call, false, description, description, "the probe could not look: " + reason(e));
    }
  }

  private static String reason(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String lineWith(String output, String text) {
    for (String line : output.split("\n")) {
      if (line.contains(text)) {
        return line.strip();
      }
    }
    return text;
  }

  static String tail(String output) {
    String trimmed = output.strip();
    if (trimmed.isEmpty()) {
      return "(nothing)";
    }
    String[] lines = trimmed.split("\n");
    return lines[lines.length - 1].strip();
  }
}
