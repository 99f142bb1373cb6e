package dev.rootlessctr.probe;

import dev.rootlessctr.host.AccountBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code rootfs DIR [PATH...]}: an unpacked root file system with the given paths inside it (by
 * default a shell, busybox or ls, and {@code etc/passwd}).
 */
final class RootfsProbe implements Probe {

  // Each inner list is one requirement that any of its paths satisfies.
  private static final List<List<String>> DEFAULT_PATHS =
      List.of(List.of("bin/sh"), List.of("bin/busybox", "bin/ls"), List.of("etc/passwd"));

  private final AccountBook accounts;

  RootfsProbe(AccountBook accounts) {
    this.accounts = accounts;
  }

  @Override
  public String name() {
    return "rootfs";
  }

  @Override
  public String usage() {
    return "rootfs DIR [PATH...]";
  }

  @Override
  public List<String> valueNames() {
    return List.of("entries", "owner", "ownerUid", "shell");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, Integer.MAX_VALUE);
    String shown = PathWords.withoutTrailingSlash(args.get(0));
    List<List<String>> required =
        args.size() > 1
            ? args.subList(1, args.size()).stream().map(path -> List.of(inside(path))).toList()
            : DEFAULT_PATHS;
    String expected =
        "an unpacked root file system in "
            + shown
            + " with "
            + String.join(", ", required.stream().map(RootfsProbe::describe).toList());
    Path rootfs = context.resolve(shown);
    if (!Files.exists(rootfs)) {
      return ProbeResult.fail(
          expected, shown + " does not exist: the image has not been unpacked there yet");
    }
    if (!Files.isDirectory(rootfs)) {
      return ProbeResult.fail(expected, shown + " is a file, not a directory");
    }
    List<String> entries = topLevel(rootfs);
    if (entries.isEmpty()) {
      return ProbeResult.fail(
          expected, shown + " is empty: the image has not been unpacked into it yet");
    }
    for (List<String> anyOf : required) {
      if (anyOf.stream().noneMatch(path -> exists(rootfs.resolve(path)))) {
        return ProbeResult.fail(
            expected,
            shown
                + "/"
                + describe(anyOf)
                + " is missing ("
                + shown
                + " has: "
                + String.join(", ", entries)
                + ")");
      }
    }
    long ownerUid = Integer.toUnsignedLong((Integer) Files.getAttribute(rootfs, "unix:uid"));
    return ProbeResult.pass(
        expected,
        shown
            + " has "
            + entries.size()
            + " top-level entries ("
            + String.join(", ", entries)
            + "), owned by "
            + accounts.describeUser(ownerUid),
        Map.of(
            "entries", Integer.toString(entries.size()),
            "owner", accounts.userName(ownerUid),
            "ownerUid", Long.toString(ownerUid),
            "shell", shell(rootfs)));
  }

  // bin/sh is usually a symlink such as "busybox" or "/bin/busybox": absolute links point into
  // the container's tree, not the host's, so they are never followed here.
  private static boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  private static String shell(Path rootfs) throws IOException {
    Path sh = rootfs.resolve("bin/sh");
    if (Files.isSymbolicLink(sh)) {
      return Files.readSymbolicLink(sh).toString();
    }
    return exists(sh) ? "bin/sh" : "none";
  }

  private static List<String> topLevel(Path rootfs) throws IOException {
    try (Stream<Path> children = Files.list(rootfs)) {
      return children.map(child -> child.getFileName().toString()).sorted().toList();
    }
  }

  /** Lessons may write container paths absolute ("/etc/passwd"); they are inside the rootfs. */
  private static String inside(String path) {
    String relative = path;
    while (relative.startsWith("/")) {
      relative = relative.substring(1);
    }
    return relative;
  }

  private static String describe(List<String> anyOf) {
    return String.join(" (or ", anyOf) + ")".repeat(anyOf.size() - 1);
  }
}
