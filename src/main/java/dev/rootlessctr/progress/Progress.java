package dev.rootlessctr.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completed steps per lesson and where the learner stands. Mutable; saved by {@link ProgressStore}.
 *
 * <p>It also remembers what the file held when this shell last read or wrote it, so that a save can
 * merge: another shell of the same learner may have finished steps since, and only what this shell
 * changed (steps done, steps forgotten by a reset) is applied to the file's state.
 */
public final class Progress {

  private final Map<String, Set<Integer>> completed = new LinkedHashMap<>();
  // Steps this host cannot do (the doctor said so when the learner reached them): not done, but
  // no longer in the way of finishing the course. Not saved: the next sitting asks the doctor
  // again.
  private final Map<String, Set<Integer>> skipped = new LinkedHashMap<>();
  private Map<String, Set<Integer>> synced = new LinkedHashMap<>();
  // A reset of a lesson or of everything also forgets what other shells did there.
  private final Set<String> wipedLessons = new TreeSet<>();
  private boolean wipedAll;
  private String currentLesson;
  private int currentStep = 1;

  public synchronized void complete(String lesson, int step) {
    completed.computeIfAbsent(lesson, k -> new TreeSet<>()).add(step);
  }

  /** The host cannot do this step: recorded as skipped, not done. */
  public synchronized void skip(String lesson, int step) {
    skipped.computeIfAbsent(lesson, k -> new TreeSet<>()).add(step);
  }

  public synchronized boolean isSkipped(String lesson, int step) {
    return skipped.getOrDefault(lesson, Set.of()).contains(step)
        && !completed.getOrDefault(lesson, Set.of()).contains(step);
  }

  public synchronized boolean isComplete(String lesson, int step) {
    return completed.getOrDefault(lesson, Set.of()).contains(step);
  }

  public synchronized Set<Integer> completed(String lesson) {
    return Set.copyOf(completed.getOrDefault(lesson, Set.of()));
  }

  public synchronized void forgetStep(String lesson, int step) {
    Set<Integer> steps = completed.get(lesson);
    if (steps != null) {
      steps.remove(step);
    }
    Set<Integer> skips = skipped.get(lesson);
    if (skips != null) {
      skips.remove(step);
    }
  }

  public synchronized void forgetLesson(String lesson) {
    completed.remove(lesson);
    skipped.remove(lesson);
    wipedLessons.add(lesson);
  }

  public synchronized void forgetAll() {
    completed.clear();
    skipped.clear();
    wipedAll = true;
    currentLesson = null;
    currentStep = 1;
  }

  public synchronized void moveTo(String lesson, int step) {
    currentLesson = lesson;
    currentStep = step;
  }

  public synchronized String currentLesson() {
    return currentLesson;
  }

  public synchronized int currentStep() {
    return currentStep;
  }

  synchronized Map<String, Set<Integer>> snapshot() {
    return copy(completed);
  }

  /**
   * Applies this shell's changes since the last sync to {@code onDisk} (steps this shell completed
   * are added, steps it forgot are removed, everything else on disk stays), adopts the result as
   * its own and returns it, with the previous sync point to restore if the write fails.
   */
  synchronized Merge mergeInto(Map<String, Set<Integer>> onDisk) {
    Map<String, Set<Integer>> merged = wipedAll ? new LinkedHashMap<>() : copy(onDisk);
    merged.keySet().removeAll(wipedLessons);
    completed.forEach(
        (lesson, steps) -> {
          for (int step : steps) {
            if (!synced.getOrDefault(lesson, Set.of()).contains(step)) {
              merged.computeIfAbsent(lesson, k -> new TreeSet<>()).add(step);
            }
          }
        });
    synced.forEach(
        (lesson, steps) -> {
          for (int step : steps) {
            if (!completed.getOrDefault(lesson, Set.of()).contains(step)
                && merged.containsKey(lesson)) {
              merged.get(lesson).remove(step);
            }
          }
        });
    merged.values().removeIf(Set::isEmpty);
    Merge merge = new Merge(merged, synced, Set.copyOf(wipedLessons), wipedAll);
    completed.clear();
    completed.putAll(copy(merged));
    synced = copy(merged);
    wipedLessons.clear();
    wipedAll = false;
    return merge;
  }

  /** The write after {@link #mergeInto} failed: what this shell changed is still unsaved. */
  synchronized void unsynced(Merge failed) {
    synced = copy(failed.previousSync());
    wipedLessons.addAll(failed.wipedLessons());
    wipedAll |= failed.wipedAll();
  }

  /** Marks the current state as what the file holds (just loaded). */
  synchronized void markSynced() {
    synced = copy(completed);
  }

  /** The completed steps to write, and the sync point before that merge. */
  record Merge(
      Map<String, Set<Integer>> completed,
      Map<String, Set<Integer>> previousSync,
      Set<String> wipedLessons,
      boolean wipedAll) {}

  private static Map<String, Set<Integer>> copy(Map<String, Set<Integer>> from) {
    Map<String, Set<Integer>> copy = new LinkedHashMap<>();
    from.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
    return copy;
  }
}
