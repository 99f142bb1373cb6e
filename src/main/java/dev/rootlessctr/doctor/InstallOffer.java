package dev.rootlessctr.doctor;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One command that installs every package the failed findings name, offered with consent.
 *
 * <p>Only packages that fix a blocking finding are included; optional tools are named in their own
 * findings' fixes.
 *
 * @param packages the distribution packages to install, in finding order
 * @param steps the programs to run, as argument lists (e.g. {@code sudo apt-get update}, then
 *     {@code sudo apt-get install -y ...})
 * @param display the same as one line for the learner to read or copy
 * @param sudo whether the learner can run it; with {@link SudoAccess#WITH_PASSWORD} sudo asks for a
 *     password, so the runner must connect the terminal
 */
public record InstallOffer(
    List<String> packages, List<List<String>> steps, String display, SudoAccess sudo) {

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  public InstallOffer {
    packages = List.copyOf(packages);
    steps = steps.stream().map(List::copyOf).toList();
  }

  /** The outcome of {@link #runIfConsented}: whether it ran and what each step left behind. */
  public record Outcome(boolean consented, List<Captured> steps) {

    public Outcome {
      steps = List.copyOf(steps);
    }

    /** True when the learner agreed and every step succeeded. */
    public boolean installed() {
      return consented && !steps.isEmpty() && steps.stream().allMatch(Captured::succeeded);
    }
  }

  static Optional<InstallOffer> forMissing(
      Distro distro, List<Finding> findings, Supplier<SudoAccess> sudoAccess) {
    Set<String> packages = new LinkedHashSet<>();
    findings.stream().filter(Finding::blocks).forEach(f -> packages.addAll(f.packages()));
    if (packages.isEmpty() || distro.family() == Distro.Family.OTHER) {
      return Optional.empty();
    }
    List<String> names = List.copyOf(packages);
    SudoAccess sudo = sudoAccess.get();
    boolean asRoot = sudo == SudoAccess.NOT_NEEDED;
    return Optional.of(
        new InstallOffer(
            names,
            Packages.installSteps(distro, names, asRoot),
            Packages.installLine(distro, names, asRoot),
            sudo));
  }

  /**
   * Runs the steps in order, stopping at the first failure, but only if {@code consent} agrees.
   *
   * <p>Nothing runs when the learner cannot use sudo. {@code processes} should connect the terminal
   * when {@link #sudo()} is {@link SudoAccess#WITH_PASSWORD}.
   */
  public Outcome runIfConsented(
      Consent consent, ProcessRunner processes, Path dir, Map<String, String> env)
      throws IOException {
    if (!sudo.canInstall() || !consent.grantedFor(display)) {
      return new Outcome(false, List.of());
    }
    List<Captured> ran = new ArrayList<>();
    for (List<String> step : steps) {
      Captured captured = processes.run(step, dir, env, TIMEOUT);
      ran.add(captured);
      if (!captured.succeeded()) {
        break;
      }
    }
    return new Outcome(true, ran);
  }
}
