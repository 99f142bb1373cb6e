package dev.rootlessctr.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a config.json differs from runc's rootless default, one line per difference, as a learner
 * would describe an edit: mounts and namespaces are matched by destination and type (their order in
 * the file means little), lists of words such as capabilities by membership, anything else by value
 * at its JSON pointer.
 */
final class SpecDiff {

  private static final int SHORT = 60;

  private SpecDiff() {}

  static List<String> between(JsonNode defaults, JsonNode actual) {
    List<String> out = new ArrayList<>();
    walk("", defaults, actual, out);
    return out;
  }

  private static void walk(String pointer, JsonNode was, JsonNode is, List<String> out) {
    if (was.equals(is)) {
      return;
    }
    if (was.isObject() && is.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      was.fieldNames().forEachRemaining(keys::add);
      is.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        String p = pointer + "/" + key;
        if (!is.has(key)) {
          out.add("removed " + p + " (default " + shortly(was.get(key)) + ")");
        } else if (!was.has(key)) {
          out.add("added " + p + " = " + shortly(is.get(key)));
        } else {
          walk(p, was.get(key), is.get(key), out);
        }
      }
      return;
    }
    if (was.isArray() && is.isArray()) {
      String key = keyOf(was, is);
      if (key != null) {
        keyed(pointer, key, was, is, out);
        return;
      }
      if (allText(was) && allText(is) && !pointer.endsWith("/args")) {
        Set<String> before = texts(was);
        Set<String> after = texts(is);
        List<String> added = after.stream().filter(t -> !before.contains(t)).toList();
        List<String> removed = before.stream().filter(t -> !after.contains(t)).toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
          out.add(
              pointer
                  + ":"
                  + (added.isEmpty() ? "" : " added " + String.join(" ", added))
                  + (removed.isEmpty() ? "" : " removed " + String.join(" ", removed)));
          return;
        }
      }
    }
    out.add(pointer + ": " + shortly(was) + " -> " + shortly(is));
  }

  /** Mounts by destination, namespaces by type, id mappings by containerID. */
  private static String keyOf(JsonNode was, JsonNode is) {
    for (String key : List.of("destination", "type", "containerID")) {
      if (allHave(was, key) && allHave(is, key) && (was.size() + is.size() > 0)) {
        return key;
      }
    }
    return null;
  }

  private static void keyed(
      String pointer, String key, JsonNode was, JsonNode is, List<String> out) {
    Map<String, JsonNode> before = byKey(was, key);
    Map<String, JsonNode> after = byKey(is, key);
    for (Map.Entry<String, JsonNode> e : after.entrySet()) {
      JsonNode old = before.get(e.getKey());
      if (old == null) {
        out.add("added to " + pointer + ": " + shortly(e.getValue()));
      } else {
        walk(pointer + "[" + key + "=" + e.getKey() + "]", old, e.getValue(), out);
      }
    }
    before.forEach(
        (k, old) -> {
          if (!after.containsKey(k)) {
            out.add("removed from " + pointer + ": " + shortly(old));
          }
        });
  }

  private static Map<String, JsonNode> byKey(JsonNode array, String key) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    array.forEach(item -> map.putIfAbsent(item.path(key).asText(), item));
    return map;
  }

  private static boolean allHave(JsonNode array, String key) {
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode item = it.next();
      if (!item.isObject() || !item.has(key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> set = new LinkedHashSet<>();
    array.forEach(item -> set.add(item.asText()));
    return set;
  }

  private static String shortly(JsonNode node) {
    String text = node.toString();
    return text.length() <= SHORT ? text : text.substring(0, SHORT - 1) + "…";
  }
}
