package dev.headlesscrm.platform.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: comma-separated, CRLF after every record (the last too), a field is quoted when it
 * holds a comma, a double quote, CR or LF, with inner quotes doubled. UTF-8 with a byte-order mark:
 * without it Excel reads the file in the system code page (GBK on Chinese Windows) and garbles
 * every Chinese name.
 *
 * <p>CSV injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell that starts with {@code
 * =}, {@code +}, {@code -} or {@code @} as a formula, and a leading tab or CR can smuggle one past
 * a trim. Any free-text cell starting with one of those six characters gets a leading {@code '}, as
 * OWASP recommends, so Excel and LibreOffice show it as text. Values the writer formats itself
 * (numbers, times, booleans, UUIDs, enums) are never prefixed, so {@code -12.50} stays a number.
 * The cost is that a phone typed as {@code +86 138...} exports as {@code '+86 138...}; a program
 * reading the file can strip a leading {@code '} when the next character is one of the six.
 */
final class CsvExportWriter implements ExportWriter {

  private static final int BUFFER_CHARS = 1 << 16;

  private final Writer out;
  private final int columns;
  private final StringBuilder line = new StringBuilder(256);
  private long rows;
  private boolean closed;

  CsvExportWriter(OutputStream stream, List<ExportColumn> columns) {
    this.out =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
    this.columns = columns.size();
    try {
      out.write('\uFEFF');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(columns.stream().map(ExportColumn::header).toList());
  }

  @Override
  public void row(List<?> values) {
    if (closed) {
      throw new IllegalStateException("export writer is closed");
    }
    if (values.size() != columns) {
      throw new IllegalArgumentException(
          "row has " + values.size() + " values for " + columns + " columns");
    }
    write(values);
    rows++;
  }

  private void write(List<?> values) {
    line.setLength(0);
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      Object value = values.get(i);
      appendField(line, ExportValues.text(value), ExportValues.isFreeText(value));
    }
    line.append("\r\n");
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void appendField(StringBuilder line, String text, boolean freeText) {
    boolean guard = freeText && startsWithFormulaTrigger(text);
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (quote) {
      line.append('"');
    }
    if (guard) {
      line.append('\'');
    }
    if (quote) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          line.append('"');
        }
        line.append(c);
      }
      line.append('"');
    } else {
      line.append(text);
    }
  }

  static boolean startsWithFormulaTrigger(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.flush(); // flushes the caller's stream too, but leaves it open
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
