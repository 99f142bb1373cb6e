package dev.rootlessctr.lesson;

/**
 * An edit {@code :run} may apply for the learner: add {@code json} at {@code pointer} of {@code
 * file}.
 *
 * <p>Written in a lesson as a fenced block with the info string {@code json add FILE POINTER}; a
 * pointer ending in {@code /-} appends to an array.
 */
public record JsonEdit(String file, String pointer, String json, int line) {}
