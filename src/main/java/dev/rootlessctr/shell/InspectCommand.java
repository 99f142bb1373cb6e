package dev.rootlessctr.shell;

import dev.rootlessctr.exec.ShellState;
import dev.rootlessctr.inspect.DefaultSpec;
import dev.rootlessctr.inspect.Inspection;
import dev.rootlessctr.inspect.Inspector;
import dev.rootlessctr.inspect.RuncRoots;
import dev.rootlessctr.lab.Lab;
import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code :inspect [NAME|PATH]}: where to look, taken from the session now (the learner's directory
 * and every --root they used), then the {@link Inspector}'s answer printed by {@link InspectView}.
 */
final class InspectCommand {

  private final Session session;
  private final ShellState state;
  private final Lab lab;
  private final long uid;
  private final ProcessRunner processes;
  private final Path procRoot;
  private final Inspector inspector;

  InspectCommand(
      Session session,
      ShellState state,
      Lab lab,
      long uid,
      Map<String, Probe> probes,
      ProcessRunner processes,
      Path procRoot) {
    this.session = session;
    this.state = state;
    this.lab = lab;
    this.uid = uid;
    this.processes = processes;
    this.procRoot = procRoot;
    // runc spec --rootless is asked at most once a session, and only when a bundle is inspected.
    this.inspector = new Inspector(probes, new DefaultSpec(processes, state.env()));
  }

  Inspection inspect(List<String> args) {
    return inspector.inspect(
        args.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", args)), where());
  }

  void run(Printer printer, List<String> args) {
    Inspection inspection;
    try {
      inspection = inspect(args);
    } catch (RuntimeException e) {
      // Every reader catches what it expects; this is for a word no path can be made of.
      printer.failure(
          ":inspect could not look at " + String.join(" ", args) + ": " + e.getMessage());
      return;
    }
    new InspectView(printer).print(inspection);
  }

  /** Container names in every root, for completion after {@code :inspect}. */
  List<String> containerNames() {
    Set<String> names = new LinkedHashSet<>();
    roots().forEach(r -> names.addAll(RuncRoots.names(r)));
    return new ArrayList<>(names);
  }

  private Inspector.Where where() {
    ProbeContext context =
        new ProbeContext(state.cwd(), state.env(), lab.runcRoot(), procRoot, processes);
    return new Inspector.Where(context, roots(), lab.dir());
  }

  private List<Path> roots() {
    Set<Path> theirs = new LinkedHashSet<>(session.runcRootsSeen());
    session.bindings().runcRoot().ifPresent(theirs::add);
    return RuncRoots.find(lab.runcRoot(), theirs, state.env(), uid);
  }
}
