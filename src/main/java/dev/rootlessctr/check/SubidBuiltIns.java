package dev.rootlessctr.check;

import dev.rootlessctr.host.SubidRange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in values {@code {{subuid_start}}}, {@code {{subuid_count}}}, {@code {{subgid_start}}}
 * and {@code {{subgid_count}}}: the learner's first subordinate ranges, so that a lesson's JSON
 * edit maps exactly the ids newuidmap will allow for this learner. A learner without a range gets
 * no value; a lesson quoting one declares {@code needs: subids} and does not open for them.
 */
public final class SubidBuiltIns {

  private SubidBuiltIns() {}

  /** The values for the user {@code name} ({@code uid}), from the system's files. */
  public static Map<String, String> of(String name, long uid) {
    return of(SubidRange.SUBUID, SubidRange.SUBGID, name, uid);
  }

  static Map<String, String> of(Path subuid, Path subgid, String name, long uid) {
    Map<String, String> values = new LinkedHashMap<>();
    put(values, "subuid", SubidRange.read(subuid, name, uid));
    put(values, "subgid", SubidRange.read(subgid, name, uid));
    return values;
  }

  private static void put(Map<String, String> values, String prefix, Optional<SubidRange> range) {
    range.ifPresent(
        r -> {
          values.put(prefix + "_start", Long.toString(r.start()));
          values.put(prefix + "_count", Long.toString(r.count()));
        });
  }
}
