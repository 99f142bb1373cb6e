/**
 * Tools for lesson authors: {@code lint} reports every problem of a course exactly as loading it
 * would, and {@code new-lesson} starts a lesson from a commented template that passes lint.
 */
package dev.rootlessctr.lint;
