package dev.rootlessctr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line.
 *
 * @param command {@code shell} (the default), {@code doctor}, {@code mirror}, {@code lint},
 *     {@code new-lesson}, {@code verify} or {@code room}
 * @param fresh the shell works in a throwaway home, lab and progress, removed when it ends
 * @param rest the words after a subcommand, for it to parse
 */
record Options(
    String command,
    Path lessons,
    Path lab,
    String registry,
    String color,
    boolean allowRoot,
    boolean fresh,
    boolean help,
    List<String> rest) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: rootless-ctr [OPTIONS]            start the tutorial shell",
          "       rootless-ctr doctor [--json]      diagnose this host for rootless containers",
          "       rootless-ctr mirror build|serve|push HOST:PORT",
          "       rootless-ctr lint [--json] [DIR]  check a course's lessons (default: --lessons)",
          "       rootless-ctr new-lesson DIR NAME  start a lesson from a template that passes lint",
          "       rootless-ctr verify [--tap] [--junit FILE]   check every step, headless",
          "       rootless-ctr room HOST:PORT [--once]   the workshop room's progress, live",
          "",
          "options:",
          "  --lessons DIR       the course folder (default: lessons/rootless)",
          "  --lab DIR           where commands run (default: ~/rootless-ctr-lab)",
          "  --registry MODE     offline (default: built-in mirror), online (Docker Hub),",
          "                      or workshop=HOST:PORT (the instructor's registry)",
          "  --color WHEN        auto (default), always or never; NO_COLOR is honoured",
          "  --allow-root        run as root anyway (nothing will be rootless)",
          "  --fresh             a throwaway home, lab and progress, removed at the end (for scripts)",
          "  -h, --help          this text");

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a message on bad usage. */
  static Options parse(String[] args, Path projectDir) {
    String command = "shell";
    Path lessons = projectDir.resolve("lessons").resolve("rootless");
    Path lab = null;
    String registry = null;
    String color = "auto";
    boolean allowRoot = false;
    boolean fresh = false;
    boolean help = false;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!command.equals("shell")) {
        // The doctor judges the same lab and registry the shell would use, named either side.
        if (command.equals("doctor") && arg.equals("--registry")) {
          registry = value(args, ++i, arg);
          continue;
        }
        if (command.equals("doctor") && arg.startsWith("--registry=")) {
          registry = arg.substring("--registry=".length());
          continue;
        }
        if (command.equals("doctor") && arg.equals("--lab")) {
          lab = Path.of(value(args, ++i, arg));
          continue;
        }
        if (arg.equals("--allow-root")) {
          allowRoot = true;
        }
        rest.add(arg);
        continue;
      }
      switch (arg) {
        case "doctor", "mirror", "lint", "new-lesson", "verify", "room" -> command = arg;
        case "--lessons" -> lessons = Path.of(value(args, ++i, arg));
        case "--lab" -> lab = Path.of(value(args, ++i, arg));
        case "--registry" -> registry = value(args, ++i, arg);
        case "--color" -> color = value(args, ++i, arg);
        case "--allow-root" -> allowRoot = true;
        case "--fresh" -> fresh = true;
        case "-h", "--help" -> help = true;
        default -> {
          if (arg.startsWith("--registry=")) {
            registry = arg.substring("--registry=".length());
          } else if (arg.startsWith("--color=")) {
            color = arg.substring("--color=".length());
          } else {
            throw new IllegalArgumentException("unknown option " + arg);
          }
        }
      }
    }
    if (fresh && lab != null) {
      throw new IllegalArgumentException("--fresh makes its own throwaway lab; drop --lab");
    }
    if (registry != null) {
      dev.rootlessctr.mirror.RegistryMode.parse(registry); // throws with the accepted forms
    }
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new IllegalArgumentException("--color takes auto, always or never");
    }
    return new Options(command, lessons, lab, registry, color, allowRoot, fresh, help, List.copyOf(rest));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
