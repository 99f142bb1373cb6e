/**
 * Host diagnosis: checks that tell a newcomer why rootless containers would fail on this machine.
 *
 * <p>Every check reads the host through a {@link dev.rootlessctr.doctor.HostView} so tests can
 * point it at a fake tree; {@link dev.rootlessctr.doctor.Doctor} runs them, {@link
 * dev.rootlessctr.doctor.DoctorCommand} is the {@code doctor} subcommand.
 */
package dev.rootlessctr.doctor;
