package dev.rootlessctr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final Path PROJECT = Path.of("/opt/rootless-ctr");

  @Test
  void theShellIsTheDefaultWithTheRootlessCourse() {
    Options options = Options.parse(new String[] {"--registry", "online", "--color=never"}, PROJECT);
    assertEquals("shell", options.command());
    assertEquals(PROJECT.resolve("lessons/rootless"), options.lessons());
    assertEquals("online", options.registry());
    assertEquals("never", options.color());
  }

  @Test
  void recordNamesTheCastFileAndIsRefusedWithAThrowawaySession() {
    assertEquals(Path.of("s.cast"), Options.parse(new String[] {"--record", "s.cast"}, PROJECT).record());
    assertEquals(null, Options.parse(new String[] {}, PROJECT).record());
    IllegalArgumentException both = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"--fresh", "--record", "s.cast"}, PROJECT));
    org.junit.jupiter.api.Assertions.assertTrue(both.getMessage().contains("drop one of them"), both.getMessage());
  }

  @Test
  void theDoctorTakesTheShellsLabAndRegistryOnEitherSide() {
    Options after = Options.parse(new String[] {"doctor", "--registry=workshop=10.0.0.1:5000", "--lab", "/tmp/lab", "--json"}, PROJECT);
    assertEquals("doctor", after.command());
    assertEquals("workshop=10.0.0.1:5000", after.registry());
    assertEquals(Path.of("/tmp/lab"), after.lab());
    assertEquals(List.of("--json"), after.rest());
    Options before = Options.parse(new String[] {"--registry", "online", "doctor"}, PROJECT);
    assertEquals("online", before.registry());
  }

  @Test
  void verifyKeepsItsOwnOptionsAndFreshIsAShellOption() {
    Options verify = Options.parse(new String[] {"--lessons", "/c", "verify", "--tap", "--junit", "r.xml"}, PROJECT);
    assertEquals("verify", verify.command());
    assertEquals(Path.of("/c"), verify.lessons());
    assertEquals(List.of("--tap", "--junit", "r.xml"), verify.rest());
    assertEquals(true, Options.parse(new String[] {"--fresh"}, PROJECT).fresh());
    IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--fresh", "--lab", "/tmp/l"}, PROJECT));
    assertEquals("--fresh makes its own throwaway lab; drop --lab", both.getMessage());
  }

  @Test
  void mistakesAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--colour", "never"}, PROJECT));
    assertEquals("unknown option --colour", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--registry"}, PROJECT));
    assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--color", "sometimes"}, PROJECT));
  }
}
