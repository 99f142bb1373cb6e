package dev.rootlessctr.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * What an ELF file's program headers say about how it starts.
 *
 * <p>A dynamically linked program names its loader in a {@code PT_INTERP} header; a static one has
 * none, which is exactly what makes it runnable in an image without the host's libraries.
 *
 * @param bits 32 or 64
 * @param interpreter the loader from {@code PT_INTERP}, e.g. {@code /lib64/ld-linux-x86-64.so.2}
 */
record ElfInfo(int bits, Optional<String> interpreter) {

  private static final int PT_INTERP = 3;
  private static final int MAX_HEADERS = 4096;

  /** Whether the program needs no loader, i.e. is statically linked. */
  boolean isStatic() {
    return interpreter.isEmpty();
  }

  /** Reads {@code file}'s ELF header; empty when it is not an ELF file. */
  static Optional<ElfInfo> read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer ident = read(channel, 0, 16);
      if (ident.remaining() < 16 || ident.getInt(0) != 0x7f454c46) {
        return Optional.empty();
      }
      int elfClass = ident.get(4);
      int data = ident.get(5);
      if ((elfClass != 1 && elfClass != 2) || (data != 1 && data != 2)) {
        return Optional.empty();
      }
      boolean wide = elfClass == 2;
      ByteOrder order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      ByteBuffer header = read(channel, 0, wide ? 64 : 52).order(order);
      long phoff = wide ? header.getLong(0x20) : Integer.toUnsignedLong(header.getInt(0x1c));
      int phentsize = Short.toUnsignedInt(header.getShort(wide ? 0x36 : 0x2a));
      int phnum = Math.min(Short.toUnsignedInt(header.getShort(wide ? 0x38 : 0x2c)), MAX_HEADERS);
      for (int i = 0; i < phnum; i++) {
        ByteBuffer ph = read(channel, phoff + (long) i * phentsize, phentsize).order(order);
        if (ph.remaining() >= 4 && ph.getInt(0) == PT_INTERP) {
          long offset = wide ? ph.getLong(8) : Integer.toUnsignedLong(ph.getInt(4));
          long size = wide ? ph.getLong(32) : Integer.toUnsignedLong(ph.getInt(16));
          return Optional.of(
              new ElfInfo(wide ? 64 : 32, Optional.of(string(channel, offset, size))));
        }
      }
      return Optional.of(new ElfInfo(wide ? 64 : 32, Optional.empty()));
    }
  }

  private static String string(FileChannel channel, long offset, long size) throws IOException {
    ByteBuffer bytes = read(channel, offset, (int) Math.min(size, 4096));
    String text = StandardCharsets.ISO_8859_1.decode(bytes).toString();
    int nul = text.indexOf('\0');
    return nul >= 0 ? text.substring(0, nul) : text;
  }

  private static ByteBuffer read(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.max(length, 0));
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        break;
      }
    }
    return buffer.flip();
  }
}
