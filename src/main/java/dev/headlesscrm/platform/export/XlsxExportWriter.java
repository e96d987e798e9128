package dev.headlesscrm.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, which writes the zip entry as it goes. Cells are typed so that Excel can
 * sort, filter and sum them:
 *
 * <ul>
 *   <li>Text is an inline string ({@code t="inlineStr"}), not a shared string: fastexcel keeps the
 *       shared-string table in memory until the end, which grows with every distinct name; inline
 *       strings keep memory flat at the price of a somewhat larger file. Typed cells are never
 *       evaluated, so no formula-injection guard is needed (unlike CSV).
 *   <li>Integers, longs, doubles and decimals are numbers; decimals keep their scale on screen
 *       ({@code #,##0.00} for a scale of 2). Excel holds 15 significant digits, so a value that
 *       needs more (a long id, a large exact decimal) is written as text rather than silently
 *       rounded.
 *   <li>Dates are date cells ({@code yyyy-mm-dd}); instants and zoned/offset times are date-time
 *       cells ({@code yyyy-mm-dd hh:mm:ss}) in the writer's zone, UTC unless the caller chose one.
 *       Real date cells rather than ISO strings because users filter and sort by them; an Excel
 *       cell has no zone, hence the explicit choice. Outside Excel's range (before 1900-03-01 or
 *       after 9999) they fall back to ISO-8601 text.
 * </ul>
 *
 * <p>Rows are flushed every {@value #FLUSH_EVERY} rows. Column widths come from the header and the
 * first batch (a sheet's column widths are written before its first row, so later rows cannot
 * change them), counting Chinese characters as two. A sheet holds at most 1,048,575 data rows; the
 * writer then starts another sheet ({@code name (2)}) with the same header.
 */
final class XlsxExportWriter implements ExportWriter {

  static final int FLUSH_EVERY = 512;
  static final int EXCEL_MAX_ROWS = 1_048_576;
  static final int EXCEL_MAX_TEXT = 32_767;
  static final int MIN_WIDTH = 8;
  static final int MAX_WIDTH = 60;
  private static final double MAX_EXACT = 1e15;
  private static final LocalDate FIRST_EXCEL_DATE = LocalDate.of(1900, 3, 1);
  private static final String DATE = "yyyy-mm-dd";
  private static final String DATE_TIME = "yyyy-mm-dd hh:mm:ss";
  private static final String[] DECIMALS = new String[11];

  static {
    for (int scale = 1; scale < DECIMALS.length; scale++) {
      DECIMALS[scale] = "#,##0." + "0".repeat(scale);
    }
  }

  private final Workbook workbook;
  private final List<ExportColumn> columns;
  private final String sheetName;
  private final ZoneId zone;
  private final int maxRowsPerSheet;
  private final int[] widths;
  private Worksheet sheet;
  private int sheetCount;
  private int sheetRow;
  private boolean widthsFixed;
  private boolean sheetHasWidths;
  private long rows;
  private boolean closed;

  XlsxExportWriter(
      OutputStream out,
      List<ExportColumn> columns,
      String sheetName,
      ZoneId zone,
      int maxRowsPerSheet) {
    this.workbook = new Workbook(out, "Headless CRM", "1.0");
    this.columns = columns;
    this.sheetName = sheetName(sheetName);
    this.zone = zone;
    this.maxRowsPerSheet = maxRowsPerSheet;
    this.widths = new int[columns.size()];
    startSheet();
  }

  @Override
  public void row(List<?> values) {
    if (closed) {
      throw new IllegalStateException("export writer is closed");
    }
    if (values.size() != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.size() + " values for " + columns.size() + " columns");
    }
    try {
      if (sheetRow > maxRowsPerSheet) {
        finishSheet();
        startSheet();
      }
      for (int c = 0; c < values.size(); c++) {
        cell(sheetRow, c, values.get(c));
      }
      sheetRow++;
      rows++;
      if (sheetRow % FLUSH_EVERY == 0) {
        flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
      finishSheet();
      workbook.finish(); // completes the zip and flushes; does not close the caller's stream
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startSheet() {
    sheetCount++;
    String name = sheetName;
    if (sheetCount > 1) {
      String suffix = " (" + sheetCount + ")";
      name = truncate(sheetName, 31 - suffix.length()) + suffix;
    }
    sheet = workbook.newWorksheet(name);
    for (int c = 0; c < columns.size(); c++) {
      String header = xmlSafe(columns.get(c).header());
      sheet.inlineString(0, c, header);
      sheet.style(0, c).bold().set();
      widen(c, displayWidth(header) + 2); // room for the filter button
    }
    sheet.freezePane(0, 1);
    sheetRow = 1;
    sheetHasWidths = false;
  }

  private void finishSheet() throws IOException {
    sheet.setAutoFilter(0, 0, columns.size() - 1);
    flush();
    sheet.finish();
  }

  private void flush() throws IOException {
    if (!sheetHasWidths) {
      for (int c = 0; c < widths.length; c++) {
        sheet.width(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c] + 2)));
      }
      sheetHasWidths = true;
      widthsFixed = true; // later sheets reuse the first sheet's widths
    }
    sheet.flush();
  }

  private void cell(int r, int c, Object value) {
    if (value instanceof Optional<?> o) {
      value = o.orElse(null);
    }
    if (value == null) {
      return;
    }
    if (value instanceof CharSequence s) {
      text(r, c, s.toString());
    } else if (value instanceof Number n) {
      number(r, c, n);
    } else if (value instanceof Boolean b) {
      sheet.value(r, c, b);
      widen(c, 5);
    } else if (value instanceof LocalDate d) {
      date(r, c, d, null);
    } else if (value instanceof LocalDateTime d) {
      date(r, c, d.toLocalDate(), d);
    } else if (value instanceof Instant i) {
      LocalDateTime d = LocalDateTime.ofInstant(i, zone);
      date(r, c, d.toLocalDate(), d);
    } else if (value instanceof OffsetDateTime o) {
      LocalDateTime d = LocalDateTime.ofInstant(o.toInstant(), zone);
      date(r, c, d.toLocalDate(), d);
    } else if (value instanceof ZonedDateTime z) {
      LocalDateTime d = LocalDateTime.ofInstant(z.toInstant(), zone);
      date(r, c, d.toLocalDate(), d);
    } else if (value instanceof Date legacy) {
      LocalDateTime d = LocalDateTime.ofInstant(legacy.toInstant(), zone);
      date(r, c, d.toLocalDate(), d);
    } else {
      text(r, c, ExportValues.text(value));
    }
  }

  private void text(int r, int c, String s) {
    if (s.isEmpty()) {
      return;
    }
    String safe = xmlSafe(s.length() > EXCEL_MAX_TEXT ? truncate(s, EXCEL_MAX_TEXT) : s);
    sheet.inlineString(r, c, safe);
    if (!widthsFixed) {
      widen(c, displayWidth(safe));
    }
  }

  private void number(int r, int c, Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      long v = n.longValue();
      if (Math.abs((double) v) < MAX_EXACT) {
        sheet.value(r, c, n);
        widen(c, Long.toString(v).length() + 1);
      } else {
        text(r, c, Long.toString(v));
      }
    } else if (n instanceof Double || n instanceof Float) {
      double v = n.doubleValue();
      if (Double.isFinite(v)) {
        sheet.value(r, c, n);
        widen(c, Math.min(16, ExportValues.text(n).length() + 1));
      } else {
        text(r, c, ExportValues.text(n));
      }
    } else if (n instanceof BigDecimal d) {
      decimal(r, c, d);
    } else if (n instanceof BigInteger i) {
      decimal(r, c, new BigDecimal(i));
    } else {
      // AtomicLong, LongAdder and the like
      decimal(r, c, new BigDecimal(n.toString()));
    }
  }

  private void decimal(int r, int c, BigDecimal d) {
    if (d.signum() != 0 && d.stripTrailingZeros().precision() > 15) {
      text(r, c, d.toPlainString());
      return;
    }
    sheet.value(r, c, d);
    int scale = d.scale();
    if (scale > 0) {
      sheet.style(r, c).format(DECIMALS[Math.min(scale, DECIMALS.length - 1)]).set();
    }
    if (!widthsFixed) {
      int digits = d.toPlainString().length();
      widen(c, digits + digits / 3 + 1); // thousands separators
    }
  }

  private void date(int r, int c, LocalDate day, LocalDateTime time) {
    if (day.isBefore(FIRST_EXCEL_DATE) || day.getYear() > 9999) {
      text(r, c, time == null ? day.toString() : time.toString());
      return;
    }
    if (time == null) {
      sheet.value(r, c, day);
      sheet.style(r, c).format(DATE).set();
      widen(c, DATE.length());
    } else {
      sheet.value(r, c, time.truncatedTo(ChronoUnit.SECONDS));
      sheet.style(r, c).format(DATE_TIME).set();
      widen(c, DATE_TIME.length());
    }
  }

  private void widen(int c, int width) {
    if (!widthsFixed && width > widths[c]) {
      widths[c] = width;
    }
  }

  /** Excel column-width units: about one per Latin character, two per Chinese character. */
  static int displayWidth(String s) {
    int width = 0;
    for (int i = 0; i < s.length() && width <= MAX_WIDTH; ) {
      int cp = s.codePointAt(i);
      width += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  private static boolean isWide(int cp) {
    if (cp < 0x1100) {
      return false;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (cp >= 0x3000 && cp <= 0x303F) // CJK punctuation
        || (cp >= 0xFF00 && cp <= 0xFF60) // full-width forms
        || (cp >= 0xFFE0 && cp <= 0xFFE6);
  }

  /**
   * A legal sheet name: at most 31 characters, none of {@code []:*?/\}, not blank, not starting or
   * ending with an apostrophe.
   */
  static String sheetName(String name) {
    if (name == null) {
      return "Sheet1";
    }
    StringBuilder out = new StringBuilder();
    name.strip()
        .codePoints()
        .forEach(
            cp ->
                out.appendCodePoint(
                    "[]:*?/\\".indexOf(cp) >= 0 || Character.isISOControl(cp) ? '_' : cp));
    String s = truncate(out.toString(), 31);
    while (s.startsWith("'")) {
      s = s.substring(1);
    }
    while (s.endsWith("'")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isBlank() ? "Sheet1" : s;
  }

  /** Cuts to at most {@code max} UTF-16 units without splitting a surrogate pair. */
  static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }

  /**
   * Drops what XML 1.0 cannot carry (control characters other than tab, CR and LF; unpaired
   * surrogates; U+FFFE/U+FFFF), which would otherwise make the whole workbook unreadable.
   */
  static String xmlSafe(String s) {
    int i = 0;
    while (i < s.length() && legal(s, i)) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (legal(s, i)) {
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean legal(String s, int i) {
    char c = s.charAt(i);
    if (c >= 0x20 && c < 0xD800) {
      return true;
    }
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return c >= 0xE000 && c <= 0xFFFD;
  }
}
