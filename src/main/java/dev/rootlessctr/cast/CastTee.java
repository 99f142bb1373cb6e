package dev.rootlessctr.cast;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Streams that pass everything on and record it too. */
public final class CastTee {

  private CastTee() {}

  /** A writer that writes to {@code target} and records what it wrote. */
  public static Writer writer(Writer target, CastWriter cast) {
    return new Writer() {
      @Override
      public void write(char[] chars, int off, int len) throws IOException {
        target.write(chars, off, len);
        cast.output(new String(chars, off, len));
      }

      @Override
      public void flush() throws IOException {
        target.flush();
      }

      @Override
      public void close() throws IOException {
        target.close();
      }
    };
  }

  /** An output stream of UTF-8 bytes that writes to {@code target} and records the text. */
  public static OutputStream stream(OutputStream target, CastWriter cast) {
    return new Utf8Tee(target, cast);
  }

  /** Decodes as it goes, keeping a multi-byte character split across two writes whole. */
  private static final class Utf8Tee extends OutputStream {
    private final OutputStream target;
    private final CastWriter cast;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    Utf8Tee(OutputStream target, CastWriter cast) {
      this.target = target;
      this.cast = cast;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
      target.write(bytes, off, len);
      ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
      in.put(pending).put(bytes, off, len).flip();
      CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
      decoder.decode(in, out, false);
      pending = ByteBuffer.allocate(in.remaining()).put(in).flip();
      out.flip();
      cast.output(out.toString());
    }

    @Override
    public void flush() throws IOException {
      target.flush();
    }

    @Override
    public void close() throws IOException {
      target.close();
    }
  }
}
