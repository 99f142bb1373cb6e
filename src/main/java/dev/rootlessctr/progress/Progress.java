package dev.rootlessctr.progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Completed steps per lesson and where the learner stands. Mutable; saved by {@link ProgressStore}.
 */
public final class Progress {

  private final Map<String, Set<Integer>> completed = new LinkedHashMap<>();
  private String currentLesson;
  private int currentStep = 1;

  public synchronized void complete(String lesson, int step) {
    completed.computeIfAbsent(lesson, k -> new TreeSet<>()).add(step);
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
  }

  public synchronized void forgetLesson(String lesson) {
    completed.remove(lesson);
  }

  public synchronized void forgetAll() {
    completed.clear();
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
    Map<String, Set<Integer>> copy = new LinkedHashMap<>();
    completed.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
    return copy;
  }
}
