package dev.rootlessctr.shell;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Lets a command's raw output go through the shell's writer, keeping their order. */
final class WriterStream extends OutputStream {

  private final PrintWriter writer;

  WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int off, int len) {
    // Commands print UTF-8; a sequence split across two reads is rare and only costs a glyph.
    writer.write(new String(bytes, off, len, StandardCharsets.UTF_8));
  }

  @Override
  public void flush() {
    writer.flush();
  }
}
