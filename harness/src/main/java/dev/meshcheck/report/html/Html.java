package dev.meshcheck.report.html;

import java.util.List;
import java.util.Locale;

/**
 * Small pieces of the report pages: escaping, the page frame with its inline style, tables and
 * banners. Every page is one file with nothing to fetch: no script, font, image or style sheet from
 * elsewhere.
 */
final class Html {
  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1100px}
      h1{font-size:22px;margin-bottom:4px} h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
      .sub{color:#555;margin-top:0} table{border-collapse:collapse;margin:8px 0;font-size:13px}
      th,td{border:1px solid #ddd;padding:4px 8px;text-align:right} th{background:#f4f4f4}
      td.l,th.l{text-align:left} .banner{padding:10px 14px;margin:12px 0;border-radius:4px;font-weight:600}
      .bad{background:#fde2e1;border:1px solid #d62728} .warn{background:#fff4d6;border:1px solid #e0a800}
      .good{background:#e3f4e1;border:1px solid #2ca02c} .chart{display:block;margin:8px 0}
      .chart-title{font-size:13px;font-weight:600;fill:#222} .marker-label{font-size:10px;fill:#555}
      .yes{color:#2ca02c;font-weight:600} .no{color:#777} .worse{color:#d62728;font-weight:600}
      code{background:#f4f4f4;padding:1px 4px}
      """;

  private Html() {}

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  /** A whole page: a title, a subtitle line and the body's HTML. */
  static String page(String title, String subtitle, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head><body><h1>"
        + escape(title)
        + "</h1><p class=\"sub\">"
        + escape(subtitle)
        + "</p>"
        + body
        + "</body></html>\n";
  }

  static String banner(String kind, String text) {
    return "<div class=\"banner " + kind + "\">" + escape(text) + "</div>";
  }

  static String heading(String text) {
    return "<h2>" + escape(text) + "</h2>";
  }

  static String paragraph(String text) {
    return "<p>" + escape(text) + "</p>";
  }

  /** A table; the first column is left-aligned. Cells are escaped unless they start with '<'. */
  static String table(List<String> header, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table><tr>");
    for (int i = 0; i < header.size(); i++) {
      html.append(i == 0 ? "<th class=\"l\">" : "<th>")
          .append(escape(header.get(i)))
          .append("</th>");
    }
    html.append("</tr>");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        html.append(i == 0 ? "<td class=\"l\">" : "<td>")
            .append(cell.startsWith("<") ? cell : escape(cell))
            .append("</td>");
      }
      html.append("</tr>");
    }
    return html.append("</table>").toString();
  }

  static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%,.1f", value);
  }
}
