package dev.rootlessctr.tutor;

import dev.rootlessctr.lesson.Lesson;
import dev.rootlessctr.lesson.Step;

/** A lesson and one of its steps. */
public record Position(Lesson lesson, int stepNumber) {

  public Step step() {
    return lesson.steps().get(stepNumber - 1);
  }

  public boolean isLastStep() {
    return stepNumber == lesson.steps().size();
  }

  /** "lesson 4, step 1" for messages. */
  public String label() {
    return "lesson " + lesson.number() + (lesson.steps().size() > 1 ? ", step " + stepNumber : "");
  }
}
