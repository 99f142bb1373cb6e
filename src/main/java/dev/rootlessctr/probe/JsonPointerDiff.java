package dev.rootlessctr.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON documents differ, as RFC 6901 pointers: objects are walked key by key, anything
 * else (a string, a number, a whole list) is one value. A list is not matched item by item: a mount
 * inserted in the middle shifts every index after it, and "/mounts differs" is then the true and
 * short answer.
 *
 * @param differ pointers present on both sides with different values
 * @param onlyFirst pointers present in the first document only (its children are not listed)
 * @param onlySecond pointers present in the second document only
 * @param same how many values (leaves of the walk) are equal on both sides
 */
record JsonPointerDiff(
    List<String> differ, List<String> onlyFirst, List<String> onlySecond, int same) {

  JsonPointerDiff {
    differ = List.copyOf(differ);
    onlyFirst = List.copyOf(onlyFirst);
    onlySecond = List.copyOf(onlySecond);
  }

  static JsonPointerDiff between(JsonNode first, JsonNode second) {
    Walk walk = new Walk();
    walk.compare("", first, second);
    return new JsonPointerDiff(walk.differ, walk.onlyFirst, walk.onlySecond, walk.same);
  }

  /**
   * Whether the value at {@code pointer} is not the same on both sides (or is on one side only).
   */
  static boolean differsAt(JsonNode first, JsonNode second, String pointer) {
    return !first.at(pointer).equals(second.at(pointer));
  }

  /** One step of a pointer: {@code ~} is written {@code ~0} and {@code /} is {@code ~1}. */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static final class Walk {
    final List<String> differ = new ArrayList<>();
    final List<String> onlyFirst = new ArrayList<>();
    final List<String> onlySecond = new ArrayList<>();
    int same;

    // Recursion is as deep as the documents' nesting, which the JSON parser already limits.
    void compare(String pointer, JsonNode first, JsonNode second) {
      if (first.isObject() && second.isObject()) {
        Set<String> keys = new LinkedHashSet<>();
        first.fieldNames().forEachRemaining(keys::add);
        second.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          String child = pointer + "/" + escape(key);
          if (!second.has(key)) {
            onlyFirst.add(child);
          } else if (!first.has(key)) {
            onlySecond.add(child);
          } else {
            compare(child, first.get(key), second.get(key));
          }
        }
      } else if (first.equals(second)) {
        same++;
      } else {
        differ.add(pointer.isEmpty() ? "(the whole document)" : pointer);
      }
    }
  }
}
