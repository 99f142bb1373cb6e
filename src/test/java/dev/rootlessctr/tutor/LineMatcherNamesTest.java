package dev.rootlessctr.tutor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rootlessctr.TestPaths;
import dev.rootlessctr.lesson.Course;
import dev.rootlessctr.lesson.CourseLoader;
import dev.rootlessctr.lesson.Placeholders;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A learner's word stands for one thing. On the second course, whose lessons name two containers
 * ({@code bg} and {@code net}), deleting one must not be taken for deleting the other: that would
 * credit "net is gone" for a container that was never made.
 */
class LineMatcherNamesTest {

  private static final Path LAB = Path.of("/home/ada/rootless-ctr-lab");
  private static final Path RUNC_ROOT = Path.of("/run/user/1000/rootless-ctr-runc");
  private static final Map<String, String> ENV =
      Map.of("HOME", "/home/ada", "RUNC_ROOT", RUNC_ROOT.toString());

  private LineMatcher matcher;

  @BeforeEach
  void load() throws Exception {
    Course course = new CourseLoader().load(TestPaths.project().resolve("lessons/deeper"));
    Map<String, String> builtIns =
        Map.of("home", "/home/ada", "runc_root", RUNC_ROOT.toString(), "lab", LAB.toString());
    matcher = new LineMatcher(course, text -> Placeholders.fill(text, builtIns), ENV, RUNC_ROOT);
  }

  private List<String> steps(String line, Bindings given) {
    return matcher.match(line, ENV, LAB, given).stream()
        .map(m -> m.position().lesson().id() + ": " + m.position().step().title())
        .toList();
  }

  @Test
  void deletingTheLifecycleContainerIsNotDeletingTheNetworkOne() {
    assertEquals(
        List.of("lifecycle: Delete it"),
        steps("runc --root \"$RUNC_ROOT\" delete bg", Bindings.none()));
    assertEquals(
        List.of("network: Remove it"),
        steps("runc --root \"$RUNC_ROOT\" delete --force net", Bindings.none()).stream()
            .filter(s -> s.startsWith("network"))
            .toList());
  }

  @Test
  void aWordTheLearnerGaveForOneContainerDoesNotRenameAnother() {
    Bindings given = new Bindings(Map.of("bg", "c1"), Optional.empty());
    assertEquals(List.of("lifecycle: Delete it"), steps("runc --root /tmp/runc delete c1", given));
  }

  @Test
  void aReusedNameStillMatchesWhenNoOtherStepFits() {
    // Only the network lesson runs `runc run -d`: the learner calling that container bg as well
    // is their choice, and the line is still that step's.
    assertEquals(
        List.of("network: Look inside"),
        steps("runc --root \"$RUNC_ROOT\" run -d -b deep-bundle bg", Bindings.none()).stream()
            .filter(s -> s.startsWith("network: Look"))
            .toList());
  }

  @Test
  void aCommandTypedInsideIsNotANameForAnotherStepsCommand() {
    // `ip a` in one step and `ip route` in the next: `a` is no learner's name for `route`.
    assertEquals(
        List.of("network: Look inside"),
        steps("runc --root \"$RUNC_ROOT\" exec net ip a", Bindings.none()).stream()
            .filter(s -> s.startsWith("network"))
            .toList());
  }

  @Test
  void aNameGivenInOneLessonMayNameTheNextLessonsThingThere() {
    Bindings given = new Bindings(Map.of("ids", "mine"), Optional.empty());
    Position capabilities =
        matcher.stepsUsing("runc", "run").stream()
            .filter(p -> p.lesson().id().equals("capabilities"))
            .findFirst()
            .orElseThrow();
    List<String> steps =
        matcher
            .match(
                "runc --root \"$RUNC_ROOT\" run -d -b deep-bundle mine",
                ENV,
                LAB,
                given,
                Optional.of(capabilities))
            .stream()
            .map(m -> m.position().lesson().id())
            .distinct()
            .toList();
    assertEquals(List.of("subids", "capabilities"), steps);
  }
}
