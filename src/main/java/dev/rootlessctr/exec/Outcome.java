package dev.rootlessctr.exec;

import java.time.Duration;

/**
 * What a command the learner ran left behind.
 *
 * @param output stdout and stderr as the learner saw them, without terminal escape sequences
 * @param interrupted whether a Ctrl-C the learner pressed while it ran ended it (status 130, or a
 *     failure after the Ctrl-C)
 */
public record Outcome(
    String command, int exitCode, String output, Duration duration, boolean interrupted) {}
