package dev.rootlessctr.mirror;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registry address as a person types it: {@code HOST:PORT}, where HOST is a name, an IPv4 address
 * or a bracketed IPv6 address, and PORT is from 1 to 65535. Names are never looked up here: parsing
 * a command line must not wait for DNS.
 */
public record HostPort(String host, int port) {

  private static final Pattern FORM =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):(\\d+)");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /**
   * Parses {@code text}; the exception's message says what is wrong in plain words, without the
   * text itself, which the caller shows with its own example.
   */
  public static HostPort parse(String text) {
    Matcher form = FORM.matcher(text);
    if (!form.matches()) {
      throw new IllegalArgumentException("not HOST:PORT");
    }
    String digits = form.group(2);
    long port = digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the port must be from 1 to 65535, not " + digits);
    }
    HostPort parsed = new HostPort(form.group(1), (int) port);
    Matcher ipv4 = IPV4.matcher(parsed.host);
    if (ipv4.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(ipv4.group(i)) > 255) {
          throw new IllegalArgumentException(
              parsed.host + " is not an IPv4 address (each part is 0 to 255)");
        }
      }
    } else if (parsed.host.startsWith("[") && parsed.literal().isEmpty()) {
      throw new IllegalArgumentException(parsed.host + " is not an IPv6 address");
    }
    return parsed;
  }

  /** The address when HOST is written as one (IPv4 or bracketed IPv6); empty for a name. */
  public Optional<InetAddress> literal() {
    boolean ipv6 = host.startsWith("[") && host.endsWith("]");
    if (!ipv6 && !IPV4.matcher(host).matches()) {
      return Optional.empty();
    }
    try {
      // A literal: getByName parses it without any lookup.
      return Optional.of(InetAddress.getByName(ipv6 ? host.substring(1, host.length() - 1) : host));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether HOST means this machine only: {@code localhost}, 127.0.0.0/8 or ::1. */
  public boolean loopback() {
    return host.toLowerCase(Locale.ROOT).equals("localhost")
        || literal().map(InetAddress::isLoopbackAddress).orElse(false);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
