package dev.rootlessctr.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GlyphsTest {

  @Test
  void asciiTerminalsGetStandInsNotQuestionMarks() {
    assertEquals(
        "container uid 0 -> host uid 1001 -- that is you...",
        Glyphs.ascii("container uid 0 → host uid 1001 — that is you…"));
    assertEquals(
        "ok done, x failed, | quoted, - item", Glyphs.ascii("✔ done, ✘ failed, │ quoted, • item"));
    assertEquals("Francoise", Glyphs.ascii("Françoise"));
    assertEquals("smile ?", Glyphs.ascii("smile \uD83D\uDE00"));
    String plain = "plain ascii stays the same object";
    assertTrue(plain == Glyphs.ascii(plain));
  }

  @Test
  void onlyUnicodeCharsetsCountAsUnicode() {
    assertTrue(Glyphs.unicode(StandardCharsets.UTF_8));
    assertFalse(Glyphs.unicode(StandardCharsets.US_ASCII));
    assertFalse(Glyphs.unicode(Charset.forName("ISO-8859-1")));
    assertFalse(Glyphs.unicode(null));
  }
}
