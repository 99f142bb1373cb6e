package dev.rootlessctr.render;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Non-ASCII characters for a terminal that cannot show them. Under a POSIX or C locale Java encodes
 * text as ASCII and every arrow, dash and check mark would come out as {@code ?}; these stand-ins
 * keep the meaning.
 */
public final class Glyphs {

  private static final Map<Character, String> ASCII =
      Map.ofEntries(
          Map.entry('→', "->"),
          Map.entry('←', "<-"),
          Map.entry('—', "--"),
          Map.entry('–', "-"),
          Map.entry('…', "..."),
          Map.entry('‘', "'"),
          Map.entry('’', "'"),
          Map.entry('“', "\""),
          Map.entry('”', "\""),
          Map.entry('✔', "ok"),
          Map.entry('✘', "x"),
          Map.entry('│', "|"),
          Map.entry('─', "-"),
          Map.entry('•', "-"),
          Map.entry('×', "x"),
          Map.entry('≥', ">="),
          Map.entry('≤', "<="),
          Map.entry('\u00A0', " "));

  private Glyphs() {}

  /** Whether text in this charset can carry every character (UTF-8 and the other Unicode forms). */
  /**
   * The charset of the user's locale (LANG, LC_ALL, LC_CTYPE), which says what the terminal shows:
   * Java 18+ (and JLine 4) default to UTF-8 whatever the locale, so under a POSIX locale the
   * default charset would claim Unicode the terminal cannot show.
   */
  public static Charset localeCharset() {
    String name = System.getProperty("native.encoding");
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (RuntimeException e) {
      return Charset.defaultCharset();
    }
  }

  /** Whether this terminal, with this locale, can show Unicode marks: both must say UTF-8. */
  public static boolean unicode(Charset terminal, Charset locale) {
    return unicode(terminal) && unicode(locale);
  }

  public static boolean unicode(Charset charset) {
    return charset != null
        && (charset.equals(StandardCharsets.UTF_8)
            || charset.name().toUpperCase(Locale.ROOT).startsWith("UTF-"));
  }

  /** The text with every non-ASCII character replaced by an ASCII stand-in (accents dropped). */
  public static String ascii(String text) {
    if (text.chars().allMatch(c -> c < 0x80)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(c);
        continue;
      }
      String known = ASCII.get(c);
      if (known != null) {
        out.append(known);
        continue;
      }
      if (Character.isHighSurrogate(c)) {
        i++; // an emoji and the like: one stand-in for the whole code point
        out.append('?');
        continue;
      }
      String base =
          Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      out.append(!base.isEmpty() && base.chars().allMatch(ch -> ch < 0x80) ? base : "?");
    }
    return out.toString();
  }
}
