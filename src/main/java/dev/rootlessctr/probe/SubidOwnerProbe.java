package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootlessctr.host.AccountBook;
import dev.rootlessctr.host.HostUser;
import dev.rootlessctr.host.SubidRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code subid-owner PATH CONTAINER|BUNDLE}: the file's host owner is one of the learner's
 * subordinate uids ({@code /etc/subuid}), and which uid it is inside, worked out from the real
 * mapping: the running container's {@code uid_map}, or a bundle's {@code config.json}.
 */
final class SubidOwnerProbe implements Probe {

  private final LearnerIds learner;
  private final AccountBook accounts;
  private final Path subuid;

  SubidOwnerProbe(LearnerIds learner, AccountBook accounts, Path subuid) {
    this.learner = learner;
    this.accounts = accounts;
    this.subuid = subuid;
  }

  @Override
  public String name() {
    return "subid-owner";
  }

  @Override
  public String usage() {
    return "subid-owner PATH CONTAINER|BUNDLE";
  }

  @Override
  public List<String> valueNames() {
    return List.of(
        "hostUid",
        "insideUid",
        "range",
        "rangeStart",
        "rangeCount",
        "position",
        "mapping",
        "mappedBy",
        "user");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 2, 2);
    HostUser you = learner.of(context);
    String shown = args.get(0);
    String expected =
        shown + " is owned on the host by one of your subordinate uids (" + subuid + ")";
    Optional<SubidRange> range = SubidRange.read(subuid, you.name(), you.uid());
    if (range.isEmpty()) {
      return ProbeResult.fail(
          expected,
          subuid
              + " gives you, "
              + accounts.nameAndUid(you.uid())
              + ", no range of subordinate uids (`:doctor` shows it under \"Subordinate ids\")");
    }
    Path file = context.resolve(shown);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return ProbeResult.fail(expected, shown + " does not exist (looked at " + file + ")");
    }
    long hostUid =
        Integer.toUnsignedLong(
            (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    try {
      Mappings mappings = mappings(context, args.get(1));
      Map<String, String> values = new LinkedHashMap<>();
      SubidRange yours = range.get();
      values.put("hostUid", Long.toString(hostUid));
      values.put("range", yours.text());
      values.put("rangeStart", Long.toString(yours.start()));
      values.put("rangeCount", Long.toString(yours.count()));
      values.put("mappedBy", mappings.source());
      values.put("user", you.name());
      Optional<IdMapping> line = IdMapping.mapping(mappings.uids(), hostUid);
      line.ifPresent(
          m -> {
            values.put("insideUid", Long.toString(m.inside(hostUid)));
            values.put("mapping", m.line());
          });
      String owner = shown + " is owned by host uid " + accounts.describeUser(hostUid);
      if (!yours.contains(hostUid)) {
        return new ProbeResult(
            false,
            expected,
            owner
                + ", which is not in your range "
                + yours.text()
                + " in "
                + subuid
                + why(hostUid, you),
            values);
      }
      long position = hostUid - yours.start() + 1;
      values.put("position", ordinal(position));
      String inRange =
          "host uid "
              + hostUid
              + ", the "
              + ordinal(position)
              + " id of your range "
              + yours.text()
              + " in "
              + subuid;
      if (line.isEmpty()) {
        return new ProbeResult(
            false,
            expected,
            shown
                + " is owned by "
                + inRange
                + ", but "
                + mappings.source()
                + " does not map that uid ("
                + IdMapping.lines(mappings.uids())
                + "): inside it shows as the overflow uid, nobody",
            values);
      }
      return ProbeResult.pass(
          expected,
          "inside uid "
              + line.get().inside(hostUid)
              + " -> "
              + inRange
              + " ("
              + mappings.source()
              + ": "
              + line.get().line()
              + ")",
          values);
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private String why(long hostUid, HostUser you) {
    return hostUid == you.uid()
        ? ": it is your own uid, so inside it is container root (uid 0), not a subordinate id"
        : "";
  }

  /** A container's uid_map, or a bundle's uidMappings; and how to name where they came from. */
  private record Mappings(List<IdMapping> uids, String source) {}

  private static Mappings mappings(ProbeContext context, String word) throws Unmet, IOException {
    Path asBundle = context.resolve(word);
    if (Files.isRegularFile(asBundle.resolve("config.json")) || word.endsWith(".json")) {
      BundleConfig config = BundleConfig.read(context, word);
      return new Mappings(fromSpec(config), "the uidMappings of " + config.shown());
    }
    ContainerProcess process = ContainerProcess.find(context, word);
    return new Mappings(
        IdMapping.read(process.procDir().resolve("uid_map"), process.label()),
        "the uid_map of " + process.label());
  }

  private static List<IdMapping> fromSpec(BundleConfig config) throws Unmet {
    JsonNode list = config.json().path("linux").path("uidMappings");
    List<IdMapping> mappings = new ArrayList<>();
    for (JsonNode entry : list) {
      JsonNode inside = entry.path("containerID");
      JsonNode host = entry.path("hostID");
      JsonNode size = entry.path("size");
      if (inside.isIntegralNumber()
          && host.isIntegralNumber()
          && size.isIntegralNumber()
          && inside.asLong() >= 0
          && host.asLong() >= 0
          && size.asLong() > 0) {
        mappings.add(new IdMapping(inside.asLong(), host.asLong(), size.asLong()));
      }
    }
    if (mappings.isEmpty()) {
      throw new Unmet(config.shown() + " has no usable linux.uidMappings entry");
    }
    return mappings;
  }

  /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, ..., 21st, ..., 1000th. */
  static String ordinal(long n) {
    long lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch ((int) (n % 10)) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
