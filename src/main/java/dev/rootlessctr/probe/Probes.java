package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.SubidRange;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The probes lessons can call, by name. */
public final class Probes {

  private Probes() {}

  /** Every probe, for the learner running the shell, keyed by the name lessons use. */
  public static Map<String, Probe> standard() {
    AccountBook accounts = AccountBook.etc();
    return using(LearnerIds.fromProcSelfStatus(accounts), accounts);
  }

  /**
   * Each standard probe's name and the names of the values it measures, as data for checking a
   * lesson's probe calls and {@code {{probe.key}}} quotes when it loads.
   */
  public static Map<String, List<String>> valueNames() {
    Map<String, List<String>> names = new LinkedHashMap<>();
    standard().forEach((name, probe) -> names.put(name, probe.valueNames()));
    return Collections.unmodifiableMap(names);
  }

  /** The standard probe with this name, if there is one. */
  public static Optional<Probe> find(String name) {
    return Optional.ofNullable(standard().get(name));
  }

  /** Every probe, with who the learner is and how uids are named decided by the caller. */
  public static Map<String, Probe> using(LearnerIds learner, AccountBook accounts) {
    List<Probe> probes =
        List.of(
            new OciLayoutProbe(),
            new RootfsProbe(accounts),
            new ConfigProbe(accounts),
            new ConfigDiffProbe(),
            new HomeMountProbe(),
            new RuncStateProbe(),
            new RuncListProbe(),
            new UidMapProbe(learner, accounts),
            new NamespacesProbe(),
            new InterfacesProbe(),
            new MountInfoProbe(),
            new FileOwnerProbe(learner, accounts),
            new HostUserProbe(learner, accounts),
            new NoContainersProbe(learner),
            new CgroupsProbe(learner),
            new SubidOwnerProbe(learner, accounts, SubidRange.SUBUID),
            new CapabilitiesProbe(),
            new SeccompProbe());
    Map<String, Probe> byName = new LinkedHashMap<>();
    for (Probe probe : probes) {
      if (byName.put(probe.name(), probe) != null) {
        throw new IllegalStateException("two probes are named " + probe.name());
      }
    }
    return Collections.unmodifiableMap(byName);
  }
}
