package dev.rootlessctr.shell;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The report's Markdown as one self-contained HTML page: no script, no link, its style inline. */
final class ReportHtml {

  private static final String STYLE =
      "body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.4}"
          + "code{background:#f3f3f3;padding:0 .2em;word-break:break-all}h3{margin-top:1.5em}";

  private ReportHtml() {}

  static String of(String title, String markdown) {
    // escapeHtml: a value the learner typed (a command with <, a file name) stays text.
    String body =
        HtmlRenderer.builder()
            .escapeHtml(true)
            .build()
            .render(Parser.builder().build().parse(markdown));
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title><style>"
        + STYLE
        + "</style></head><body>\n"
        + body
        + "</body></html>\n";
  }
}
