/**
 * Named, read-only state probes that lesson checks call: OCI layouts, runc state, /proc.
 *
 * <p>{@link dev.rootlessctr.probe.Probes} maps each name to a {@link dev.rootlessctr.probe.Probe};
 * one class per probe. Inside a probe, a state that is not as promised is thrown as {@code Unmet},
 * whose message is the learner-facing "actual", and caught once in {@code run}. Every path is
 * resolved through {@link dev.rootlessctr.probe.ProbeContext} (the learner's directory, the proc
 * root), runc is asked only through the context's process runner, and who the learner is and what
 * uids are called come from {@link dev.rootlessctr.probe.LearnerIds} and {@link
 * dev.rootlessctr.host.AccountBook}, so tests can run against a fake tree.
 */
package dev.rootlessctr.probe;
