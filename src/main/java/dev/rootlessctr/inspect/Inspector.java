package dev.rootlessctr.inspect;

import dev.rootlessctr.probe.Probe;
import dev.rootlessctr.probe.ProbeContext;
import dev.rootlessctr.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides what {@code :inspect WORD} looks at and reads it now: a container in any of the roots, a
 * bundle (a directory with config.json, or the file), an image layout (a directory with an
 * oci-layout file); without a word, what there is to inspect.
 */
public final class Inspector {

  /**
   * Where to look.
   *
   * @param context the learner's directory, environment and /proc; its runc root is the course's
   * @param roots every runc state directory to search for containers, course's first
   * @param lab the lab directory, where the overview looks for bundles and layouts
   */
  public record Where(ProbeContext context, List<Path> roots, Path lab) {
    public Where {
      roots = List.copyOf(roots);
    }
  }

  // runc's own default is about 3 KB; a file thousands of times that size is not a config.json.
  private static final long MAX_CONFIG = 16L << 20;

  private final Probing probing;
  private final ContainerInspector containers;
  private final BundleInspector bundles;
  private final LayoutInspector layouts;

  public Inspector(Map<String, Probe> probes, DefaultSpec defaults) {
    this.probing = new Probing(probes);
    this.containers = new ContainerInspector(probing);
    this.bundles = new BundleInspector(probing, defaults);
    this.layouts = new LayoutInspector(probing);
  }

  public Inspection inspect(Optional<String> word, Where where) {
    if (word.isEmpty()) {
      return overview(where);
    }
    String w = word.get();
    List<Path> holding =
        w.contains("/") || w.startsWith(".") || w.isEmpty()
            ? List.of()
            : where.roots().stream().filter(r -> Files.isDirectory(r.resolve(w))).toList();
    Path path = where.context().resolve(w);
    if (!holding.isEmpty()) {
      return containers.inspect(
          where.context(), holding.get(0), w, holding.subList(1, holding.size()));
    }
    if (Files.isDirectory(path) && Files.exists(path.resolve("oci-layout"))) {
      return layouts.inspect(where.context(), w, path);
    }
    if (Files.isDirectory(path) && Files.exists(path.resolve("config.json"))) {
      return bundles.inspect(where.context(), w, path.resolve("config.json"));
    }
    if (Files.isRegularFile(path)) {
      long size = size(path);
      if (size > MAX_CONFIG) {
        return new Inspection(
            Inspection.Kind.NOTHING,
            w + " (" + path + ")",
            List.of(
                Fact.unreadable(
                    "what",
                    "a file of "
                        + size
                        + " bytes: too big to be a bundle's config.json, so it was not read")));
      }
      return bundles.inspect(where.context(), w, path);
    }
    if (Files.exists(path)) {
      return new Inspection(
          Inspection.Kind.NOTHING,
          w + " (" + path + ")",
          List.of(
              Fact.unreadable(
                  "what",
                  "exists, but is neither a directory nor a regular file (a device, a pipe or a"
                      + " socket), so it was not read")));
    }
    if (Files.isDirectory(path)) {
      return new Inspection(
          Inspection.Kind.NOTHING,
          w + " (" + path + ")",
          List.of(
              Fact.unreadable(
                  "what",
                  "a directory, but neither a bundle (no config.json) nor an OCI image layout (no"
                      + " oci-layout file)")));
    }
    // A root this user cannot list may still hold it: runc's answer says so.
    for (Path root : where.roots()) {
      if (!Files.isExecutable(root) && !w.contains("/")) {
        return containers.inspect(where.context(), root, w, List.of());
      }
    }
    return new Inspection(
        Inspection.Kind.NOTHING,
        w,
        List.of(
            Fact.unreadable(
                "what",
                "no container named "
                    + w
                    + " under "
                    + String.join(", ", where.roots().stream().map(Path::toString).toList())
                    + ", and no file or directory "
                    + path)));
  }

  private Inspection overview(Where where) {
    List<Fact> facts = new ArrayList<>();
    List<String> found = new ArrayList<>();
    for (Path root : where.roots()) {
      ProbeResult list = probing.run(Probing.under(where.context(), root), "runc-list");
      found.add(
          "--root "
              + root
              + ": "
              + (list.passed()
                  ? list.values().get("containers")
                  : "(not readable) " + list.actual()));
    }
    facts.add(
        where.roots().isEmpty()
            ? Fact.of("containers", "none: no runc state directory exists yet")
            : Fact.of("containers", found));
    List<String> bundleDirs = new ArrayList<>();
    List<String> layoutDirs = new ArrayList<>();
    for (Path dir : dirsUnder(where.lab(), 2)) {
      String shown = where.lab().relativize(dir).toString();
      if (Files.isRegularFile(dir.resolve("config.json"))) {
        bundleDirs.add(shown);
      }
      if (Files.isRegularFile(dir.resolve("oci-layout"))) {
        layoutDirs.add(shown);
      }
    }
    facts.add(
        Fact.of(
            "bundles in the lab", bundleDirs.isEmpty() ? "none" : String.join(" ", bundleDirs)));
    facts.add(
        Fact.of(
            "image layouts in the lab",
            layoutDirs.isEmpty() ? "none" : String.join(" ", layoutDirs)));
    return new Inspection(
        Inspection.Kind.OVERVIEW,
        "What there is to inspect (:inspect NAME or :inspect PATH)",
        facts);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // unreadable: the config probe says why
    }
  }

  /** Directories at most {@code depth} levels below {@code top}; a rootfs is not entered. */
  private static List<Path> dirsUnder(Path top, int depth) {
    List<Path> found = new ArrayList<>();
    if (depth == 0 || !Files.isDirectory(top)) {
      return found;
    }
    try (Stream<Path> entries = Files.list(top)) {
      for (Path dir : entries.filter(Files::isDirectory).sorted().toList()) {
        found.add(dir);
        if (!dir.getFileName().toString().equals("rootfs")) {
          found.addAll(dirsUnder(dir, depth - 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable directory holds nothing to show
    }
    return found;
  }
}
