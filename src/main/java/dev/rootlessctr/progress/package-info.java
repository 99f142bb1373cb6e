/** The learner's progress: completed steps per lesson, kept safely across restarts and crashes. */
package dev.rootlessctr.progress;
