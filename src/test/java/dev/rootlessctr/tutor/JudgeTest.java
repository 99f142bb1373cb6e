package dev.rootlessctr.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.check.CheckReport;
import dev.rootlessctr.check.ExpectationResult;
import dev.rootlessctr.exec.Outcome;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Placeholders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judge's decisions on the real course, for the lines people really type: the playground
 * README's, verbatim, and its usual slips. The state checks are stood in for, so each verdict is
 * asserted as a value, not as text on a screen.
 */
class JudgeTest {

  private static final Path LAB = Path.of("/home/ada/rootless-ctr-lab");
  private static final Path RUNC_ROOT = Path.of("/run/user/1000/rootless-ctr-runc");
  private static final Map<String, String> ENV =
      Map.of("HOME", "/home/ada", "RUNC_ROOT", RUNC_ROOT.toString());
  private static final Map<String, String> BUILT_INS =
      Map.of(
          "home",
          "/home/ada",
          "user",
          "ada",
          "uid",
          "1000",
          "runc_root",
          RUNC_ROOT.toString(),
          "lab",
          LAB.toString());

  private Course course;
  private LineMatcher matcher;

  /** Which steps' checks hold, as the fake state has it; checks that ran, with what names. */
  private final Set<String> holding = new HashSet<>();

  private final Map<String, Bindings> checkedWith = new HashMap<>();
  private final Set<String> done = new HashSet<>();
  private final Map<Path, String> foreignDirs = new HashMap<>();
  private String registry = "offline";

  @BeforeEach
  void load() throws Exception {
    course = new CourseLoader().load(TestPaths.project().resolve("lessons/rootless"));
    matcher = new LineMatcher(course, text -> Placeholders.fill(text, BUILT_INS), ENV, RUNC_ROOT);
  }

  private Judge judge() {
    StepChecks checks =
        (step, outcome, seen, bindings) -> {
          String key = keyOf(step);
          checkedWith.put(key, bindings);
          Expectation any =
              step.expectations().isEmpty()
                  ? step.whileRunning().get(0)
                  : step.expectations().get(0);
          boolean passed = holding.contains(key);
          return new CheckReport(
              List.of(
                  new ExpectationResult(
                      any,
                      passed,
                      "the check of " + key,
                      "it holds",
                      passed ? "it holds" : "it does not")),
              Map.of("k", key));
        };
    HostFacts host =
        new HostFacts() {
          @Override
          public Optional<String> foreignOwner(Path dir) {
            return Optional.ofNullable(foreignDirs.get(dir));
          }

          @Override
          public Set<String> subcommands(String program) {
            // What runc 1.1.5 lists in its --help.
            return program.equals("runc")
                ? Set.of(
                    "create", "delete", "exec", "kill", "list", "ps", "run", "spec", "start",
                    "state")
                : Set.of();
          }
        };
    return new Judge(
        course,
        matcher,
        checks,
        host,
        text -> Placeholders.fill(text, BUILT_INS),
        Map.of("registry", registry));
  }

  private String keyOf(dev.rootlessctr.lesson.Step step) {
    for (Lesson lesson : course.lessons()) {
      if (lesson.steps().stream()
          .anyMatch(s -> s.line() == step.line() && s.title().equals(step.title()))) {
        return lesson.id() + "/" + step.number();
      }
    }
    throw new AssertionError(step.title());
  }

  private Position at(String id, int step) {
    return new Position(course.find(id).orElseThrow(), step);
  }

  private static String key(Position p) {
    return p.lesson().id() + "/" + p.stepNumber();
  }

  private Verdict judge(String line, int exit, String output, Position current) {
    List<Match> matches = matcher.match(line, ENV, LAB);
    Outcome outcome = new Outcome(line, exit, output, Duration.ofMillis(10), false);
    LineFacts facts = new LineFacts(line, outcome, LAB, ENV, matches, Map.of(), Bindings.none());
    return judge().judge(facts, p -> done.contains(key(p)), Optional.of(current));
  }

  private static List<String> credited(Verdict verdict) {
    return assertInstanceOf(Verdict.Completed.class, verdict).credits().stream()
        .map(c -> key(c.step()))
        .toList();
  }

  @Test
  void thePlaygroundsRunLineMatchesEveryRunStepWithTheLearnersNamesAndRoot() {
    List<Match> matches = matcher.match("runc --root /tmp/runc run -b alpine-bundle c1", ENV, LAB);
    assertEquals(
        List.of("run/1", "readonly/1", "home-mount/2"),
        matches.stream().map(m -> key(m.position())).toList());
    Bindings b = matches.get(0).bindings();
    assertEquals(Map.of("busybox-bundle", "alpine-bundle", "myctr", "c1"), b.names());
    assertEquals(Optional.of(Path.of("/tmp/runc")), b.runcRoot());
    assertTrue(matches.stream().allMatch(Match::strong));
  }

  @Test
  void theCoursesOwnRootIsNoBindingAndARelativeRootIsResolved() {
    Match own =
        matcher.match("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr", ENV, LAB).get(0);
    assertTrue(own.bindings().isEmpty(), own.toString());
    Match relative =
        matcher.match("runc --root state run -b busybox-bundle myctr", ENV, LAB).get(0);
    assertEquals(Optional.of(LAB.resolve("state")), relative.bindings().runcRoot());
  }

  @Test
  void anAlpinePullIsLessonOnesPullWithAlpineForBusybox() {
    List<Match> matches =
        matcher.match(
            "skopeo --insecure-policy copy docker://alpine:latest oci:alpine:latest", ENV, LAB);
    Match pull = matches.get(0);
    assertEquals("pull/1", key(pull.position()));
    assertEquals(Map.of("busybox", "alpine"), pull.bindings().names());
    Expectation.ProbeCall probe =
        new Expectation.ProbeCall("oci-layout", List.of("busybox", "latest"), 1);
    assertEquals(
        List.of("alpine", "latest"), ((Expectation.ProbeCall) pull.bindings().apply(probe)).args());
    assertEquals(
        "alpine-bundle/config.json",
        new Bindings(Map.of("busybox-bundle", "alpine-bundle"), Optional.empty())
            .apply("busybox-bundle/config.json"));
    assertEquals(
        "busybox-bundle/config.json",
        pull.bindings().apply("busybox-bundle/config.json"),
        "busybox is not busybox-bundle");
  }

  @Test
  void oneContainerSessionThatDidLessonsFourAndFiveCreditsBothInCourseOrder() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1"));
    holding.addAll(Set.of("run/1", "readonly/1"));
    Verdict verdict =
        judge(
            "runc --root /tmp/runc run -b busybox-bundle myctr",
            0,
            "LOOPBACK\ntouch: /tmp/toto: Read-only file system\n",
            at("spec", 1));
    assertEquals(List.of("run/1", "readonly/1"), credited(verdict));
    Verdict.Completed completed = (Verdict.Completed) verdict;
    assertEquals(
        Optional.of(Path.of("/tmp/runc")), completed.credits().get(0).bindings().runcRoot());
    assertEquals(Optional.of("home-mount/1"), completed.next().map(JudgeTest::key));
    assertEquals(
        Optional.of(Path.of("/tmp/runc")),
        checkedWith.get("run/1").runcRoot(),
        "the check looked in the learner's --root");
  }

  @Test
  void aContainerLineRunFromOutsideIntoADetachedContainerDoesItsStep() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1"));
    holding.addAll(Set.of("run/1", "readonly/1"));
    assertEquals(
        List.of("run/1"),
        credited(
            judge(
                "runc --root /tmp/runc exec myctr ip a",
                0,
                "1: lo: <LOOPBACK,UP>\n",
                at("run", 1))));
    assertEquals(Optional.of(Path.of("/tmp/runc")), checkedWith.get("run/1").runcRoot());
    done.add("run/1");
    assertEquals(
        List.of("readonly/1"),
        credited(
            judge(
                "runc --root \"$RUNC_ROOT\" exec myctr touch /tmp/toto",
                1,
                "touch: /tmp/toto: Read-only file system\n",
                at("readonly", 1))));
    assertInstanceOf(
        Verdict.Unsure.class,
        judge(
            "runc --root \"$RUNC_ROOT\" exec myctr cat /etc/shadow",
            1,
            "cat: can't open\n",
            at("readonly", 1)));
  }

  @Test
  void aLineThatDidNotDoTheStepsWorkPassesNoStepThatExpectsExitStatusZero() {
    holding.addAll(Set.of("unpack/1", "spec/1", "pull/1"));
    assertInstanceOf(Verdict.Quiet.class, judge("true", 0, "", at("unpack", 1)));
    assertInstanceOf(Verdict.Quiet.class, judge("clear", 0, "", at("spec", 1)));
    // Only the step done by an edit, on state alone, is looked at after any line.
    assertEquals(Set.of("home-mount/1"), checkedWith.keySet());
  }

  @Test
  void anEditMadeAnyWayCompletesTheStateOnlyStep() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1", "run/1", "readonly/1"));
    holding.add("home-mount/1");
    Verdict verdict = judge("python3 -c 'import json; ...'", 0, "", at("home-mount", 1));
    assertEquals(List.of("home-mount/1"), credited(verdict));
  }

  @Test
  void theExpectedReadOnlyErrorOfLessonFiveIsNeverLessonSixsMistake() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1", "run/1", "readonly/1"));
    Verdict verdict =
        judge(
            "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr",
            0,
            "touch: /tmp/toto: Read-only file system\n",
            at("readonly", 1));
    assertInstanceOf(Verdict.Quiet.class, verdict);
  }

  @Test
  void readOnlyAtTheHomeMountStepIsThatStepsMistake() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1", "run/1", "readonly/1", "home-mount/1"));
    Verdict verdict =
        judge(
            "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr",
            0,
            "touch: /root/x: Read-only file system\n",
            at("home-mount", 2));
    Verdict.KnownMistake mistake = assertInstanceOf(Verdict.KnownMistake.class, verdict);
    assertEquals("home-mount/2", key(mistake.context()));
    assertEquals("Read-only file system", mistake.mistake().pattern());
  }

  @Test
  void theSeedsLineWithoutRunIsAUsageErrorWithTheCorrectedLine() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1"));
    String usage =
        "Incorrect Usage. flag provided but not defined: -b\n\n"
            + "NAME:\n"
            + "   runc - Open Container Initiative runtime\n"
            + "more\n".repeat(50);
    // At lesson 3, whose runc spec also takes -b: the bundle and the name still say run.
    Verdict verdict =
        judge("runc --root /tmp/runc -b alpine-bundle myctr", 1, usage, at("spec", 1));
    Verdict.WrongUsage wrong = assertInstanceOf(Verdict.WrongUsage.class, verdict);
    assertEquals("runc", wrong.program());
    assertEquals(UsageError.Kind.UNKNOWN_FLAG, wrong.error().kind());
    assertEquals("Incorrect Usage. flag provided but not defined: -b", wrong.error().errorLine());
    assertEquals(
        Optional.of("runc --root /tmp/runc run -b alpine-bundle myctr"), wrong.corrected());
  }

  @Test
  void aMisspeltSubcommandGetsTheCoursesOne() {
    String output =
        "time=\"2026-12-01T14:44:15Z\" level=fatal msg=\"Unrecognized command `skopeo cpy`\\n"
            + "\\n"
            + "Did you mean this?\\n"
            + "\\tcopy\\n"
            + "\"";
    Verdict verdict =
        judge(
            "skopeo --insecure-policy cpy docker://busybox:latest oci:busybox:latest",
            1,
            output,
            at("pull", 1));
    Verdict.WrongUsage wrong = assertInstanceOf(Verdict.WrongUsage.class, verdict);
    assertEquals(
        Optional.of("skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest"),
        wrong.corrected());
  }

  @Test
  void thePlaygroundsStatusIsRuncsState() {
    Verdict verdict =
        judge(
            "runc --root /tmp/runc status myctr",
            1,
            "time=\"2026-12-01T16:22:37Z\" level=error msg=\"No help topic for 'status'\\n\"\n",
            at("run", 1));
    Verdict.WrongUsage wrong = assertInstanceOf(Verdict.WrongUsage.class, verdict);
    assertEquals(UsageError.Kind.UNKNOWN_COMMAND, wrong.error().kind());
    assertEquals(Optional.of("runc --root /tmp/runc state myctr"), wrong.corrected());
  }

  @Test
  void aMistypedToolGetsDidYouMean() {
    Verdict verdict =
        judge(
            "skopoe --insecure-policy copy docker://busybox:latest oci:busybox:latest",
            127,
            "bash: line 1: skopoe: command not found\n",
            at("pull", 1));
    Verdict.NotFound notFound = assertInstanceOf(Verdict.NotFound.class, verdict);
    assertEquals(Optional.of("skopeo"), notFound.suggestion());
    assertEquals(
        Optional.of("skopeo --insecure-policy copy docker://busybox:latest oci:busybox:latest"),
        notFound.corrected());
  }

  @Test
  void aContainerLineTypedOnTheHostIsNamedAsSuch() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1", "run/1"));
    Verdict verdict = judge("touch /tmp/toto", 0, "", at("readonly", 1));
    Verdict.WrongSide side = assertInstanceOf(Verdict.WrongSide.class, verdict);
    assertEquals(Verdict.Side.HOST, side.ranOn());
    assertEquals(Optional.of("readonly/1"), side.step().map(JudgeTest::key));
    assertEquals(
        Optional.of("runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr"), side.start());
  }

  @Test
  void aHostCommandTypedInTheContainerIsNamedAsSuch() {
    Verdict verdict =
        judge(
            "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr",
            0,
            "/ # runc list\nsh: runc: not found\n/ # exit\n",
            at("run", 1));
    Verdict.WrongSide side = assertInstanceOf(Verdict.WrongSide.class, verdict);
    assertEquals(Verdict.Side.CONTAINER, side.ranOn());
    assertEquals("runc", side.command());
  }

  @Test
  void aStateDirectoryOfAnotherUserIsExplained() {
    foreignDirs.put(Path.of("/tmp/runc"), "bob (uid 1001)");
    Verdict verdict =
        judge(
            "runc --root /tmp/runc run -b busybox-bundle myctr",
            1,
            "runc run failed: mkdir /tmp/runc/myctr: permission denied\n",
            at("run", 1));
    Verdict.ForeignStateDir foreign = assertInstanceOf(Verdict.ForeignStateDir.class, verdict);
    assertEquals(Path.of("/tmp/runc"), foreign.dir());
    assertEquals("bob (uid 1001)", foreign.owner());
  }

  @Test
  void anAlpinePullOfflineIsTheMirrorsLimitNotAnOnlineProblem() {
    String output =
        "FATA[0000] initializing source docker://alpine:latest: reading manifest latest in"
            + " docker.io/library/alpine: manifest unknown\n";
    Verdict.KnownMistake offline =
        assertInstanceOf(
            Verdict.KnownMistake.class,
            judge(
                "skopeo --insecure-policy copy docker://alpine:latest oci:alpine:latest",
                1,
                output,
                at("pull", 1)));
    assertEquals(
        Map.of("registry", Set.of("offline")), offline.mistake().when(), offline.toString());
    registry = "workshop";
    Verdict.KnownMistake workshop =
        assertInstanceOf(
            Verdict.KnownMistake.class,
            judge(
                "skopeo --insecure-policy copy docker://alpine:latest oci:alpine:latest",
                1,
                output,
                at("pull", 1)));
    assertEquals(
        Map.of("registry", Set.of("workshop")), workshop.mistake().when(), workshop.toString());
  }

  @Test
  void anUnknownErrorOfACommandOutsideTheCourseIsNotGuessed() {
    Verdict.Unsure other =
        assertInstanceOf(
            Verdict.Unsure.class, judge("podman ps", 125, "Error: no such thing\n", at("run", 1)));
    assertEquals("podman", other.program());
    assertEquals(false, other.inCourse());
    Verdict.Unsure ps =
        assertInstanceOf(
            Verdict.Unsure.class,
            judge(
                "runc --root \"$RUNC_ROOT\" ps myctr",
                1,
                "container does not exist: no such file or directory\n",
                at("spec", 1)));
    assertEquals("container does not exist: no such file or directory", ps.lastLine());
    assertEquals(true, ps.inCourse());
  }

  @Test
  void anotherRuntimeOrUnpackerIsNamedNotJudged() {
    Verdict.OtherTool crun =
        assertInstanceOf(
            Verdict.OtherTool.class,
            judge(
                "crun --root /tmp/crun run -b busybox-bundle myctr",
                1,
                "crun: error: no such file or directory\n",
                at("run", 1)));
    assertEquals("crun", crun.program());
    assertEquals("runc", crun.courseProgram());
    assertEquals(Optional.of("run/1"), crun.step().map(JudgeTest::key));
    assertEquals("crun: error: no such file or directory", crun.lastLine());
    Verdict.OtherTool umoci =
        assertInstanceOf(
            Verdict.OtherTool.class,
            judge(
                "umoci unpack --rootless --image busybox:latest umoci-bundle",
                0,
                "",
                at("unpack", 1)));
    assertEquals("oci-image-tool", umoci.courseProgram());
    assertEquals(0, umoci.exitCode());
  }

  @Test
  void theFirstCommandOfATwoCommandStepLeadsToTheSecondWithTheLearnersNames() {
    done.add("pull/1");
    Verdict verdict = judge("mkdir -p alpine-bundle/rootfs", 0, "", at("unpack", 1));
    Verdict.NextCommand next = assertInstanceOf(Verdict.NextCommand.class, verdict);
    assertEquals(
        "oci-image-tool unpack --ref name=latest busybox alpine-bundle/rootfs", next.next());
  }

  @Test
  void theStepsCommandThatFailsItsCheckSaysWhatIsMissing() {
    done.addAll(Set.of("pull/1", "unpack/1"));
    Verdict verdict = judge("runc spec -b busybox-bundle", 0, "", at("spec", 1));
    Verdict.NotYet notYet = assertInstanceOf(Verdict.NotYet.class, verdict);
    assertEquals("spec/1", key(notYet.step()));
  }

  @Test
  void theNextCommandSuggestedUsesTheLearnersOwnRoot() {
    Course deeper;
    try {
      deeper = new CourseLoader().load(TestPaths.project().resolve("lessons/deeper"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    course = deeper;
    matcher = new LineMatcher(course, text -> Placeholders.fill(text, BUILT_INS), ENV, RUNC_ROOT);
    done.addAll(Set.of("lifecycle/1", "lifecycle/2"));
    Verdict verdict =
        judge("runc --root /tmp/runc create -b deep-bundle bg", 0, "", at("lifecycle", 3));
    assertEquals(
        "ls \"/tmp/runc/bg\"", assertInstanceOf(Verdict.NextCommand.class, verdict).next());
    Expectation.PathState fifo =
        new Expectation.PathState("$RUNC_ROOT/bg/exec.fifo", Expectation.PathState.Kind.ANY, 1);
    assertEquals(
        "/tmp/runc/bg/exec.fifo",
        ((Expectation.PathState)
                new Bindings(Map.of(), Optional.of(Path.of("/tmp/runc"))).apply(fifo))
            .path());
  }

  @Test
  void aLineThatPreparesTheCurrentStepDoesNotDoALaterStepWithTheSameCommand() throws Exception {
    course = new CourseLoader().load(TestPaths.project().resolve("lessons/deeper"));
    matcher = new LineMatcher(course, text -> Placeholders.fill(text, BUILT_INS), ENV, RUNC_ROOT);
    holding.add("capabilities/6");
    Verdict verdict =
        judge("runc --root \"$RUNC_ROOT\" delete --force caps", 0, "", at("capabilities", 4));
    assertInstanceOf(Verdict.NextCommand.class, verdict);
    done.addAll(Set.of("capabilities/4", "capabilities/5"));
    assertEquals(
        List.of("capabilities/6"),
        credited(
            judge("runc --root \"$RUNC_ROOT\" delete --force caps", 0, "", at("capabilities", 6))));
  }

  @Test
  void aSessionThatDidTheNextLessonButNotThisOneSaysWhatThisOneLacks() {
    done.addAll(Set.of("pull/1", "unpack/1", "spec/1"));
    holding.add("readonly/1");
    Verdict verdict =
        judge(
            "runc --root \"$RUNC_ROOT\" run -b busybox-bundle myctr",
            0,
            "touch: /tmp/toto: Read-only file system\n",
            at("run", 1));
    assertEquals(List.of("readonly/1"), credited(verdict));
    Verdict.NotYet here = ((Verdict.Completed) verdict).here().orElseThrow();
    assertEquals("run/1", key(here.step()));
    assertEquals("it does not", here.failed().actual());
  }
}
