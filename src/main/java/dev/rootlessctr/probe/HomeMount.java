package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a mount of the learner's home in a runtime spec: in the {@code mounts} list where runc
 * reads it, or anywhere else a newcomer might have pasted it.
 */
final class HomeMount {

  /** A JSON object that looks like a mount, and where in config.json it is. */
  record Located(String where, JsonNode mount) {}

  private final String home;

  HomeMount(String home) {
    this.home = PathWords.withoutTrailingSlash(home);
  }

  /** The entry of {@code mounts} that binds the home, preferring one whose destination is it. */
  Optional<Located> inMounts(JsonNode config) {
    JsonNode mounts = config.path("mounts");
    if (!mounts.isArray()) {
      return Optional.empty();
    }
    Located fallback = null;
    for (int i = 0; i < mounts.size(); i++) {
      JsonNode mount = mounts.get(i);
      if (isHome(mount.path("destination").asText(null))) {
        return Optional.of(new Located("mounts[" + i + "]", mount));
      }
      if (fallback == null && mentionsHome(mount)) {
        fallback = new Located("mounts[" + i + "]", mount);
      }
    }
    return Optional.ofNullable(fallback);
  }

  /** Mount-like objects that mention the home but sit outside the {@code mounts} list. */
  List<Located> misplaced(JsonNode config) {
    List<Located> found = new ArrayList<>();
    walk(config, "", found);
    return found;
  }

  private void walk(JsonNode node, String where, List<Located> found) {
    if (where.matches("mounts\\[\\d+]")) {
      return; // the right place
    }
    if (node.isObject() && mentionsHome(node)) {
      found.add(new Located(where, node));
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), where + "[" + i + "]", found);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String path = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
        walk(field.getValue(), path, found);
      }
    }
  }

  /** Source or destination is the home, written absolute or (a mistake) relative. */
  boolean mentionsHome(JsonNode node) {
    return isHomeAnyForm(node.path("destination").asText(null))
        || isHomeAnyForm(node.path("source").asText(null));
  }

  boolean isHome(String path) {
    return path != null && PathWords.withoutTrailingSlash(path).equals(home);
  }

  private boolean isHomeAnyForm(String path) {
    return path != null && (isHome(path) || isHome("/" + path));
  }

  /** "/home/learner -> /home/learner (bind; rbind, rw)". */
  static String describe(JsonNode mount) {
    List<String> options = new ArrayList<>();
    mount.path("options").forEach(option -> options.add(option.asText()));
    return mount.path("source").asText("?")
        + " -> "
        + mount.path("destination").asText("?")
        + " ("
        + mount.path("type").asText("no type")
        + "; "
        + (options.isEmpty() ? "no options" : String.join(", ", options))
        + ")";
  }
}
