package dev.rootlessctr.host;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a capability mask as /proc/PID/status prints it ({@code CapEff: 00000000a80425fb}): the
 * one capability name table, for {@code :inspect} and the {@code capabilities} probe.
 */
public final class Capabilities {

  // Bit numbers from linux/capability.h; a bit beyond the table is named by its number.
  private static final List<String> NAMES =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_DAC_READ_SEARCH",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST",
          "CAP_NET_ADMIN",
          "CAP_NET_RAW",
          "CAP_IPC_LOCK",
          "CAP_IPC_OWNER",
          "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO",
          "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE",
          "CAP_SYS_PACCT",
          "CAP_SYS_ADMIN",
          "CAP_SYS_BOOT",
          "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE",
          "CAP_SYS_TIME",
          "CAP_SYS_TTY_CONFIG",
          "CAP_MKNOD",
          "CAP_LEASE",
          "CAP_AUDIT_WRITE",
          "CAP_AUDIT_CONTROL",
          "CAP_SETFCAP",
          "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN",
          "CAP_SYSLOG",
          "CAP_WAKE_ALARM",
          "CAP_BLOCK_SUSPEND",
          "CAP_AUDIT_READ",
          "CAP_PERFMON",
          "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE");

  private Capabilities() {}

  /** Whether {@code name} is a capability the table knows, e.g. {@code CAP_CHOWN}. */
  public static boolean isName(String name) {
    return NAMES.contains(name);
  }

  /**
   * The names of the bits set in {@code hex}, lowest bit first; throws on a mask that is not hex.
   */
  public static List<String> decode(String hex) {
    if (!hex.strip().matches("[0-9a-fA-F]{1,32}")) {
      throw new NumberFormatException("not a capability mask: " + hex.strip());
    }
    BigInteger mask = new BigInteger(hex.strip(), 16);
    List<String> names = new ArrayList<>();
    for (int bit = 0; bit < mask.bitLength(); bit++) {
      if (mask.testBit(bit)) {
        names.add(bit < NAMES.size() ? NAMES.get(bit) : "capability bit " + bit);
      }
    }
    return names;
  }
}
