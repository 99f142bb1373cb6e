package dev.rootlessctr.mirror;

import java.util.Locale;
import java.util.Map;

/** One parsed request: method, the path exactly as sent (still percent-encoded), headers. */
record HttpRequest(String method, String rawPath, Map<String, String> headers) {

  /** A header by name, case-insensitively; null when absent. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }
}
