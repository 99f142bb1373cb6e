/**
 * Lessons as data: the model (course, lesson, step, expectation) and the parser that reads it from
 * CommonMark and validates it completely, reporting each problem as {@code file:line:column}. The
 * format is documented in {@code lessons/README.md}.
 */
package dev.rootlessctr.lesson;
