package dev.rootlessctr.probe;

import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers runc subcommands with recorded runc 1.1.5 output, and remembers what was asked. */
final class FakeRunc implements ProcessRunner {

  private final Map<List<String>, Captured> answers = new HashMap<>();
  final List<List<String>> calls = new ArrayList<>();

  /** Answers {@code runc --root ROOT <subcommand...>} with this exit code and output. */
  FakeRunc answer(List<String> subcommand, int exitCode, String stdout, String stderr) {
    answers.put(subcommand, new Captured(subcommand, exitCode, stdout, stderr, false));
    return this;
  }

  FakeRunc hang(List<String> subcommand) {
    answers.put(subcommand, new Captured(subcommand, -1, "", "", true));
    return this;
  }

  @Override
  public Captured run(List<String> argv, Path dir, Map<String, String> env, Duration timeout) {
    calls.add(List.copyOf(argv));
    if (argv.size() < 3 || !argv.get(1).equals("--root")) {
      throw new AssertionError("runc must be asked with --root first: " + argv);
    }
    List<String> subcommand = argv.subList(3, argv.size());
    Captured answer = answers.get(subcommand);
    if (answer == null) {
      throw new AssertionError("unexpected runc call " + argv);
    }
    return new Captured(
        argv, answer.exitCode(), answer.stdout(), answer.stderr(), answer.timedOut());
  }

  /** A file recorded from the real runc 1.1.5, under src/test/resources. */
  static String recorded(String name) {
    try (InputStream in = FakeRunc.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
