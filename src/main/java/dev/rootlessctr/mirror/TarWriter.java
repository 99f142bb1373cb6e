package dev.rootlessctr.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a POSIX ustar archive with fixed owners and times, so the same entries always give the
 * same bytes. Only what an image layer of busybox needs: directories, files, symlinks, names of up
 * to 100 bytes (longer ones are refused, not silently cut).
 */
final class TarWriter {

  private static final int BLOCK = 512;

  private final OutputStream out;

  TarWriter(OutputStream out) {
    this.out = out;
  }

  void directory(String name, int mode) throws IOException {
    header(name.endsWith("/") ? name : name + "/", mode, 0, '5', "");
  }

  void symlink(String name, String target) throws IOException {
    header(name, 0777, 0, '2', target);
  }

  void file(String name, int mode, long size, InputStream content) throws IOException {
    header(name, mode, size, '0', "");
    long copied = content.transferTo(out);
    if (copied != size) {
      throw new IOException(
          name + " changed while it was archived (" + copied + " bytes, expected " + size + ")");
    }
    pad(size);
  }

  /** Two zero blocks end the archive. */
  void finish() throws IOException {
    out.write(new byte[BLOCK * 2]);
    out.flush();
  }

  private void header(String name, int mode, long size, char type, String link) throws IOException {
    byte[] header = new byte[BLOCK];
    put(header, 0, 100, name);
    octal(header, 100, 8, mode);
    octal(header, 108, 8, 0); // uid
    octal(header, 116, 8, 0); // gid
    octal(header, 124, 12, size);
    octal(header, 136, 12, 0); // mtime: fixed, for reproducible layers
    header[156] = (byte) type;
    put(header, 157, 100, link);
    put(header, 257, 6, "ustar");
    put(header, 263, 2, "00");
    put(header, 265, 32, "root");
    put(header, 297, 32, "root");
    for (int i = 148; i < 156; i++) {
      header[i] = ' ';
    }
    long sum = 0;
    for (byte b : header) {
      sum += b & 0xff;
    }
    octal(header, 148, 7, sum);
    header[155] = ' ';
    out.write(header);
  }

  private static void put(byte[] header, int offset, int length, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > length) {
      throw new IOException("tar field too long: " + value);
    }
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  private static void octal(byte[] header, int offset, int length, long value) throws IOException {
    String digits = Long.toOctalString(value);
    if (digits.length() > length - 1) {
      throw new IOException("tar number too large: " + value);
    }
    put(header, offset, length, "0".repeat(length - 1 - digits.length()) + digits);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }
}
