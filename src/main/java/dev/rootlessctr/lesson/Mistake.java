package dev.rootlessctr.lesson;

/** A known error: when a command's output contains {@code pattern}, show {@code explanation}. */
public record Mistake(String pattern, Prose explanation, int line) {}
