package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Prose;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observer keeps what held while a command ran, even after it stopped holding. */
class ObserverTest {

  @TempDir Path dir;

  /** A probe that passes only while {@code up} is true, like a container that exists. */
  private static Probe container(AtomicBoolean up) {
    return new Probe() {
      @Override
      public String name() {
        return "up";
      }

      @Override
      public String usage() {
        return "up";
      }

      @Override
      public ProbeResult run(ProbeContext context, List<String> args) {
        return up.get()
            ? ProbeResult.pass("running", "running", Map.of("pid", "4242"))
            : ProbeResult.fail("running", "no such container");
      }
    };
  }

  private CheckContext context(Probe probe) {
    return context(List.of(probe));
  }

  private CheckContext context(List<Probe> probes) {
    Map<String, Probe> byName = new HashMap<>();
    probes.forEach(p -> byName.put(p.name(), p));
    return new CheckContext(
        dir,
        Map.of(),
        Map.of("uid", "1001"),
        byName,
        new ProbeContext(dir, Map.of(), dir, Path.of("/proc"), ProcessRunner.system()));
  }

  /**
   * A probe that, once {@code hang} is set, waits in its look until it is interrupted and then
   * fails the way a probe whose runc call was cut off does; before that it fails plainly.
   */
  private static Probe hanging(String name, AtomicBoolean hang, CountDownLatch hanging) {
    return new Probe() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String usage() {
        return name;
      }

      @Override
      public ProbeResult run(ProbeContext context, List<String> args) {
        if (!hang.get()) {
          return ProbeResult.fail("running", "no such container");
        }
        hanging.countDown();
        try {
          Thread.sleep(10_000);
          return ProbeResult.fail("running", "still looking");
        } catch (InterruptedException e) {
          return ProbeResult.fail("running", "interrupted while running runc");
        }
      }
    };
  }

  private static Step step(List<Expectation> live) {
    return new Step(
        1,
        "run",
        1,
        Prose.empty(1),
        List.of(),
        List.of(),
        List.of(),
        live,
        Prose.empty(1),
        List.of(),
        List.of());
  }

  @Test
  void whatHeldDuringTheCommandCountsAfterItEnded() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    Expectation live = new Expectation.ProbeCall("up", List.of(), 1);
    Step step =
        new Step(
            1,
            "run",
            1,
            Prose.empty(1),
            List.of(),
            List.of(),
            List.of(),
            List.of(live),
            Prose.empty(1),
            List.of(),
            List.of());
    CheckContext context = context(container(up));
    Checker checker = new Checker();

    Observer observer =
        Observer.start(step.whileRunning(), () -> context, checker, Duration.ofMillis(10));
    Thread.sleep(50);
    up.set(true); // the container appears...
    Thread.sleep(100);
    up.set(false); // ...and is gone when the command ends
    Observations seen = observer.stop();

    CheckReport report = checker.check(step, Optional.empty(), seen, context);
    assertTrue(report.passed(), report.toString());
    assertEquals("while it ran: probe up", report.results().get(0).description());
    assertEquals("4242", report.values().get("up.pid"));
  }

  @Test
  void neverSeenIsAFailureThatSaysWhatWasSeen() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    Expectation live = new Expectation.ProbeCall("up", List.of(), 1);
    Step step =
        new Step(
            1,
            "run",
            1,
            Prose.empty(1),
            List.of(),
            List.of(),
            List.of(),
            List.of(live),
            Prose.empty(1),
            List.of(),
            List.of());
    CheckContext context = context(container(up));
    Observer observer =
        Observer.start(step.whileRunning(), () -> context, new Checker(), Duration.ofMillis(10));
    Thread.sleep(50);
    CheckReport report = new Checker().check(step, Optional.empty(), observer.stop(), context);
    assertFalse(report.passed());
    assertEquals("no such container", report.results().get(0).actual());
  }

  @Test
  void aContainerStillRunningAfterwardsPassesWithoutObservation() {
    AtomicBoolean up = new AtomicBoolean(true); // started detached: still there to look at
    Expectation live = new Expectation.ProbeCall("up", List.of(), 1);
    Step step =
        new Step(
            1,
            "run",
            1,
            Prose.empty(1),
            List.of(),
            List.of(),
            List.of(),
            List.of(live),
            Prose.empty(1),
            List.of(),
            List.of());
    assertTrue(
        new Checker()
            .check(step, Optional.empty(), Observations.none(), context(container(up)))
            .passed());
  }

  @Test
  void aLookCutShortByTheEndOfTheCommandIsNotWhatWasSeen() throws Exception {
    java.util.concurrent.CountDownLatch looking = new java.util.concurrent.CountDownLatch(1);
    Probe slow =
        new Probe() {
          @Override
          public String name() {
            return "slow";
          }

          @Override
          public String usage() {
            return "slow";
          }

          @Override
          public ProbeResult run(ProbeContext context, List<String> args)
              throws java.io.IOException {
            looking.countDown();
            try {
              Thread.sleep(10_000); // a runc call that the command's end interrupts
            } catch (InterruptedException e) {
              throw new java.io.IOException("interrupted while running runc", e);
            }
            return ProbeResult.pass("running", "running", Map.of());
          }
        };
    Expectation live = new Expectation.ProbeCall("slow", List.of(), 1);
    CheckContext context = context(slow);
    Observer observer =
        Observer.start(List.of(live), () -> context, new Checker(), Duration.ofMillis(10));
    assertTrue(looking.await(5, java.util.concurrent.TimeUnit.SECONDS));

    Observations seen = observer.stop();

    assertTrue(seen.results().isEmpty(), "an interrupted look reported: " + seen.results());
  }

  @Test
  void aLookCutOffWhenTheCommandEndsDoesNotReplaceWhatWasSeenBefore() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    AtomicBoolean hang = new AtomicBoolean(false);
    CountDownLatch hanging = new CountDownLatch(1);
    Expectation state = new Expectation.ProbeCall("up", List.of(), 1);
    Expectation slow = new Expectation.ProbeCall("slow", List.of(), 2);
    Step step = step(List.of(state, slow));
    CheckContext context = context(List.of(container(up), hanging("slow", hang, hanging)));
    Observer observer =
        Observer.start(step.whileRunning(), () -> context, new Checker(), Duration.ofMillis(10));
    up.set(true);
    Thread.sleep(100); // "up" passes; "slow" is looked at and fails plainly
    up.set(false);
    hang.set(true);
    assertTrue(hanging.await(5, TimeUnit.SECONDS), "the observer never looked again");
    Observations seen = observer.stop(); // the command ends during the look at "slow"
    hang.set(false);

    assertTrue(seen.results().get(state).passed(), seen.results().toString());
    assertEquals("4242", seen.values().get("up.pid"));
    assertEquals("no such container", seen.results().get(slow).actual());
    CheckReport report = new Checker().check(step, Optional.empty(), seen, context);
    assertEquals("while it ran: probe slow", report.results().get(1).description());
    assertEquals("no such container", report.results().get(1).actual());
  }

  @Test
  void aLookCutOffBeforeAnyOtherLeavesTheCheckToTheStateAfterwards() throws Exception {
    AtomicBoolean hang = new AtomicBoolean(true);
    CountDownLatch hanging = new CountDownLatch(1);
    Expectation slow = new Expectation.ProbeCall("slow", List.of(), 1);
    Step step = step(List.of(slow));
    CheckContext context = context(hanging("slow", hang, hanging));
    Observer observer =
        Observer.start(step.whileRunning(), () -> context, new Checker(), Duration.ofMillis(10));
    assertTrue(hanging.await(5, TimeUnit.SECONDS), "the observer never looked");
    Observations seen = observer.stop();
    hang.set(false);

    assertTrue(seen.results().isEmpty(), seen.results().toString());
    CheckReport report = new Checker().check(step, Optional.empty(), seen, context);
    assertEquals("probe slow", report.results().get(0).description());
    assertEquals("no such container", report.results().get(0).actual());
  }

  @Test
  void resultsKeepTheLessonsOrder() throws Exception {
    List<Probe> probes = new ArrayList<>();
    List<Expectation> live = new ArrayList<>();
    for (String name :
        List.of("runc-state", "uid-map", "namespaces", "mountinfo", "a", "b", "c", "d")) {
      probes.add(
          new Probe() {
            @Override
            public String name() {
              return name;
            }

            @Override
            public String usage() {
              return name;
            }

            @Override
            public ProbeResult run(ProbeContext context, List<String> args) {
              return ProbeResult.pass("seen", "seen", Map.of());
            }
          });
      live.add(new Expectation.ProbeCall(name, List.of(), live.size() + 1));
    }
    CheckContext context = context(probes);
    Observer observer = Observer.start(live, () -> context, new Checker(), Duration.ofMillis(10));
    Thread.sleep(100);
    assertEquals(live, List.copyOf(observer.stop().results().keySet()));
  }
}
