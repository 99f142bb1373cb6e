package dev.rootlessctr.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson file's text, read within explicit limits and checked before the markdown parser sees it.
 * A lesson is a few kilobytes; the limits keep a hostile or mistaken file (a log saved with the
 * wrong name, a generated monster) from exhausting memory or the parser's stack.
 */
final class LessonSource {

  /** The largest lesson file read, in bytes. */
  static final int MAX_BYTES = 1 << 20;

  /** The longest line, in characters. */
  static final int MAX_LINE = 1 << 16;

  /**
   * The most emphasis and link characters ({@code * _ [}) in one paragraph. The markdown parser
   * recurses once per nested emphasis or image, so thousands of them can overflow its stack; a real
   * paragraph has a few dozen.
   */
  static final int MAX_MARKERS = 2000;

  /** Stop listing after this many problems of one kind: the first ones say what is wrong. */
  private static final int MAX_REPORTED = 10;

  private LessonSource() {}

  /** Reads at most {@link #MAX_BYTES} + 1 bytes, strictly as UTF-8, without a leading BOM. */
  static String read(Path file) throws IOException, LessonException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw tooBig(file, size);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1); // a special file may claim size 0 and never end
    }
    if (bytes.length > MAX_BYTES) {
      throw tooBig(file, bytes.length);
    }
    return withoutBom(decode(file, bytes));
  }

  private static LessonException tooBig(Path file, long size) {
    return new LessonException(
        new LessonError(
            file,
            1,
            "the file is "
                + size
                + " bytes; a lesson may be at most "
                + MAX_BYTES
                + " bytes (1 MiB). Split it into several lessons."));
  }

  private static String decode(Path file, byte[] bytes) throws LessonException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      out.flip();
      int[] at = position(out, out.length());
      throw new LessonException(
          new LessonError(
              file,
              at[0],
              at[1],
              String.format(
                  "byte 0x%02x is not UTF-8; save the lesson as UTF-8 text",
                  bytes[in.position()] & 0xff)));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  /** The 1-based line and column of offset {@code end} in {@code text}. */
  private static int[] position(CharSequence text, int end) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Problems that make the text unsafe to parse: over-long lines and paragraphs with enough
   * emphasis marks to nest deeper than the markdown parser can follow.
   */
  static List<LessonError> limits(Path file, String text) {
    List<LessonError> errors = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int paragraphLine = 1;
    int markers = 0;
    boolean blankLine = true;
    boolean inParagraph = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : '\n';
      if (c == '\n') {
        int length = i - lineStart - (i > lineStart && text.charAt(i - 1) == '\r' ? 1 : 0);
        if (length > MAX_LINE) {
          errors.add(
              new LessonError(
                  file,
                  line,
                  MAX_LINE + 1,
                  "the line is "
                      + length
                      + " characters long; a lesson line may be at most "
                      + MAX_LINE));
        }
        if (blankLine) {
          markers = 0;
          inParagraph = false;
        }
        line++;
        lineStart = i + 1;
        blankLine = true;
        continue;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        if (!inParagraph) {
          inParagraph = true;
          paragraphLine = line;
        }
        blankLine = false;
      }
      if ((c == '*' || c == '_' || c == '[') && ++markers == MAX_MARKERS + 1) {
        errors.add(
            new LessonError(
                file,
                paragraphLine,
                "this paragraph has more than "
                    + MAX_MARKERS
                    + " '*', '_' or '[' characters; so many could nest emphasis or images deeper"
                    + " than the markdown parser can follow. Split it up."));
      }
    }
    return errors;
  }

  /**
   * Characters a lesson may not hold: control characters (a lesson is shown on a terminal) and lone
   * carriage returns (the parser and the line numbers would disagree).
   */
  static List<LessonError> characters(Path file, String text) {
    List<LessonError> errors = new ArrayList<>();
    int controls = 0;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
      if (c == '\t' || lineEnd || !VisibleText.isControl(c) && c != '\uFEFF') {
        continue;
      }
      if (controls++ < MAX_REPORTED) {
        String what =
            c == '\r'
                ? "a carriage return (\\r"
                    + ") that does not end a line; save the file with LF or CRLF line endings"
                : c == '\uFEFF'
                    ? "a byte order mark (\\ufeff) inside the text; only the very start of the file"
                        + " may have one"
                    : "the control character "
                        + VisibleText.of(String.valueOf(c))
                        + "; a lesson is shown on a terminal, where it could change what the"
                        + " learner sees";
        errors.add(new LessonError(file, line, i - lineStart + 1, "the text has " + what));
      }
    }
    if (controls > MAX_REPORTED) {
      errors.add(
          new LessonError(
              file, line, "and " + (controls - MAX_REPORTED) + " more control characters"));
    }
    return errors;
  }
}
