/**
 * The lab: the directory commands run in, the runc state directory the course uses (private by
 * construction), which containers each shell session owns, the session's scratch directory, and the
 * exact cleanup of what lessons and sessions created.
 */
package dev.rootlessctr.lab;
