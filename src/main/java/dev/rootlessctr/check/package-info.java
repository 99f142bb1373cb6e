/**
 * Where a step's check is evaluated: each {@link dev.rootlessctr.lesson.Expectation} against the
 * last command's {@link dev.rootlessctr.exec.Outcome} and the real state on disk, /proc and the
 * tools' JSON.
 */
package dev.rootlessctr.check;
