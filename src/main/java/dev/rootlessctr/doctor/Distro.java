package dev.rootlessctr.doctor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learner's distribution as {@code /etc/os-release} describes it, for wording fixes.
 *
 * @param id the {@code ID} field, e.g. {@code debian}
 * @param idLike the {@code ID_LIKE} words, e.g. {@code [debian]} on Ubuntu
 * @param versionId the {@code VERSION_ID} field, e.g. {@code 24.04}; empty when absent
 * @param prettyName the {@code PRETTY_NAME} field, for headings
 */
public record Distro(String id, List<String> idLike, String versionId, String prettyName) {

  /** The families whose commands differ. */
  public enum Family {
    DEBIAN,
    UBUNTU,
    FEDORA,
    OTHER
  }

  public Distro {
    idLike = List.copyOf(idLike);
  }

  /** An unknown distribution: fixes are worded generically. */
  public static Distro unknown() {
    return new Distro("", List.of(), "", "an unknown Linux distribution");
  }

  /** Parses the text of an os-release file (shell-style {@code KEY=value} lines). */
  public static Distro parse(String osRelease) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : osRelease.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
      }
    }
    String id = fields.getOrDefault("ID", "").toLowerCase();
    String like = fields.getOrDefault("ID_LIKE", "").toLowerCase();
    List<String> idLike = like.isBlank() ? List.of() : Arrays.asList(like.trim().split("\\s+"));
    String name = fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("NAME", id));
    return new Distro(id, idLike, fields.getOrDefault("VERSION_ID", ""), name);
  }

  /** Which family's commands apply; derivatives follow their {@code ID_LIKE} parent. */
  public Family family() {
    if (is("ubuntu")) {
      return Family.UBUNTU;
    }
    if (is("debian")) {
      return Family.DEBIAN;
    }
    if (is("fedora") || is("rhel") || is("centos")) {
      return Family.FEDORA;
    }
    return Family.OTHER;
  }

  /** True for Debian and Ubuntu, where packages come from apt. */
  public boolean usesApt() {
    return family() == Family.DEBIAN || family() == Family.UBUNTU;
  }

  private boolean is(String name) {
    return id.equals(name) || idLike.contains(name);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.startsWith("\"") && value.endsWith("\"")
            || value.startsWith("'") && value.endsWith("'"))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
