package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:5000, true",
    "127.8.9.10:5000, true",
    "localhost:5000, true",
    "LocalHost:5000, true",
    "[::1]:5000, true",
    "192.168.1.10:5000, false",
    "[fd00::2]:5000, false",
    "registry.lan:5000, false",
    "127.example:5000, false",
  })
  void knowsWhichAddressesOnlyThisMachineReaches(String text, boolean loopback) {
    assertEquals(loopback, HostPort.parse(text).loopback(), text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "host:99999 | the port must be from 1 to 65535, not 99999",
        "host:0 | the port must be from 1 to 65535, not 0",
        "host:99999999999 | the port must be from 1 to 65535, not 99999999999",
        "host | not HOST:PORT",
        "host:port | not HOST:PORT",
        "a b:5000 | not HOST:PORT",
        "[zz::1]:5000 | not HOST:PORT",
        "[1:2:3:4:5:6:7:8:9]:5000 | [1:2:3:4:5:6:7:8:9] is not an IPv6 address",
        "1.2.3.256:5000 | 1.2.3.256 is not an IPv4 address (each part is 0 to 255)",
      })
  void saysWhatIsWrong(String text, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text)).getMessage());
  }
}
