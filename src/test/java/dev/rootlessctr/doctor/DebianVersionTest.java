package dev.rootlessctr.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {

  @ParameterizedTest
  @CsvSource({
    "1.1.5+ds1-1+deb12u1, 1.1.5+ds1-1, 1",
    "1.1.5+ds1-1+deb12u1, 1.1.5+ds1-1+deb12u1, 0",
    "1.1.5+ds1-1+deb12u1, 1.1.5+ds1-1+deb12u2, -1",
    "1.0~rc1-1, 1.0-1, -1",
    "1:0.9-1, 2.0-1, 1",
    "1.1.12-0ubuntu1, 1.1.5+ds1-1+deb12u1, 1",
    "1.10, 1.9, 1",
    "1.0a, 1.0+, -1",
  })
  void comparesLikeDpkg(String left, String right, int expected) {
    assertEquals(expected, Integer.signum(DebianVersion.ORDER.compare(left, right)));
    assertEquals(-expected, Integer.signum(DebianVersion.ORDER.compare(right, left)));
  }

  @ParameterizedTest
  @CsvSource({"1.1.5+ds1-1+deb12u1, 1.1.5+ds1", "1:1.35.0-4+deb12u1+b1, 1.35.0", "2.0, 2.0"})
  void upstreamDropsEpochAndRevision(String version, String upstream) {
    assertEquals(upstream, DebianVersion.upstreamOf(version));
  }
}
