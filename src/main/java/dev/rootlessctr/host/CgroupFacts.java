package dev.rootlessctr.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The cgroup hierarchy as a process of the learner sees it: which version the host mounts, the
 * process's own cgroup, who owns it and which controllers it may use. The doctor judges these, the
 * {@code cgroups} probe quotes them; both read them here.
 *
 * @param version how {@code /sys/fs/cgroup} is mounted
 * @param ownPath the process's cgroup: the unified ({@code 0::}) path on v2 and hybrid hosts, else
 *     the v1 pids hierarchy's path; empty when {@code /proc/.../cgroup} does not say
 * @param ownDir the host path of that cgroup's directory, e.g. {@code /sys/fs/cgroup/user.slice}
 * @param owner the uid owning {@code ownDir}, when it exists
 * @param controllers what the host offers: the root's {@code cgroup.controllers} on v2, the v1
 *     hierarchies otherwise; space separated, empty for none
 * @param ownControllers the controllers available in the own cgroup on v2; empty otherwise
 * @param subtreeControl the controllers the own cgroup enables for its children on v2
 */
public record CgroupFacts(
    Version version,
    Optional<String> ownPath,
    String ownDir,
    OptionalInt owner,
    String controllers,
    String ownControllers,
    String subtreeControl) {

  /** How the cgroup filesystem is mounted. */
  public enum Version {
    /** No {@code /sys/fs/cgroup} at all. */
    NONE("none"),
    /** Only v1 hierarchies, one per controller. */
    V1("v1"),
    /** v1 hierarchies hold the controllers; a cgroup2 at {@code unified} holds none of them. */
    HYBRID("hybrid"),
    /** The unified hierarchy: the only one where an unprivileged user can be given controllers. */
    V2("v2");

    private final String word;

    Version(String word) {
      this.word = word;
    }

    /** {@code v1}, {@code hybrid}, {@code v2} or {@code none}. */
    public String word() {
      return word;
    }
  }

  /**
   * Reads the facts; {@code resolve} turns a host path ({@code /sys/fs/cgroup/...}) into the file
   * to read, so a test can point it at a fake tree, and {@code procCgroup} is the host path of the
   * process's cgroup file ({@code /proc/self/cgroup}).
   */
  public static CgroupFacts read(Function<String, Path> resolve, String procCgroup) {
    Optional<String> membership = text(resolve.apply(procCgroup));
    Version version;
    if (!Files.isDirectory(resolve.apply("/sys/fs/cgroup"))) {
      version = Version.NONE;
    } else if (text(resolve.apply("/sys/fs/cgroup/cgroup.controllers")).isPresent()) {
      version = Version.V2;
    } else if (text(resolve.apply("/sys/fs/cgroup/unified/cgroup.controllers")).isPresent()) {
      version = Version.HYBRID;
    } else {
      version = Version.V1;
    }
    Optional<String> unified = membership.flatMap(CgroupFacts::unifiedPath);
    Optional<String> pids = membership.flatMap(m -> v1Path(m, "pids"));
    Optional<String> own =
        switch (version) {
          case V2 -> unified;
          case HYBRID, V1 -> pids.or(() -> unified);
          case NONE -> unified;
        };
    String base =
        switch (version) {
          case V2 -> "/sys/fs/cgroup";
          case HYBRID, V1 -> pids.isPresent() ? "/sys/fs/cgroup/pids" : "/sys/fs/cgroup/unified";
          case NONE -> "/sys/fs/cgroup";
        };
    String ownDir = own.map(p -> base + (p.equals("/") ? "" : p)).orElse(base);
    OptionalInt owner = ownerOf(resolve.apply(ownDir));
    String controllers =
        version == Version.V2
            ? words(text(resolve.apply("/sys/fs/cgroup/cgroup.controllers")))
            : membership.map(CgroupFacts::v1Hierarchies).orElse("");
    String ownControllers =
        version == Version.V2 ? words(text(resolve.apply(ownDir + "/cgroup.controllers"))) : "";
    String subtree =
        version == Version.V2 ? words(text(resolve.apply(ownDir + "/cgroup.subtree_control"))) : "";
    return new CgroupFacts(version, own, ownDir, owner, controllers, ownControllers, subtree);
  }

  /** Whether {@code uid} owns the own cgroup on a v2 host: systemd delegated it to them. */
  public boolean delegatedTo(long uid) {
    return version == Version.V2 && owner.isPresent() && owner.getAsInt() == uid;
  }

  /** The path of the {@code 0::} line of a {@code /proc/PID/cgroup}, if it has one. */
  public static Optional<String> unifiedPath(String procCgroup) {
    for (String line : procCgroup.split("\n")) {
      if (line.startsWith("0::")) {
        return Optional.of(line.substring(3).strip());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> v1Path(String procCgroup, String controller) {
    for (String line : procCgroup.split("\n")) {
      String[] parts = line.split(":", 3);
      if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
        return Optional.of(parts[2].strip());
      }
    }
    return Optional.empty();
  }

  /** The v1 hierarchies' controllers, e.g. {@code cpu cpuacct memory pids}, in file order. */
  private static String v1Hierarchies(String procCgroup) {
    List<String> names = new ArrayList<>();
    for (String line : procCgroup.split("\n")) {
      String[] parts = line.split(":", 3);
      if (parts.length == 3 && !parts[1].isEmpty() && !parts[1].startsWith("name=")) {
        names.add(parts[1]);
      }
    }
    Collections.reverse(names); // the file lists the highest hierarchy id first
    return String.join(" ", names);
  }

  /** Reads a file that may report size 0 (/proc, cgroupfs), or empty when it cannot. */
  public static Optional<String> text(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static OptionalInt ownerOf(Path dir) {
    try {
      return Files.isDirectory(dir)
          ? OptionalInt.of((Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS))
          : OptionalInt.empty();
    } catch (IOException | UnsupportedOperationException e) {
      return OptionalInt.empty(); // no unix attribute view: the owner is unknown
    }
  }

  private static String words(Optional<String> text) {
    return text.map(String::strip).map(s -> s.replaceAll("\\s+", " ")).orElse("");
  }
}
