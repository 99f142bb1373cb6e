package dev.rootlessctr.mirror;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one request head byte by byte as it arrives, however it is split, in bounded memory: a line
 * keeps at most {@link HttpLimits#MAX_REQUEST_LINE} characters, and only the headers the server
 * acts on are kept; the others are counted against the 1 MiB limit and dropped.
 */
final class RequestParser {

  /** Where the head stands after the bytes fed so far. */
  enum Status {
    NEED_MORE,
    COMPLETE,
    REJECTED
  }

  /** The headers the server or the registry reads; a request carries others, unread. */
  private static final Set<String> KEPT =
      Set.of("host", "connection", "range", "content-length", "transfer-encoding");

  private final StringBuilder line = new StringBuilder();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean lineOverflow;
  private int blankLines;
  private int headerCount;
  private long headBytes;
  private String[] requestLine;
  private int rejection;

  /** Whether any byte of this request has arrived (a stray CRLF included). */
  boolean started() {
    return headBytes > 0;
  }

  /** The status to answer with after {@link Status#REJECTED}. */
  int rejection() {
    return rejection;
  }

  /** Consumes bytes from {@code in} up to the end of the head, leaving the rest in it. */
  Status feed(ByteBuffer in) {
    while (in.hasRemaining()) {
      int b = in.get() & 0xff;
      if (++headBytes > HttpLimits.MAX_HEAD_BYTES) {
        return reject(requestLine == null ? 414 : 431);
      }
      if (b == '\n') {
        Status status = endOfLine();
        if (status != Status.NEED_MORE) {
          return status;
        }
      } else if (line.length() < HttpLimits.MAX_REQUEST_LINE) {
        line.append((char) b);
      } else if (requestLine == null) {
        return reject(414);
      } else {
        lineOverflow = true; // an unread header may be long; its size still counts
      }
    }
    return Status.NEED_MORE;
  }

  private Status endOfLine() {
    int end = line.length();
    String text =
        end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    boolean overflow = lineOverflow;
    line.setLength(0);
    lineOverflow = false;
    if (requestLine == null) {
      if (text.isEmpty()) {
        return ++blankLines > HttpLimits.MAX_BLANK_LINES ? reject(400) : Status.NEED_MORE;
      }
      String[] parts = text.split(" ");
      if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
        return reject(400);
      }
      requestLine = parts;
      return Status.NEED_MORE;
    }
    if (text.isEmpty()) {
      return Status.COMPLETE;
    }
    if (++headerCount > HttpLimits.MAX_HEADERS) {
      return reject(431);
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return Status.NEED_MORE; // not a header; ignored as before
    }
    String name = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (KEPT.contains(name)) {
      if (overflow) {
        return reject(431); // a value we would act on, cut short: refuse rather than guess
      }
      headers.put(name, text.substring(colon + 1).strip());
    }
    return Status.NEED_MORE;
  }

  private Status reject(int status) {
    rejection = status;
    return Status.REJECTED;
  }

  /** The request, after {@link Status#COMPLETE}. */
  HttpRequest request() {
    return new HttpRequest(requestLine[0], requestLine[1], Map.copyOf(headers));
  }

  /**
   * Whether the connection must close after the answer: the client asked for it, or the request has
   * a body this read-only server will not read and must not mistake for the next request.
   */
  boolean closeAfter() {
    String method = requestLine[0];
    return "close".equalsIgnoreCase(headers.get("connection"))
        || requestLine[2].equals("HTTP/1.0")
        || !(method.equals("GET") || method.equals("HEAD"))
        || headers.containsKey("content-length")
        || headers.containsKey("transfer-encoding");
  }
}
