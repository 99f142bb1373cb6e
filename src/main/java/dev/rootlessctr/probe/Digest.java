package dev.rootlessctr.probe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A content digest such as {@code sha256:5b0b...}, as OCI descriptors and blob paths use it.
 *
 * <p>Only algorithms the OCI image spec registers are accepted, and the hex part is checked, so a
 * digest read from an index can safely become a file name.
 */
record Digest(String algorithm, String hex) {

  private static final Map<String, String> JAVA_NAMES =
      Map.of("sha256", "SHA-256", "sha512", "SHA-512");
  private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha512", 128);

  static Digest parse(String text, String listedBy) throws Unmet {
    int colon = text.indexOf(':');
    String algorithm = colon < 0 ? "" : text.substring(0, colon);
    String hex = text.substring(colon + 1);
    if (!JAVA_NAMES.containsKey(algorithm)) {
      throw new Unmet(
          listedBy + " has a digest \"" + text + "\" with no sha256: or sha512: prefix");
    }
    if (hex.length() != HEX_LENGTHS.get(algorithm) || !hex.matches("[0-9a-f]+")) {
      throw new Unmet(
          listedBy
              + " has a malformed digest \""
              + text
              + "\": expected "
              + HEX_LENGTHS.get(algorithm)
              + " lowercase hex digits after \""
              + algorithm
              + ":\"");
    }
    return new Digest(algorithm, hex);
  }

  MessageDigest newHasher() {
    try {
      return MessageDigest.getInstance(JAVA_NAMES.get(algorithm));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + JAVA_NAMES.get(algorithm), e);
    }
  }

  Digest sameAlgorithm(byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** "sha256:5b0b8a3f1c2d…", enough to tell blobs apart in a sentence. */
  String shortForm() {
    return algorithm + ":" + hex.substring(0, 12) + "…";
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
