package dev.rootlessctr.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:5b0b...}: the only place a digest is validated.
 *
 * <p>Only the algorithms the OCI image spec registers are accepted, each with its exact number of
 * lowercase hex digits, so a digest read from an index or a request can safely become a file name
 * under {@code blobs/}.
 */
public record Digest(String algorithm, String hex) {

  private static final Map<String, String> JAVA_NAMES =
      Map.of("sha256", "SHA-256", "sha512", "SHA-512");
  private static final Map<String, Integer> HEX_LENGTHS = Map.of("sha256", 64, "sha512", 128);
  // The grammar of the distribution spec; a name that fits it but is unknown is "unsupported".
  private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

  public Digest {
    Integer length = HEX_LENGTHS.get(algorithm);
    if (length == null || hex.length() != length || !LOWER_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a valid digest: " + algorithm + ":" + hex);
    }
  }

  /** Parses {@code text}, or says which of the {@link InvalidDigest.Problem}s it has. */
  public static Digest parse(String text) throws InvalidDigest {
    int colon = text.indexOf(':');
    String algorithm = colon < 0 ? "" : text.substring(0, colon);
    String hex = text.substring(colon + 1);
    if (!ALGORITHM.matcher(algorithm).matches()) {
      throw new InvalidDigest(
          InvalidDigest.Problem.NO_ALGORITHM,
          text,
          "has a digest \"" + text + "\" with no sha256: or sha512: prefix");
    }
    Integer length = HEX_LENGTHS.get(algorithm);
    if (length == null) {
      throw new InvalidDigest(
          InvalidDigest.Problem.UNSUPPORTED_ALGORITHM,
          text,
          "has a digest \"" + text + "\" with no sha256: or sha512: prefix");
    }
    if (hex.length() != length || !LOWER_HEX.matcher(hex).matches()) {
      throw new InvalidDigest(
          InvalidDigest.Problem.BAD_HEX,
          text,
          "has a malformed digest \""
              + text
              + "\": expected "
              + length
              + " lowercase hex digits after \""
              + algorithm
              + ":\"");
    }
    return new Digest(algorithm, hex);
  }

  public static Digest sha256(byte[] hash) {
    return new Digest("sha256", HexFormat.of().formatHex(hash));
  }

  /** A hasher for this digest's algorithm. */
  public MessageDigest newHasher() {
    return hasher(algorithm);
  }

  /** A fresh SHA-256 hasher, for content written before its digest is known. */
  public static MessageDigest sha256Hasher() {
    return hasher("sha256");
  }

  /** The digest of {@code hash}, computed with this digest's algorithm. */
  public Digest sameAlgorithm(byte[] hash) {
    return new Digest(algorithm, HexFormat.of().formatHex(hash));
  }

  /** "sha256:5b0b8a3f1c2d…", enough to tell blobs apart in a sentence. */
  public String shortForm() {
    return algorithm + ":" + hex.substring(0, 12) + "…";
  }

  private static MessageDigest hasher(String algorithm) {
    try {
      return MessageDigest.getInstance(JAVA_NAMES.get(algorithm));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + JAVA_NAMES.get(algorithm), e);
    }
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
