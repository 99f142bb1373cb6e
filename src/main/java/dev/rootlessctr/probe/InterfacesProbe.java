package dev.rootlessctr.probe;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code interfaces PID|NAME [INTERFACE]}: the network interfaces and the default route a container
 * sees, read from outside in {@code /proc/PID/net/dev} and {@code /proc/PID/net/route}, which show
 * the network namespace the process is in.
 */
final class InterfacesProbe implements Probe {

  /** Larger than any real table of a container's few interfaces and routes. */
  private static final long MOST_BYTES = 1 << 20;

  @Override
  public String name() {
    return "interfaces";
  }

  @Override
  public String usage() {
    return "interfaces PID|NAME [INTERFACE]";
  }

  @Override
  public List<String> valueNames() {
    return List.of("names", "count", "defaultGateway", "defaultInterface", "processId");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 2);
    String expected =
        args.size() == 2
            ? args.get(0) + " has a network interface named " + args.get(1)
            : "the network interfaces of " + args.get(0) + " can be read";
    try {
      ContainerProcess process = ContainerProcess.find(context, args.get(0));
      Path dev = process.procDir().resolve("net/dev");
      Path route = process.procDir().resolve("net/route");
      NetInterfaces seen;
      try {
        seen =
            NetInterfaces.parse(
                read(dev, process), dev.toString(), read(route, process), route.toString());
      } catch (NetInterfaces.Malformed malformed) {
        throw new Unmet(malformed.getMessage());
      }
      String names = seen.names().isEmpty() ? "none" : String.join(", ", seen.names());
      if (args.size() == 2 && !seen.names().contains(args.get(1))) {
        throw new Unmet(
            process.label() + " has no interface " + args.get(1) + "; it sees " + names);
      }
      String gateway =
          seen.defaultRoute().flatMap(NetInterfaces.DefaultRoute::gateway).orElse("none");
      String iface = seen.defaultRoute().map(NetInterfaces.DefaultRoute::iface).orElse("none");
      return ProbeResult.pass(
          expected,
          process.label()
              + " sees "
              + seen.names().size()
              + " interface(s): "
              + names
              + seen.defaultRoute()
                  .map(
                      r ->
                          "; its default route goes "
                              + r.gateway().map(g -> "through " + g + " ").orElse("")
                              + "out of "
                              + r.iface())
                  .orElse("; it has no default route"),
          Map.of(
              "names", names,
              "count", Integer.toString(seen.names().size()),
              "defaultGateway", gateway,
              "defaultInterface", iface,
              "processId", Long.toString(process.pid())));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static String read(Path file, ContainerProcess process) throws Unmet, IOException {
    try {
      if (Files.size(file) > MOST_BYTES) {
        throw new Unmet(file + " is larger than a network table can be");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException gone) {
      throw new Unmet(process.label() + " is gone: " + file + " does not exist");
    } catch (AccessDeniedException denied) {
      throw new Unmet(
          "cannot read " + file + ": permission denied (" + process.label() + " is not yours?)");
    } catch (MalformedInputException binary) {
      throw new Unmet(file + " is not text");
    } catch (IOException e) {
      // A process that exits while its table is read: the kernel answers ESRCH.
      throw new Unmet(file + " could not be read: " + e.getMessage());
    }
  }
}
