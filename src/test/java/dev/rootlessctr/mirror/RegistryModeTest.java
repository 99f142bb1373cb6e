package dev.rootlessctr.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryModeTest {

  @ParameterizedTest
  @CsvSource({
    "offline, OFFLINE, ",
    "OFFLINE, OFFLINE, ",
    "' online ', ONLINE, ",
    "workshop=127.0.0.1:5000, WORKSHOP, 127.0.0.1:5000",
    "Workshop=registry.lan:443, WORKSHOP, registry.lan:443",
    "workshop=[fd00::2]:5000, WORKSHOP, [fd00::2]:5000",
    "workshop=h:65535, WORKSHOP, h:65535",
  })
  void acceptsTheThreeModes(String text, RegistryMode.Kind kind, String address) {
    RegistryMode mode = RegistryMode.parse(text);
    assertEquals(kind, mode.kind());
    assertEquals(address, mode.workshopAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankMeansOffline(String text) {
    assertEquals(RegistryMode.Kind.OFFLINE, RegistryMode.parse(text).kind());
    assertNull(RegistryMode.parse(null).workshopAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hub", "offline=1", "workshop", "online2"})
  void rejectsOtherWordsWithTheChoices(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryMode.parse(text));
    assertTrue(e.getMessage().contains("offline, online or workshop=HOST:PORT"), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "workshop=",
        "workshop=host",
        "workshop=host:port",
        "workshop=a b:5000",
        "workshop=h:123456",
        "workshop=h:5000/x",
        "workshop=host:99999",
        "workshop=host:0",
        "workshop=999.1.1.1:5000"
      })
  void rejectsABadWorkshopAddressWithAnExample(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryMode.parse(text));
    assertTrue(e.getMessage().contains("e.g. workshop=192.168.1.10:5000"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "workshop=host:99999, the port must be from 1 to 65535, not 99999",
    "workshop=host:0, the port must be from 1 to 65535, not 0",
    "workshop=host:123456, the port must be from 1 to 65535, not 123456",
  })
  void anOutOfRangePortSaysWhichRange(String text, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RegistryMode.parse(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
