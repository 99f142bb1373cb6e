/**
 * Facts about this host that probes, the doctor and the lab all need, each read in one place: the
 * account database, {@code /proc/PID/status}, who the user is, what runc lists under a {@code
 * --root}, and sizes as people read them.
 *
 * <p>Everything here only reads; callers give paths, so tests can point them at a fake tree.
 */
package dev.rootlessctr.host;
