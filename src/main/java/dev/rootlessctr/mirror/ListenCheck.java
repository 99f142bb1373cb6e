package dev.rootlessctr.mirror;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a {@code --listen} address before binding it, and turns a failed bind into a sentence an
 * instructor can act on.
 */
final class ListenCheck {

  private ListenCheck() {}

  /** What stops the mirror from listening on {@code listen}, if anything, in plain words. */
  static Optional<String> problem(HostPort listen) {
    if (listen.host().equalsIgnoreCase("localhost")) {
      return Optional.empty();
    }
    Optional<InetAddress> address = listen.literal();
    if (address.isEmpty()) {
      return Optional.of(
          "--listen takes an address in numbers, such as "
              + example()
              + ", not the name "
              + listen.host());
    }
    if (!LocalAddresses.isLocal(address.get())) {
      List<String> own = LocalAddresses.forOthers();
      return Optional.of(
          listen.host()
              + " is not an address of this machine"
              + (own.isEmpty()
                  ? " (it has only 127.0.0.1)"
                  : " (its addresses: " + String.join(", ", own) + ", 127.0.0.1)"));
    }
    return Optional.empty();
  }

  static InetSocketAddress socketAddress(HostPort listen) {
    InetAddress address = listen.literal().orElse(InetAddress.getLoopbackAddress()); // localhost
    return new InetSocketAddress(address, listen.port());
  }

  /** The addresses learners would use: this one, or each of this machine's for a wildcard. */
  static List<String> forLearners(HostPort listen) {
    boolean wildcard = listen.literal().map(InetAddress::isAnyLocalAddress).orElse(false);
    if (!wildcard) {
      return List.of(listen.toString());
    }
    return LocalAddresses.forOthers().stream()
        .map(a -> (a.contains(":") ? "[" + a + "]" : a) + ":" + listen.port())
        .toList();
  }

  /** Why binding {@code address} failed, and what to do about it. */
  static String bindFailure(InetSocketAddress address, IOException e) {
    String host = LocalAddresses.shown(address.getAddress());
    String shown = (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    String reason = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (e instanceof BindException && reason.contains("in use")) {
      return "cannot listen on "
          + shown
          + ": the port is in use (another registry or mirror?); choose another port";
    }
    if (e instanceof BindException
        && (reason.contains("permission") || reason.contains("access"))) {
      return "cannot listen on "
          + shown
          + ": ports below 1024 need root; choose a port from 1024 up, e.g. 5000";
    }
    if (e instanceof BindException && reason.contains("assign")) {
      return "cannot listen on " + shown + ": this machine does not have that address (any more?)";
    }
    return "cannot listen on " + shown + ": " + e.getMessage();
  }

  private static String example() {
    List<String> own = LocalAddresses.forOthers();
    return (own.isEmpty() ? "192.168.1.10" : own.get(0)) + ":5000";
  }
}
