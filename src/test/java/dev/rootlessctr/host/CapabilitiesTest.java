package dev.rootlessctr.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

  @Test
  void runcsRootlessDefaultDecodesToItsThreeCapabilities() {
    assertEquals(
        List.of("CAP_KILL", "CAP_NET_BIND_SERVICE", "CAP_AUDIT_WRITE"),
        Capabilities.decode("0000000020000420"));
  }

  @Test
  void everyBitIsNamedAndUnknownBitsByNumber() {
    assertEquals(List.of(), Capabilities.decode("0000000000000000"));
    assertEquals(41, Capabilities.decode("000001ffffffffff").size());
    assertEquals("CAP_CHECKPOINT_RESTORE", Capabilities.decode("0000010000000000").get(0));
    assertEquals(List.of("capability bit 63"), Capabilities.decode("8000000000000000"));
  }

  @Test
  void aMaskThatIsNotHexIsRefused() {
    assertThrows(NumberFormatException.class, () -> Capabilities.decode("zz"));
  }
}
