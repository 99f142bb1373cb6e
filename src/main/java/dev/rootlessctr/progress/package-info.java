/**
 * The learner's progress: completed steps per lesson, kept safely across restarts, crashes and two
 * shells at once, in one file per course folder.
 */
package dev.rootlessctr.progress;
