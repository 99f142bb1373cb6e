package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bundle's runtime spec ({@code config.json}) as parsed JSON.
 *
 * @param shown how messages name the file, as the learner would type it
 */
record BundleConfig(String shown, JsonNode json) {

  /** Reads {@code BUNDLE/config.json}; the word may also name the file itself. */
  static BundleConfig read(ProbeContext context, String bundleWord) throws Unmet, IOException {
    Path given = context.resolve(bundleWord);
    if (Files.isRegularFile(given) || bundleWord.endsWith(".json")) {
      return parse(given, bundleWord);
    }
    if (!Files.isDirectory(given)) {
      throw new Unmet(bundleWord + " does not exist: there is no bundle directory there yet");
    }
    return parse(given.resolve("config.json"), bundleWord + "/config.json");
  }

  private static BundleConfig parse(Path file, String shown) throws Unmet, IOException {
    JsonNode json =
        JsonFile.read(file, shown, "no runtime spec has been generated in that bundle yet");
    if (!json.isObject()) {
      throw new Unmet(shown + " holds a JSON " + json.getNodeType() + ", not an object { ... }");
    }
    return new BundleConfig(shown, json);
  }
}
