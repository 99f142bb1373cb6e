package dev.rootlessctr.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell line from a step's {@code sh} code block; {@code line} is where it stands in the file.
 *
 * @param input what the learner types into the command once it runs: the container-side lines
 *     ({@code / # id}) of a {@code console} block after it, without their prompt. The shell leaves
 *     them to the learner; {@code verify} types them.
 */
public record Command(String text, int line, List<String> input) {

  public Command {
    input = List.copyOf(input);
  }

  public Command(String text, int line) {
    this(text, line, List.of());
  }

  /** This command with one more line typed into it. */
  Command withInput(String typed) {
    List<String> more = new ArrayList<>(input);
    more.add(typed);
    return new Command(text, line, more);
  }
}
