package dev.rootlessctr.mirror;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to one request: a status, headers, and a body from bytes or a file region. */
final class HttpResponse {

  private static final int CHUNK = 256 * 1024;

  private final OutputStream out;
  private final boolean head;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean sent;

  HttpResponse(OutputStream out, boolean head) {
    this.out = out;
    this.head = head;
  }

  HttpResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  boolean sent() {
    return sent;
  }

  void send(int status, byte[] body) throws IOException {
    start(status, body.length);
    if (!head) {
      out.write(body);
    }
    out.flush();
  }

  /** Streams {@code length} bytes of {@code file} from {@code offset}; never the whole file in memory. */
  void send(int status, Path file, long offset, long length) throws IOException {
    start(status, length);
    if (!head) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(length, 1)));
        long position = offset;
        long left = length;
        while (left > 0) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), left));
          int read = channel.read(buffer, position);
          if (read < 0) {
            throw new IOException(file + " shrank while it was served");
          }
          out.write(buffer.array(), 0, read);
          position += read;
          left -= read;
        }
      }
    }
    out.flush();
  }

  void sendEmpty(int status) throws IOException {
    start(status, 0);
    out.flush();
  }

  private void start(int status, long length) throws IOException {
    StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    headers.putIfAbsent("Content-Length", String.valueOf(length));
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("\r\n");
    out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    sent = true;
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 414 -> "URI Too Long";
      case 416 -> "Range Not Satisfiable";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
