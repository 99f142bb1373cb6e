package dev.rootlessctr.cli;

import dev.rootlessctr.process.ProcessRunner;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a command may know about the process it runs in, handed over by {@code main} so that
 * nothing below it reads global state, and tests can give their own.
 *
 * @param variables the environment variables
 * @param projectDir the checkout (for the default course {@code lessons/rootless})
 * @param console whether standard input and output are a terminal
 * @param processes how programs are started
 */
public record Environment(
    Map<String, String> variables, Path projectDir, boolean console, ProcessRunner processes) {

  public Environment {
    variables = Map.copyOf(variables);
  }
}
