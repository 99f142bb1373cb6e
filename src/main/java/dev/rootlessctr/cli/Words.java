package dev.rootlessctr.cli;

import java.util.List;
import java.util.Optional;

/** The command line's words, read left to right; {@code --name=value} is split in two. */
final class Words {

  /** One option or word: its name, and the value written after {@code =}, if any. */
  record Arg(String name, Optional<String> inline) {
    @Override
    public String toString() {
      return inline.map(v -> name + "=" + v).orElse(name);
    }
  }

  private final List<String> words;
  private int next;

  Words(List<String> words) {
    this.words = List.copyOf(words);
  }

  boolean hasNext() {
    return next < words.size();
  }

  Arg next() {
    String word = words.get(next++);
    int equals = word.indexOf('=');
    if (word.startsWith("--") && equals > 2) {
      return new Arg(word.substring(0, equals), Optional.of(word.substring(equals + 1)));
    }
    return new Arg(word, Optional.empty());
  }

  /** The value of {@code arg}: after its {@code =}, else the next word. */
  String value(Arg arg) throws InputError {
    if (arg.inline().isPresent()) {
      return arg.inline().get();
    }
    if (!hasNext()) {
      throw new InputError(arg.name() + " needs a value.", CommandLine.HELP_HINT);
    }
    return words.get(next++);
  }

  /** A flag takes no value: {@code --json=yes} is a mistake worth naming. */
  void flag(Arg arg) throws InputError {
    if (arg.inline().isPresent()) {
      throw new InputError(
          arg.name() + " takes no value (found " + arg + ").", CommandLine.HELP_HINT);
    }
  }

  /** The words not read yet, as given. */
  List<String> rest() {
    List<String> rest = words.subList(next, words.size());
    next = words.size();
    return List.copyOf(rest);
  }
}
