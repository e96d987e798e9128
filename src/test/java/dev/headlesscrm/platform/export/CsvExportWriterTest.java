package dev.headlesscrm.platform.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CsvExportWriterTest {

  enum Level {
    A,
    VIP
  }

  private static final List<ExportColumn> ONE = List.of(ExportColumn.of("v", "值"));

  /** Writes rows of one column and returns the data lines (without header and BOM). */
  private static List<String> lines(Object... values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExportWriter w = ExportWriters.open(ExportFormat.CSV, out, ONE, "ignored")) {
      for (Object v : values) {
        w.row(Arrays.asList(v));
      }
    }
    String text = out.toString(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.substring(1).split("\r\n", -1)));
    assertEquals("", lines.remove(lines.size() - 1), "every record ends with CRLF");
    lines.remove(0);
    return lines;
  }

  private static String cell(Object value) {
    return lines(value).get(0);
  }

  @Test
  void startsWithAUtf8BomThenTheHeaderAndUsesCrlf() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ExportColumn> columns =
        List.of(ExportColumn.of("name", "客户名称"), ExportColumn.of("level", "级别"));
    try (ExportWriter w = ExportWriters.open(ExportFormat.CSV, out, columns, "客户")) {
      w.row(List.of("北京华为科技有限公司", Level.A));
      w.row(Arrays.asList("上海\"浦东\"公司", null));
      assertEquals(2, w.rowCount());
    }
    byte[] bytes = out.toByteArray();
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "BOM");
    assertEquals(
        "\uFEFF客户名称,级别\r\n北京华为科技有限公司,A\r\n\"上海\"\"浦东\"\"公司\",\r\n",
        new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void quotesPerRfc4180OnlyWhenNeeded() {
    assertEquals("plain text", cell("plain text"));
    assertEquals("\"a,b\"", cell("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", cell("say \"hi\""));
    assertEquals("\"two\nlines\"", String.join("\r\n", lines("two\nlines")));
    assertEquals("\"cr\rhere\"", cell("cr\rhere"));
    assertEquals("semi;colon", cell("semi;colon"));
  }

  @Test
  void guardsAgainstFormulaInjectionOnFreeText() {
    assertEquals("'=SUM(A1:A9)", cell("=SUM(A1:A9)"));
    assertEquals("'+86 138 0013 8000", cell("+86 138 0013 8000"));
    assertEquals("'-2+3", cell("-2+3"));
    assertEquals("'@cmd", cell("@cmd"));
    assertEquals("'\tindent", cell("\tindent"));
    assertEquals("\"'\r=1\"", cell("\r=1"), "quoted because of the CR, guarded inside the quotes");
    assertEquals(
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", cell("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("'=1", cell(new StringBuilder("=1")), "any CharSequence");
    assertEquals("'=a; b", cell(List.of("=a", "b")), "a joined list is free text too");
    assertEquals("a=b", cell("a=b"), "only the first character matters");
    assertEquals(" =1", cell(" =1"));
  }

  @Test
  void neverGuardsValuesTheWriterFormats() {
    assertEquals("-12.50", cell(new BigDecimal("-12.50")));
    assertEquals("-7", cell(-7));
    assertEquals("-1.5", cell(-1.5d));
    assertEquals("-0001-01-01", cell(LocalDate.of(-1, 1, 1)));
  }

  @Test
  void formatsValues() {
    assertEquals("", cell(null));
    assertEquals("1000", cell(new BigDecimal("1E+3")), "no exponent");
    assertEquals("0.000001", cell(new BigDecimal("0.000001")));
    assertEquals("12345678901234567890.12", cell(new BigDecimal("12345678901234567890.12")));
    assertEquals("100000000000000000000", cell(1e20d));
    assertEquals("0.1", cell(0.1d));
    assertEquals("2.5", cell(2.5f));
    assertEquals("NaN", cell(Double.NaN));
    assertEquals("9223372036854775807", cell(Long.MAX_VALUE));
    assertEquals(
        "123456789012345678901234567890", cell(new BigInteger("123456789012345678901234567890")));
    assertEquals("true", cell(true));
    assertEquals("false", cell(Boolean.FALSE));
    assertEquals("2026-11-23T08:00:00Z", cell(Instant.parse("2026-11-23T08:00:00Z")));
    assertEquals("2026-11-23T08:00:00.123Z", cell(Instant.parse("2026-11-23T08:00:00.123Z")));
    assertEquals(
        "2026-11-23T00:00:00Z",
        cell(OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.ofHours(8))),
        "offset times become RFC 3339 UTC");
    assertEquals(
        "2026-11-23T00:00:00Z",
        cell(ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("Asia/Shanghai"))));
    assertEquals("2026-11-23T00:00:00Z", cell(Date.from(Instant.parse("2026-11-23T00:00:00Z"))));
    assertEquals("2026-11-23", cell(LocalDate.of(2026, 11, 23)));
    assertEquals("2026-11-23T08:30:00", cell(LocalDateTime.of(2026, 11, 23, 8, 30)));
    assertEquals("08:30:00", cell(LocalTime.of(8, 30)));
    assertEquals("2026-11", cell(YearMonth.of(2026, 11)));
    assertEquals(
        "0193a000-0000-7000-8000-000000000001",
        cell(UUID.fromString("0193a000-0000-7000-8000-000000000001")));
    assertEquals("VIP", cell(Level.VIP));
    assertEquals("华东; 华南; 7", cell(Arrays.asList("华东", null, "华南", 7)));
    assertEquals("A", cell(Set.of(Level.A)));
    assertEquals("x; y", cell(new String[] {"x", "y"}));
    assertEquals("", cell(List.of()));
    assertEquals("华为", cell(Optional.of("华为")));
    assertEquals("", cell(Optional.empty()));
    assertEquals("'=1", cell(Optional.of("=1")));
  }

  @Test
  void rowsMustMatchTheColumns() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ExportColumn> two = List.of(ExportColumn.of("a", "A"), ExportColumn.of("b", "B"));
    try (ExportWriter w = ExportWriters.open(ExportFormat.CSV, out, two, null)) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> w.row(List.of("only one")));
      assertEquals("row has 1 values for 2 columns", e.getMessage());
      assertEquals(0, w.rowCount());
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> ExportWriters.open(ExportFormat.CSV, out, List.of(), null));
  }

  @Test
  void closeFlushesButLeavesTheCallersStreamOpen() {
    TrackingStream out = new TrackingStream();
    ExportWriter w = ExportWriters.open(ExportFormat.CSV, out, ONE, null);
    w.row(List.of("x"));
    assertEquals(0, out.size(), "still buffered");
    w.close();
    w.close();
    assertEquals("\uFEFF值\r\nx\r\n", out.toString(StandardCharsets.UTF_8));
    assertFalse(out.closed);
    assertThrows(IllegalStateException.class, () -> w.row(List.of("late")));
  }

  @Test
  void headersAreQuotedAndGuardedLikeCells() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<ExportColumn> columns =
        List.of(
            ExportColumn.of("a", "金额, 元"), ExportColumn.of("b", "=x"), ExportColumn.of("c", null));
    ExportWriters.open(ExportFormat.CSV, out, columns, null).close();
    assertEquals("\uFEFF\"金额, 元\",'=x,c\r\n", out.toString(StandardCharsets.UTF_8));
  }

  static final class TrackingStream extends ByteArrayOutputStream {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }
}
