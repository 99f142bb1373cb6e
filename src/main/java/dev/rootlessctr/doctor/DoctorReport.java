package dev.rootlessctr.doctor;

import dev.rootlessctr.lesson.Requirement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the doctor found on one host.
 *
 * @param distro the distribution the fixes are worded for
 * @param uid the effective uid the checks ran as (-1 if unknown)
 * @param userName that user's name
 * @param findings one per check, in a fixed order
 * @param installOffer the one command that installs every missing package the course needs
 */
public record DoctorReport(
    Distro distro,
    long uid,
    String userName,
    List<Finding> findings,
    Optional<InstallOffer> installOffer) {

  public DoctorReport {
    findings = List.copyOf(findings);
  }

  /**
   * What stops a lesson needing {@code required}: their failed findings, and the warnings of
   * requirements only some lessons have ({@link Requirement#extra()}), such as crun that is
   * installed but cannot start a container.
   */
  public List<Finding> blockers(Set<Requirement> required) {
    return findings.stream()
        .filter(f -> f.blocks() || (f.status() == Status.WARN && f.requirement().extra()))
        .filter(f -> required.contains(f.requirement()))
        .toList();
  }

  /** Every failed finding: what blocks the course as a whole. */
  public List<Finding> blockers() {
    return findings.stream().filter(Finding::blocks).toList();
  }

  /** True when nothing blocks the course. */
  public boolean ok() {
    return blockers().isEmpty();
  }

  /** The finding with {@code id}, e.g. {@code userns}. */
  public Optional<Finding> finding(String id) {
    return findings.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
