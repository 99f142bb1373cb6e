package dev.rootlessctr.check;

import dev.rootlessctr.lesson.Expectation;

/** How one expectation fared: what it wanted and what was really there, in words. */
public record ExpectationResult(
    Expectation expectation, boolean passed, String description, String expected, String actual) {}
