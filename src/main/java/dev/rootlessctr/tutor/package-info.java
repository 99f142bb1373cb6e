/**
 * Deciding what a line the learner typed did: which steps of the course it matches (whatever names
 * and {@code --root} the learner chose), which it completed, which known mistake it shows in that
 * step's context, or what the tutor saw and cannot judge. The result is a {@link
 * dev.rootlessctr.tutor.Verdict}; the shell prints it.
 */
package dev.rootlessctr.tutor;
