package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code home-mount BUNDLE}: config.json binds the learner's home read-write, in the {@code mounts}
 * list, with absolute paths.
 */
final class HomeMountProbe implements Probe {

  @Override
  public String name() {
    return "home-mount";
  }

  @Override
  public String usage() {
    return "home-mount BUNDLE";
  }

  @Override
  public List<String> valueNames() {
    return List.of("source", "destination", "type", "options");
  }

  @Override
  public ProbeResult run(ProbeContext context, List<String> args) throws IOException {
    ProbeArgs.require(this, args, 1, 1);
    String home = context.env().get("HOME");
    if (home == null || home.isEmpty()) {
      return ProbeResult.fail("a bind mount of your home", "HOME is not set in the shell");
    }
    String expected =
        "config.json \"mounts\" has {\"type\": \"bind\", \"source\": \""
            + home
            + "\", \"destination\": an absolute path, \"options\": [\"rbind\", \"rw\"]}";
    try {
      BundleConfig config = BundleConfig.read(context, args.get(0));
      HomeMount finder = new HomeMount(home);
      Optional<HomeMount.Located> found = finder.inMounts(config.json());
      if (found.isEmpty()) {
        return ProbeResult.fail(expected, notInMounts(config, finder, home));
      }
      JsonNode mount = found.get().mount();
      Map<String, String> values = values(mount);
      Optional<String> problem = problem(mount, finder, home);
      String where = config.shown() + " " + found.get().where();
      return problem
          .map(p -> new ProbeResult(false, expected, where + ": " + p, values))
          .orElseGet(
              () ->
                  ProbeResult.pass(
                      expected, where + " binds " + HomeMount.describe(mount), values));
    } catch (Unmet unmet) {
      return ProbeResult.fail(expected, unmet.getMessage());
    }
  }

  private static String notInMounts(BundleConfig config, HomeMount finder, String home) {
    List<HomeMount.Located> misplaced = finder.misplaced(config.json());
    if (!misplaced.isEmpty()) {
      String where = misplaced.get(0).where();
      String place =
          where.isEmpty()
              ? "its fields are at the top level of " + config.shown()
              : where.equals("mounts")
                  ? "\"mounts\" is a single object here, not a list [ ... ] of mounts"
                  : "it is at " + where + " in " + config.shown();
      return "found a mount of "
          + home
          + ", but "
          + place
          + "; runc only reads mounts from the top-level \"mounts\" list: add it as one more"
          + " { ... } entry inside \"mounts\": [ ... ]";
    }
    JsonNode mounts = config.json().path("mounts");
    return config.shown()
        + " has no mount of "
        + home
        + " (its \"mounts\" list has "
        + mounts.size()
        + " entries, none with source or destination "
        + home
        + ")";
  }

  private static Optional<String> problem(JsonNode mount, HomeMount finder, String home) {
    String type = mount.path("type").asText(null);
    if (!"bind".equals(type)) {
      return Optional.of(
          (type == null ? "the mount has no \"type\"" : "\"type\" is \"" + type + "\"")
              + ": a host directory is shared with \"type\": \"bind\"");
    }
    for (String field : List.of("source", "destination")) {
      String path = mount.path(field).asText(null);
      if (path == null) {
        return Optional.of("the mount has no \"" + field + "\"");
      }
      if (!path.startsWith("/")) {
        return Optional.of(
            "\""
                + field
                + "\" is the relative path \""
                + path
                + "\": "
                + (field.equals("source")
                    // what runc 1.1 really does: "stat BUNDLE/home/...: no such file or directory"
                    ? "runc would look for it inside the bundle folder"
                    : "runc 1.1 only warns about it, and newer runc refuses it")
                + "; mount paths must be absolute: \"/"
                + path
                + "\"");
      }
    }
    String source = mount.path("source").asText();
    if (!finder.isHome(source)) {
      return Optional.of(
          "\"source\" is "
              + source
              + ", not your home "
              + home
              + ": the host side must be "
              + home);
    }
    JsonNode options = mount.path("options");
    if (!options.isArray()) {
      return Optional.of(
          options.isMissingNode()
              ? "the mount has no \"options\": it needs [\"rbind\", \"rw\"]"
              : "\"options\" must be a list like [\"rbind\", \"rw\"], not " + options);
    }
    List<String> words = JsonFile.texts(options);
    if (!words.contains("rbind") && !words.contains("bind")) {
      return Optional.of(
          "\"options\" " + words + " lack \"rbind\" (or \"bind\"), so nothing would be bound");
    }
    if (words.contains("ro")) {
      return Optional.of(
          "\"options\" " + words + " include \"ro\": your home would be read-only; use \"rw\"");
    }
    if (!words.contains("rw")) {
      return Optional.of("\"options\" " + words + " lack \"rw\": add it to make the home writable");
    }
    return Optional.empty();
  }

  private static Map<String, String> values(JsonNode mount) {
    Map<String, String> values = new HashMap<>();
    values.put("source", mount.path("source").asText(""));
    values.put("destination", mount.path("destination").asText(""));
    values.put("type", mount.path("type").asText(""));
    values.put("options", String.join(",", JsonFile.texts(mount.path("options"))));
    return values;
  }
}
