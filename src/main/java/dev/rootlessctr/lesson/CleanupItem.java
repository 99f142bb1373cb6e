package dev.rootlessctr.lesson;

/**
 * Something a lesson creates that {@code :reset} and leaving the shell remove.
 *
 * @param kind {@code path} (a file or directory; {@code ~} is the learner's home) or {@code container}
 *     (a runc container in the course's state directory)
 */
public record CleanupItem(String kind, String target, int line) {}
