package dev.rootlessctr.mirror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to one request: a status, headers, and a body from bytes or a file region. */
final class HttpResponse {

  private final ChannelWriter out;
  private final boolean head;
  private final boolean closeAfter;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean sent;

  /** {@code closeAfter}: the server closes the connection after this answer, and says so. */
  HttpResponse(ChannelWriter out, boolean head, boolean closeAfter) {
    this.out = out;
    this.head = head;
    this.closeAfter = closeAfter;
  }

  HttpResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  boolean sent() {
    return sent;
  }

  void send(int status, byte[] body) throws IOException {
    byte[] start = start(status, body.length);
    ByteBuffer whole = ByteBuffer.allocate(start.length + (head ? 0 : body.length)).put(start);
    if (!head) {
      whole.put(body);
    }
    out.write(whole.flip()); // one write: a small answer leaves in one segment
  }

  /**
   * Streams {@code length} bytes of {@code file} from {@code offset}; never the whole file in
   * memory.
   */
  void send(int status, Path file, long offset, long length) throws IOException {
    out.write(ByteBuffer.wrap(start(status, length)));
    if (!head) {
      out.sendFile(file, offset, length);
    }
  }

  void sendEmpty(int status) throws IOException {
    out.write(ByteBuffer.wrap(start(status, 0)));
  }

  private byte[] start(int status, long length) {
    StringBuilder text =
        new StringBuilder("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(reason(status))
            .append("\r\n");
    headers.putIfAbsent("Content-Length", String.valueOf(length));
    if (closeAfter) {
      headers.put("Connection", "close");
    }
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("\r\n");
    sent = true;
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A complete answer with no body, for errors the server gives before any handler runs. */
  static byte[] bare(int status, String... extraHeaders) {
    StringBuilder text =
        new StringBuilder("HTTP/1.1 ")
            .append(status)
            .append(' ')
            .append(reason(status))
            .append("\r\n");
    text.append("Connection: close\r\n");
    for (String header : extraHeaders) {
      text.append(header).append("\r\n");
    }
    text.append("Content-Length: 0\r\n\r\n");
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 206 -> "Partial Content";
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 414 -> "URI Too Long";
      case 416 -> "Range Not Satisfiable";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }
}
