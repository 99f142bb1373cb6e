package dev.rootlessctr.check;

import java.time.Duration;

/**
 * What a command the learner ran left behind.
 *
 * @param output stdout and stderr as the learner saw them, without terminal escape sequences
 * @param interrupted whether the learner pressed Ctrl-C while it ran
 */
public record Outcome(String command, int exitCode, String output, Duration duration, boolean interrupted) {}
