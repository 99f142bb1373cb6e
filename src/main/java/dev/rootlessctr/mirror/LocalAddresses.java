package dev.rootlessctr.mirror;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** This machine's own addresses, to check a listen address and to suggest one for a room. */
final class LocalAddresses {

  private LocalAddresses() {}

  /** Whether a server can bind {@code address} here: a wildcard, loopback, or an interface's. */
  static boolean isLocal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }

  /**
   * The addresses other machines could use: of interfaces that are up, not loopback, IPv4 first.
   */
  static List<String> forOthers() {
    List<String> ipv4 = new ArrayList<>();
    List<String> ipv6 = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address.isLinkLocalAddress()) {
            continue; // fe80::: needs a scope a learner's machine does not share
          }
          (address.getAddress().length == 4 ? ipv4 : ipv6).add(shown(address));
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    ipv4.addAll(ipv6);
    return ipv4;
  }

  /**
   * How people write the address: IPv6 in its short form (fd00::2, not fd00:0:0:0:0:0:0:2) and
   * without a scope; IPv4 as it is.
   */
  static String shown(InetAddress address) {
    String text = address.getHostAddress();
    int scope = text.indexOf('%');
    if (scope >= 0) {
      text = text.substring(0, scope);
    }
    if (address.getAddress().length == 4) {
      return text;
    }
    String[] groups = text.split(":");
    int bestStart = -1;
    int bestLength = 1; // RFC 5952: "::" only for two or more zero groups
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
    }
    if (bestStart < 0) {
      return text;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail =
        String.join(
            ":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }
}
