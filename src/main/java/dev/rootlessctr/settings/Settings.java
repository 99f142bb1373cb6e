package dev.rootlessctr.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The learner's settings, from {@code settings.json} in the XDG config directory, e.g. {@code
 * {"registry": "workshop=10.0.0.5:5000"}}. Command-line options win over it. A missing or broken
 * file means the defaults.
 *
 * @param registry {@code offline}, {@code online} or {@code workshop=HOST:PORT}; null for default
 */
public record Settings(String registry) {

  public static Settings load(Path configDir) {
    Path file = configDir.resolve("settings.json");
    if (!Files.isRegularFile(file)) {
      return new Settings(null);
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      JsonNode registry = root == null ? null : root.get("registry");
      return new Settings(registry != null && registry.isTextual() ? registry.asText() : null);
    } catch (IOException e) {
      return new Settings(null);
    }
  }
}
