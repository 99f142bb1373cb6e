package dev.rootlessctr.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * slirp4netns's finding: installed (as {@link ToolCheck} finds it), and the TUN device it opens
 * inside a container's namespaces usable by the learner. Debian's udev makes {@code /dev/net/tun}
 * mode 0666; a host without udev (a minimal VM, a container) keeps the kernel's 0600 root, and then
 * slirp4netns fails with {@code open("/dev/net/tun"): Permission denied}.
 */
final class SlirpCheck implements Check {

  static final String TUN = "/dev/net/tun";

  private static final String WHY =
      "slirp4netns gives a container's network namespace a way out: it opens "
          + TUN
          + " inside the container's namespaces to make the tap0 device there.";

  private final ToolCheck installed;

  SlirpCheck(ToolCheck installed) {
    this.installed = installed;
  }

  @Override
  public Finding run(HostView host) {
    Finding found = installed.run(host);
    if (found.status() != Status.PASS) {
      return found;
    }
    String checked = found.checked() + ", then whether you may read and write " + TUN;
    Path tun = host.resolve(TUN);
    if (!Files.exists(tun, LinkOption.NOFOLLOW_LINKS)) {
      return with(
          found,
          checked,
          found.seen() + "; but " + TUN + " does not exist",
          "Load the kernel's tun module (as root): modprobe tun");
    }
    if (Files.isReadable(tun) && Files.isWritable(tun)) {
      return new Finding(
          found.id(),
          found.title(),
          Status.PASS,
          found.requirement(),
          checked,
          found.seen() + "; " + TUN + " is open to you",
          "",
          "",
          java.util.List.of());
    }
    return with(
        found,
        checked,
        found.seen() + "; but " + TUN + " is " + mode(tun) + ": you may not open it",
        "Ask an administrator to run: chmod 0666 "
            + TUN
            + "\n(what Debian's udev rules do at every boot; this host seems to have no udev, so"
            + " it must be done again after a reboot)");
  }

  private static Finding with(Finding found, String checked, String seen, String fix) {
    return new Finding(
        found.id(),
        found.title(),
        Status.WARN,
        found.requirement(),
        checked,
        seen,
        WHY,
        fix,
        java.util.List.of());
  }

  private static String mode(Path tun) {
    try {
      PosixFileAttributes attributes =
          Files.readAttributes(tun, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return "mode "
          + PosixFilePermissions.toString(attributes.permissions())
          + ", owned by "
          + attributes.owner().getName();
    } catch (IOException | UnsupportedOperationException e) {
      // Its mode cannot be read (or the file system has no POSIX view): all that is known is
      // that opening it for slirp4netns failed, which the caller found before asking.
      return "not readable and writable";
    }
  }
}
