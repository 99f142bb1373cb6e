package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Expectation.PathState.Kind;
import dev.rootlessctr.lesson.Placeholders;
import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {

  @TempDir Path dir;

  private final Checker checker = new Checker();

  private CheckContext context(Map<String, Probe> probes) {
    Map<String, String> env = Map.of("HOME", dir.toString(), "BUNDLE", "bundle");
    return new CheckContext(
        dir,
        env,
        Map.of("uid", "1001"),
        probes,
        new ProbeContext(dir, env, dir.resolve("runc"), Path.of("/proc"), ProcessRunner.system()));
  }

  private static Step step(Expectation... expectations) {
    return new Step(
        1,
        "s",
        1,
        Prose.empty(1),
        List.of(),
        List.of(),
        List.of(expectations),
        List.of(),
        Prose.empty(1),
        List.of(),
        List.of());
  }

  private static Outcome outcome(int exit, String output) {
    return new Outcome("cmd", exit, output, Duration.ZERO, false);
  }

  @Test
  void exitStatusComparesNumbersAndNonZero() {
    Step zero = step(new Expectation.ExitStatus(0, 1));
    Step failing = step(new Expectation.ExitStatus(null, 1));
    assertTrue(checker.check(zero, Optional.of(outcome(0, "")), context(Map.of())).passed());
    CheckReport wrong = checker.check(zero, Optional.of(outcome(2, "")), context(Map.of()));
    assertFalse(wrong.passed());
    assertEquals("exit status 2", wrong.firstFailure().orElseThrow().actual());
    assertTrue(checker.check(failing, Optional.of(outcome(1, "")), context(Map.of())).passed());
    assertFalse(checker.check(failing, Optional.of(outcome(0, "")), context(Map.of())).passed());
  }

  @Test
  void outputExpectationsNeedACommandToHaveRun() {
    CheckReport report =
        checker.check(
            step(new Expectation.OutputContains("x", false, 1)),
            Optional.empty(),
            context(Map.of()));
    assertFalse(report.passed());
    assertEquals(
        "no command has run in this step yet", report.firstFailure().orElseThrow().actual());
  }

  @Test
  void outputContainsLacksAndMatches() {
    Optional<Outcome> ran = Optional.of(outcome(1, "touch: /tmp/toto: Read-only file system\n"));
    assertTrue(
        checker
            .check(
                step(new Expectation.OutputContains("Read-only file system", false, 1)),
                ran,
                context(Map.of()))
            .passed());
    assertFalse(
        checker
            .check(
                step(new Expectation.OutputContains("Read-only file system", true, 1)),
                ran,
                context(Map.of()))
            .passed());
    assertTrue(
        checker
            .check(
                step(new Expectation.OutputMatches(Pattern.compile("^touch: .*toto"), 1)),
                ran,
                context(Map.of()))
            .passed());
    CheckReport miss =
        checker.check(
            step(new Expectation.OutputMatches(Pattern.compile("^hello"), 1)),
            ran,
            context(Map.of()));
    assertEquals(
        "no line matched; last output: touch: /tmp/toto: Read-only file system",
        miss.firstFailure().orElseThrow().actual());
  }

  @Test
  void pathsResolveAgainstTheLearnersDirectoryWithTildeAndVariables() throws Exception {
    Files.createDirectories(dir.resolve("bundle/rootfs"));
    Files.writeString(dir.resolve("note"), "x");
    assertTrue(
        checker
            .check(
                step(new Expectation.PathState("$BUNDLE/rootfs", Kind.DIRECTORY, 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    assertTrue(
        checker
            .check(
                step(new Expectation.PathState("~/note", Kind.FILE, 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    assertTrue(
        checker
            .check(
                step(new Expectation.PathState("gone", Kind.MISSING, 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    CheckReport report =
        checker.check(
            step(new Expectation.PathState("note", Kind.DIRECTORY, 1)),
            Optional.empty(),
            context(Map.of()));
    assertEquals("note is a file", report.firstFailure().orElseThrow().actual());
  }

  @Test
  void jsonValuesAreComparedAsJsonAndSyntaxErrorsPointAtLineAndColumn() throws Exception {
    Files.writeString(
        dir.resolve("config.json"),
        "{\n\t\"root\": {\"readonly\": true},\n\t\"process\": {\"args\": [\"sh\"]}\n}\n");
    assertTrue(
        checker
            .check(
                step(new Expectation.JsonValue("config.json", "/root/readonly", "true", 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    assertTrue(
        checker
            .check(
                step(new Expectation.JsonValue("config.json", "/process/args", "[\"sh\"]", 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    assertTrue(
        checker
            .check(
                step(new Expectation.JsonValue("config.json", "/process/args/0", "sh", 1)),
                Optional.empty(),
                context(Map.of()))
            .passed());
    CheckReport absent =
        checker.check(
            step(new Expectation.JsonValue("config.json", "/mounts", null, 1)),
            Optional.empty(),
            context(Map.of()));
    assertEquals("/mounts is not in config.json", absent.firstFailure().orElseThrow().actual());

    Files.writeString(dir.resolve("config.json"), "{\n\t\"root\": {\"readonly\": true},\n}\n");
    CheckReport broken =
        checker.check(
            step(new Expectation.JsonValue("config.json", "/root/readonly", "true", 1)),
            Optional.empty(),
            context(Map.of()));
    assertTrue(
        broken
            .firstFailure()
            .orElseThrow()
            .actual()
            .startsWith("config.json is not valid JSON at line 3, column 1"),
        broken.firstFailure().orElseThrow().actual());
  }

  @Test
  void probeValuesAreNamespacedForExplanationsAndArgumentsExpanded() {
    Probe echo =
        new Probe() {
          @Override
          public String name() {
            return "echo";
          }

          @Override
          public String usage() {
            return "echo WORD";
          }

          @Override
          public ProbeResult run(ProbeContext context, List<String> args) {
            return ProbeResult.pass("anything", "saw " + args, Map.of("word", args.get(0)));
          }
        };
    CheckReport report =
        checker.check(
            step(new Expectation.ProbeCall("echo", List.of("~/x"), 1)),
            Optional.empty(),
            context(Map.of("echo", echo)));
    assertTrue(report.passed());
    assertEquals(dir + "/x", report.values().get("echo.word"));
    assertEquals(
        "uid " + "1001" + " -> " + dir + "/x",
        Placeholders.fill("uid {{uid}} -> {{echo.word}}", report.values()));
  }

  @Test
  void anUnknownProbeFailsWithItsName() {
    CheckReport report =
        checker.check(
            step(new Expectation.ProbeCall("nope", List.of(), 1)),
            Optional.empty(),
            context(Map.of()));
    assertEquals(
        "this shell has no probe named 'nope'", report.firstFailure().orElseThrow().actual());
  }

  @Test
  void everyExpectationIsReportedNotOnlyTheFirstFailure() {
    CheckReport report =
        checker.check(
            step(
                new Expectation.PathState("a", Kind.FILE, 1),
                new Expectation.PathState("b", Kind.FILE, 2)),
            Optional.empty(),
            context(Map.of()));
    assertEquals(2, report.results().stream().filter(r -> !r.passed()).count());
  }
}
