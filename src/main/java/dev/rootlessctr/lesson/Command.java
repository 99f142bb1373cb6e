package dev.rootlessctr.lesson;

/** A shell line from a step's {@code sh} code block; {@code line} is where it stands in the file. */
public record Command(String text, int line) {}
