/**
 * {@code rootless-ctr verify}: the course checks itself, headless. Each step's own commands run
 * (with the container-side lines its lesson shows typed into them) in a throwaway home, lab, runc
 * state directory and XDG directories, are checked the way the shell checks them, and are reported
 * one line per step, as TAP or as JUnit XML.
 */
package dev.rootlessctr.verify;
