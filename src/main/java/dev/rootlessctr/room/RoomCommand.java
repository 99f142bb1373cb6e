package dev.rootlessctr.room;

import dev.rootlessctr.mirror.HostPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code rootless-ctr room HOST:PORT}: the instructor's live table of the learners who share their
 * progress in the room's registry, redrawn every {@code --every} seconds (the screen is cleared on
 * a terminal; elsewhere each round is printed after the last). {@code --once} prints one table and
 * exits, for scripts and tests.
 */
public final class RoomCommand {

  public static final String USAGE =
      "usage: rootless-ctr room HOST:PORT [--once] [--every SECONDS] [--stuck-after MINUTES]";
  private static final String CLEAR = "\033[H\033[2J";

  private final boolean terminal;
  private final Clock clock;

  /** {@code terminal}: standard output is a terminal, so each round replaces the last on screen. */
  public RoomCommand(boolean terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  /** The parsed arguments. */
  record Args(String address, boolean once, Duration every, Duration stuckAfter) {}

  static Args parse(List<String> args) {
    String address = null;
    boolean once = false;
    Duration every = Duration.ofSeconds(1);
    Duration stuckAfter = Duration.ofMinutes(10);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--once" -> once = true;
        case "--every" -> every = Duration.ofSeconds(number(args, ++i, arg, 1, 60));
        case "--stuck-after" -> stuckAfter = Duration.ofMinutes(number(args, ++i, arg, 1, 600));
        default -> {
          if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option " + arg);
          }
          if (address != null) {
            throw new IllegalArgumentException(
                "one room at a time: found '" + address + "' and '" + arg + "'");
          }
          try {
            address = HostPort.parse(arg).toString();
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                "HOST:PORT expected, e.g. 192.168.1.10:5000 (found '"
                    + arg
                    + "': "
                    + e.getMessage()
                    + ")");
          }
        }
      }
    }
    if (address == null) {
      throw new IllegalArgumentException(
          "which room? Give the registry's HOST:PORT, as the learners' --registry"
              + " workshop=HOST:PORT");
    }
    return new Args(address, once, every, stuckAfter);
  }

  private static int number(List<String> args, int i, String option, int min, int max) {
    if (i >= args.size()
        || !args.get(i).matches("\\d{1,4}")
        || Integer.parseInt(args.get(i)) < min
        || Integer.parseInt(args.get(i)) > max) {
      throw new IllegalArgumentException(
          option + " takes a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(args.get(i));
  }

  /** Exit status: 0 shown, 1 the registry could not be read (with --once), 2 usage. */
  public int run(List<String> args, PrintWriter out, PrintWriter err) {
    if (args.contains("-h") || args.contains("--help")) {
      out.println(USAGE);
      return 0;
    }
    Args parsed;
    try {
      parsed = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("rootless-ctr room: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    RoomReader reader = new RoomReader(new RegistryClient(parsed.address(), 2000, 5000));
    RoomTable table = new RoomTable(parsed.address(), parsed.stuckAfter(), 3);
    long next = System.nanoTime();
    while (true) {
      // Tables at a fixed rate, not a fixed pause after each round: a slow round does not add to
      // the wait.
      next =
          Math.max(next, System.nanoTime() - parsed.every().toNanos())
              + parsed.every().toNanos(); // no catching up after a stall
      List<String> lines;
      try {
        lines = table.render(reader.read(), clock.instant());
      } catch (IOException e) {
        String why =
            "the room's registry at " + parsed.address() + " cannot be read: " + e.getMessage();
        if (parsed.once()) {
          err.println("rootless-ctr room: " + why);
          return 1;
        }
        lines = List.of("Room at " + parsed.address() + ": " + why + " (trying again)");
      }
      if (terminal && !parsed.once()) {
        out.print(CLEAR);
      }
      lines.forEach(out::println);
      out.flush();
      if (parsed.once()) {
        return 0;
      }
      if (!terminal) {
        out.println();
      }
      try {
        Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }
  }
}
