package dev.rootlessctr.mirror;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** A validated content digest ({@code sha256:<64 hex>} or {@code sha512:<128 hex>}). */
public record Digest(String algorithm, String hex) {

  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  /** Why a string is not a digest this mirror can serve. */
  public enum Problem {
    MALFORMED,
    UNSUPPORTED_ALGORITHM
  }

  /** Parses {@code text}; the problem tells a malformed digest from an unknown algorithm. */
  public static Result parse(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return new Result(Optional.empty(), Problem.MALFORMED);
    }
    String algorithm = text.substring(0, colon);
    String hex = text.substring(colon + 1);
    if (!algorithm.matches("[a-z0-9]+([+._-][a-z0-9]+)*")) {
      return new Result(Optional.empty(), Problem.MALFORMED);
    }
    Pattern expected = switch (algorithm) {
      case "sha256" -> SHA256;
      case "sha512" -> SHA512;
      default -> null;
    };
    if (expected == null) {
      return new Result(Optional.empty(), Problem.UNSUPPORTED_ALGORITHM);
    }
    if (!expected.matcher(hex).matches()) {
      return new Result(Optional.empty(), Problem.MALFORMED);
    }
    return new Result(Optional.of(new Digest(algorithm, hex)), null);
  }

  public static Digest sha256(byte[] hash) {
    return new Digest("sha256", HexFormat.of().formatHex(hash));
  }

  /** The outcome of {@link #parse}: a digest, or the problem with it. */
  public record Result(Optional<Digest> digest, Problem problem) {}

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
