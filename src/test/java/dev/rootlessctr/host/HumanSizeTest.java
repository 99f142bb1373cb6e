package dev.rootlessctr.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One size format for probes and doctor: powers of 1024, named as such. */
class HumanSizeTest {

  @Test
  void bytesThenOneDecimalInBinaryUnits() {
    assertEquals("812 B", HumanSize.of(812));
    assertEquals("2.0 KiB", HumanSize.of(2048));
    assertEquals("30.0 MiB", HumanSize.of(30L * 1024 * 1024));
    assertEquals("3.0 GiB", HumanSize.of(3L * 1024 * 1024 * 1024));
  }
}
