package dev.rootlessctr.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootlessctr.process.Captured;
import dev.rootlessctr.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What runc keeps under one {@code --root}, asked with the two subcommands that change nothing:
 * {@code runc list} and {@code runc state}.
 */
public final class RuncReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  // runc logs errors in logrus text format: time="..." level=error msg="container does not exist"
  private static final Pattern LOGRUS_MSG = Pattern.compile("msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final String runc;
  private final Path root;
  private final ProcessRunner processes;
  private final Path workDir;
  private final Map<String, String> env;
  private final Duration timeout;

  /**
   * A reader that runs {@code runc} (a path, or a name the process runner finds) with {@code --root
   * root} in {@code workDir} with {@code env}, giving each call {@code timeout}.
   */
  public RuncReader(
      String runc,
      Path root,
      ProcessRunner processes,
      Path workDir,
      Map<String, String> env,
      Duration timeout) {
    this.runc = runc;
    this.root = root;
    this.processes = processes;
    this.workDir = workDir;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
  }

  /**
   * Every container under the root, in runc's order; none, without asking runc, when the root does
   * not exist: {@code runc list} would create it (runc 1.1.5), and a look must change nothing.
   */
  public List<RuncState> list() throws RuncException, IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    // An empty list is printed as "null", not "[]".
    JsonNode json = json(run("list", "--format", "json"), "runc list");
    List<RuncState> containers = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(container -> containers.add(RuncState.from(container)));
    }
    return containers;
  }

  /** The state of container {@code name}; runc's own complaint when it does not know it. */
  public RuncState state(String name) throws RuncException, IOException {
    return RuncState.from(json(run("state", name), "runc state " + name));
  }

  private Captured run(String... subcommand) throws RuncException, IOException {
    List<String> argv = new ArrayList<>(List.of(runc, "--root", root.toString()));
    argv.addAll(List.of(subcommand));
    Captured captured = processes.run(argv, workDir, env, timeout);
    if (captured.timedOut()) {
      throw new RuncException(
          "runc " + subcommand[0] + " did not answer within " + timeout.toSeconds() + " s", true);
    }
    if (!captured.succeeded()) {
      throw new RuncException(complaint(captured), false);
    }
    return captured;
  }

  private static JsonNode json(Captured captured, String what) throws RuncException {
    String text = captured.stdout().isBlank() ? "null" : captured.stdout();
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RuncException(
          "the output of " + what + " is not valid JSON: " + e.getOriginalMessage(), false);
    }
  }

  /** What runc complained about, without its log decoration. */
  public static String complaint(Captured captured) {
    Matcher matcher = LOGRUS_MSG.matcher(captured.stderr());
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if (last != null) {
      return last;
    }
    String stderr = captured.stderr().strip();
    return stderr.isEmpty() ? "exit status " + captured.exitCode() : stderr;
  }
}
