package dev.rootlessctr.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {

  private static final String HEX64 = "a".repeat(64);
  private static final String F128 =
      "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
          + "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:"
            + "0123456789abcdef"
            + "0123456789abcdef"
            + "0123456789abcdef"
            + "0123456789abcdef",
        "sha512:" + F128
      })
  void acceptsTheRegisteredAlgorithmsWithTheirLength(String text) throws InvalidDigest {
    assertEquals(text, Digest.parse(text).toString());
  }

  @ParameterizedTest
  @CsvSource({
    "sha256, NO_ALGORITHM",
    "'', NO_ALGORITHM",
    ":aaaa, NO_ALGORITHM",
    "SHA256:aaaa, NO_ALGORITHM",
    "../sha256:aaaa, NO_ALGORITHM",
    "md5:d41d8cd98f00b204e9800998ecf8427e, UNSUPPORTED_ALGORITHM",
    "sha384:aaaa, UNSUPPORTED_ALGORITHM",
    "sha256:xyz, BAD_HEX",
    "sha256:../../../etc/passwd, BAD_HEX",
    "sha512:aaaa, BAD_HEX",
  })
  void saysWhichProblemAStringHas(String text, InvalidDigest.Problem problem) {
    InvalidDigest e = assertThrows(InvalidDigest.class, () -> Digest.parse(text));
    assertEquals(problem, e.problem());
    assertEquals(text, e.text());
  }

  @Test
  void upperCaseHexAndTheWrongLengthAreMalformed() {
    assertEquals(
        "index.json has a malformed digest \"sha256:"
            + "A".repeat(64)
            + "\": expected 64 lowercase hex digits after \"sha256:\"",
        assertThrows(InvalidDigest.class, () -> Digest.parse("sha256:" + "A".repeat(64)))
            .about("index.json"));
    assertEquals(
        InvalidDigest.Problem.BAD_HEX,
        assertThrows(InvalidDigest.class, () -> Digest.parse("sha256:" + HEX64 + "a")).problem());
    assertEquals(
        InvalidDigest.Problem.BAD_HEX,
        assertThrows(InvalidDigest.class, () -> Digest.parse("sha256:" + HEX64.substring(1)))
            .problem());
  }

  @Test
  void noDigestCanBeMadeInvalidByConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new Digest("sha256", "../x"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Digest("md5", "d41d8cd98f00b204e9800998ecf8427e"));
  }

  @Test
  void hashesWithItsOwnAlgorithm() throws InvalidDigest {
    byte[] empty = "".getBytes(StandardCharsets.UTF_8);
    Digest sha512 = Digest.parse("sha512:" + "0".repeat(128));
    assertEquals(
        "sha512:cf83e1357eefb8bd",
        sha512.sameAlgorithm(sha512.newHasher().digest(empty)).toString().substring(0, 23));
    assertEquals(
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Digest.sha256(Digest.sha256Hasher().digest(empty)).toString());
    assertEquals(
        "sha256:e3b0c44298fc…", Digest.sha256(Digest.sha256Hasher().digest(empty)).shortForm());
  }
}
