package dev.rootlessctr.tutor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A simple command seen as a tool invocation: the program, the options before and after its
 * subcommand, the subcommand (for tools that have them, such as {@code runc run}) and the other
 * words. Which options take a value is told by the caller, learned from the course's own commands,
 * so no tool's flag list is written down here.
 *
 * @param program the program's name without its directory ({@code /usr/sbin/runc} is {@code runc})
 * @param global options before the subcommand, name to value ("" for a flag)
 * @param subcommand the subcommand, or "" when the tool has none here
 * @param options options after the subcommand
 * @param positionals the remaining words, in order
 */
public record CommandShape(
    String program,
    Map<String, String> global,
    String subcommand,
    Map<String, String> options,
    List<String> positionals) {

  private static final Pattern SUBCOMMAND = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Set<String> PREFIXES =
      Set.of("sudo", "env", "command", "exec", "time", "nice");

  public CommandShape {
    global = Map.copyOf(global);
    options = Map.copyOf(options);
    positionals = List.copyOf(positionals);
  }

  /**
   * Reads {@code words}. {@code valued} names the options that take a value; {@code
   * withSubcommands} the programs whose first plain word is a subcommand.
   */
  public static CommandShape of(
      List<String> words, Set<String> valued, Set<String> withSubcommands) {
    int start = 0;
    while (start < words.size() - 1 && PREFIXES.contains(words.get(start))) {
      start++;
    }
    String program = programName(words.get(start));
    Map<String, String> global = new LinkedHashMap<>();
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positionals = new ArrayList<>();
    String subcommand = "";
    boolean expectSubcommand = withSubcommands.contains(program);
    boolean optionsEnded = false;
    for (int i = start + 1; i < words.size(); i++) {
      String word = words.get(i);
      Map<String, String> target = expectSubcommand ? global : options;
      if (!optionsEnded && word.equals("--")) {
        optionsEnded = true;
      } else if (!optionsEnded && word.startsWith("-") && word.length() > 1) {
        int eq = word.indexOf('=');
        if (eq > 0 && word.startsWith("--")) {
          target.put(word.substring(0, eq), word.substring(eq + 1));
        } else if (valued.contains(word) && i + 1 < words.size()) {
          target.put(word, words.get(++i));
        } else {
          target.put(word, "");
        }
      } else if (expectSubcommand) {
        subcommand = word;
        expectSubcommand = false;
      } else {
        positionals.add(word);
      }
    }
    return new CommandShape(program, global, subcommand, options, positionals);
  }

  /**
   * Whether {@code word} can be a subcommand's name (runc's {@code run}, skopeo's {@code copy}).
   */
  static boolean looksLikeSubcommand(String word) {
    return SUBCOMMAND.matcher(word).matches();
  }

  static String programName(String word) {
    int slash = word.lastIndexOf('/');
    return slash >= 0 ? word.substring(slash + 1) : word;
  }

  /** Every option name and value, global ones first. */
  Map<String, String> allOptions() {
    Map<String, String> all = new LinkedHashMap<>(global);
    all.putAll(options);
    return all;
  }
}
