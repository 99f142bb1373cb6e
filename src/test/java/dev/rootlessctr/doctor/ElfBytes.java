package dev.rootlessctr.doctor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds minimal ELF images: a header and program headers, optionally with PT_INTERP. */
final class ElfBytes {

  private ElfBytes() {}

  /** A 64-bit little-endian ELF with a PT_LOAD header and, if given, a PT_INTERP header. */
  static byte[] elf64(String interpreter) {
    int phnum = interpreter == null ? 1 : 2;
    int phoff = 64;
    int stringAt = phoff + phnum * 56;
    byte[] interp =
        interpreter == null
            ? new byte[0]
            : (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(stringAt + interp.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.putShort(16, (short) 2).putShort(18, (short) 0x3e).putInt(20, 1);
    b.putLong(0x20, phoff)
        .putShort(0x34, (short) 64)
        .putShort(0x36, (short) 56)
        .putShort(0x38, (short) phnum);
    b.putInt(phoff, 1);
    if (interpreter != null) {
      int ph = phoff + 56;
      b.putInt(ph, 3).putLong(ph + 8, stringAt).putLong(ph + 32, interp.length);
      b.position(stringAt);
      b.put(interp);
    }
    return b.array();
  }

  /** A 32-bit big-endian ELF with a single PT_INTERP header. */
  static byte[] elf32BigEndian(String interpreter) {
    int phoff = 52;
    int stringAt = phoff + 32;
    byte[] interp = (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(stringAt + interp.length).order(ByteOrder.BIG_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 1, 0});
    b.putInt(0x1c, phoff)
        .putShort(0x28, (short) 52)
        .putShort(0x2a, (short) 32)
        .putShort(0x2c, (short) 1);
    b.putInt(phoff, 3).putInt(phoff + 4, stringAt).putInt(phoff + 16, interp.length);
    b.position(stringAt);
    b.put(interp);
    return b.array();
  }
}
