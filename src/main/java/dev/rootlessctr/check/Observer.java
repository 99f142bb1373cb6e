package dev.rootlessctr.check;

import dev.rootlessctr.lesson.Expectation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Looks at real state from outside while the learner's command runs, as a second terminal would
 * (runc state, /proc of the container), and keeps what it saw for the check afterwards. It prints
 * nothing: the command owns the screen until it ends.
 */
public final class Observer {

  private final List<Expectation> live;
  private final Supplier<CheckContext> context;
  private final Checker checker;
  private final Duration interval;
  private final Map<Expectation, ExpectationResult> best = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  private Observer(
      List<Expectation> live, Supplier<CheckContext> context, Checker checker, Duration interval) {
    this.live = List.copyOf(live);
    this.context = context;
    this.checker = checker;
    this.interval = interval;
    this.thread = new Thread(this::watch, "observer");
    this.thread.setDaemon(true);
  }

  /** Starts watching; with nothing to watch it costs nothing. */
  public static Observer start(
      List<Expectation> live, Supplier<CheckContext> context, Checker checker, Duration interval) {
    Observer observer = new Observer(live, context, checker, interval);
    if (!live.isEmpty()) {
      observer.thread.start();
    }
    return observer;
  }

  private void watch() {
    while (running) {
      sample();
      if (allPassed()) {
        return;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * One look at every expectation that has not passed yet. A look still under way when the command
   * ends is cut off: its probe was interrupted, or the container exited under it. Such a failure
   * says nothing about the container while it ran, so it is dropped; an earlier result, passed or
   * failed, stands (and with none, the check looks at the state afterwards).
   */
  private void sample() {
    CheckContext now = context.get();
    for (Expectation expectation : live) {
      if (!running) {
        return;
      }
      synchronized (this) {
        ExpectationResult previous = best.get(expectation);
        if (previous != null && previous.passed()) {
          continue;
        }
      }
      Map<String, String> measured = new LinkedHashMap<>(now.builtIns());
      ExpectationResult result = checker.evaluate(expectation, Optional.empty(), now, measured);
      synchronized (this) {
        if (!running && !result.passed()) {
          return; // cut off by the end of the command
        }
        best.put(expectation, result);
        if (result.passed()) {
          values.putAll(measured);
        }
      }
    }
  }

  private synchronized boolean allPassed() {
    return best.size() == live.size() && best.values().stream().allMatch(ExpectationResult::passed);
  }

  /** Whether every expectation has held at some moment so far (true when there is none). */
  public boolean sawAll() {
    return live.isEmpty() || allPassed();
  }

  /** Stops watching and returns what was seen. */
  public Observations stop() {
    synchronized (this) {
      running = false; // from here on, a failing look is a cut-off one
    }
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      return new Observations(best, values);
    }
  }
}
