package dev.rootlessctr.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rootlessctr.lesson.Expectation;
import dev.rootlessctr.lesson.Step;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The observer keeps what held while a command ran, even after it stopped holding. */
class ObserverTest {

  @TempDir Path dir;

  /** A probe that passes only while {@code up} is true, like a container that exists. */
  private static Probe container(AtomicBoolean up) {
    return new Probe() {
      @Override public String name() { return "up"; }
      @Override public String usage() { return "up"; }
      @Override public ProbeResult run(ProbeContext context, List<String> args) {
        return up.get() ? ProbeResult.pass("running", "running", Map.of("pid", "4242")) : ProbeResult.fail("running", "no such container");
      }
    };
  }

  private CheckContext context(Probe probe) {
    return new CheckContext(dir, Map.of(), Map.of("uid", "1001"), Map.of(probe.name(), probe),
        new ProbeContext(dir, Map.of(), dir, Path.of("/proc"), ProcessRunner.system()));
  }

  @Test
  void whatHeldDuringTheCommandCountsAfterItEnded() throws Exception {
    AtomicBoolean up = new AtomicBoolean(false);
    Expectation live = new Expectation.ProbeCall("up", List.of(), 1);
    Step step = new Step(1, "run", 1, "", List.of(), List.of(), List.of(), List.of(live), "", List.of(), List.of());
    CheckContext context = context(container(up));
    Checker checker = new Checker();

    Observer observer = Observer.start(step.whileRunning(), () -> context, checker, Duration.ofMillis(10));
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
    Step step = new Step(1, "run", 1, "", List.of(), List.of(), List.of(), List.of(live), "", List.of(), List.of());
    CheckContext context = context(container(up));
    Observer observer = Observer.start(step.whileRunning(), () -> context, new Checker(), Duration.ofMillis(10));
    Thread.sleep(50);
    CheckReport report = new Checker().check(step, Optional.empty(), observer.stop(), context);
    assertFalse(report.passed());
    assertEquals("no such container", report.results().get(0).actual());
  }

  @Test
  void aContainerStillRunningAfterwardsPassesWithoutObservation() {
    AtomicBoolean up = new AtomicBoolean(true); // started detached: still there to look at
    Expectation live = new Expectation.ProbeCall("up", List.of(), 1);
    Step step = new Step(1, "run", 1, "", List.of(), List.of(), List.of(), List.of(live), "", List.of(), List.of());
    assertTrue(new Checker().check(step, Optional.empty(), Observations.none(), context(container(up))).passed());
  }
  @Test
  void aLookCutShortByTheEndOfTheCommandIsNotWhatWasSeen() throws Exception {
    java.util.concurrent.CountDownLatch looking = new java.util.concurrent.CountDownLatch(1);
    Probe slow = new Probe() {
      @Override public String name() { return "slow"; }
      @Override public String usage() { return "slow"; }
      @Override public ProbeResult run(ProbeContext context, List<String> args) throws java.io.IOException {
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
    Observer observer = Observer.start(List.of(live), () -> context, new Checker(), Duration.ofMillis(10));
    assertTrue(looking.await(5, java.util.concurrent.TimeUnit.SECONDS));

    Observations seen = observer.stop();

    assertTrue(seen.results().isEmpty(), "an interrupted look reported: " + seen.results());
  }
}
