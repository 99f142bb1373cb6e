package dev.rootlessctr.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The learner's settings, from {@code settings.json} in the XDG config directory, e.g. {@code
 * {"registry": "workshop=10.0.0.5:5000"}}. Command-line options win over it. A missing file means
 * the defaults; a file that is there but broken is reported, never silently ignored.
 *
 * @param registry {@code offline}, {@code online} or {@code workshop=HOST:PORT}; null for default
 */
public record Settings(String registry) {

  /** Where the settings live in {@code configDir}. */
  public static Path file(Path configDir) {
    return configDir.resolve("settings.json");
  }

  /** Reads the settings; throws {@link Invalid} naming the file and what is wrong with it. */
  public static Settings load(Path configDir) throws Invalid {
    Path file = file(configDir);
    if (!Files.exists(file)) {
      return new Settings(null);
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new Invalid(
          file,
          "is not valid JSON (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      throw new Invalid(file, "cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode()) {
      return new Settings(null); // an empty file asks for nothing
    }
    if (!root.isObject()) {
      throw new Invalid(
          file, "holds " + kind(root) + ", not an object such as {\"registry\": \"online\"}");
    }
    JsonNode registry = root.get("registry");
    if (registry != null && !registry.isTextual() && !registry.isNull()) {
      throw new Invalid(
          file,
          "has \"registry\": " + kind(registry) + ", but it takes a string such as \"online\"");
    }
    return new Settings(registry == null || registry.isNull() ? null : registry.asText());
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isNumber()) {
      return "a number (" + node + ")";
    }
    if (node.isBoolean()) {
      return "a boolean (" + node + ")";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.isNull()
        ? "null"
        : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A settings file that exists but cannot be used; the message names the file. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    private final Path file;

    Invalid(Path file, String problem) {
      super(file + " " + problem);
      this.file = file;
    }

    public Path file() {
      return file;
    }
  }
}
