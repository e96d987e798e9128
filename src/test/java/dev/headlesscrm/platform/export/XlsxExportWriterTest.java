package dev.headlesscrm.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Writes workbooks and reads them back with fastexcel-reader and as raw sheet XML. */
class XlsxExportWriterTest {

  enum Level {
    A
  }

  private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);

  @TempDir Path dir;

  private static final List<ExportColumn> CUSTOMER =
      List.of(
          ExportColumn.of("name", "客户名称"),
          ExportColumn.of("creditLimit", "信用额度"),
          ExportColumn.of("createdAt", "创建时间"),
          ExportColumn.of("since", "合作日期"),
          ExportColumn.of("vip", "VIP"),
          ExportColumn.of("level", "级别"),
          ExportColumn.of("tags", "标签"),
          ExportColumn.of("id", "ID"),
          ExportColumn.of("employees", "员工数"));

  private Path write(String sheet, ZoneId zone, int maxRows, Consumer<ExportWriter> rows)
      throws IOException {
    Path file = Files.createTempFile(dir, "export", ".xlsx");
    try (var out = Files.newOutputStream(file);
        ExportWriter w =
            ExportWriters.open(ExportFormat.XLSX, out, CUSTOMER, sheet, zone, maxRows)) {
      rows.accept(w);
    }
    return file;
  }

  private static List<Row> rows(Path file, int sheet) throws IOException {
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), WITH_FORMATS)) {
      return wb.getSheet(sheet).orElseThrow().read();
    }
  }

  private static List<Object> sample(String name) {
    return Arrays.asList(
        name,
        new BigDecimal("1234567.50"),
        Instant.parse("2026-11-23T08:00:00Z"),
        LocalDate.of(2020, 1, 15),
        true,
        Level.A,
        List.of("重点", "华东"),
        UUID.fromString("0193a000-0000-7000-8000-000000000001"),
        1200L);
  }

  @Test
  void writesTypedCellsThatReadBack() throws IOException {
    Path file =
        write(
            "客户",
            ZoneOffset.UTC,
            1_000_000,
            w -> {
              w.row(sample("北京华为科技有限公司"));
              w.row(Arrays.asList(new Object[CUSTOMER.size()]));
              w.row(sample("=1+1"));
            });
    List<Row> rows = rows(file, 0);
    assertEquals(
        List.of(1, 2, 4),
        rows.stream().map(Row::getRowNum).toList(),
        "a row of nulls has no cells, so the sheet stores none; it still takes its place");
    Row header = rows.get(0);
    assertEquals("客户名称", header.getCellText(0));
    assertEquals("员工数", header.getCellText(8));

    Row r = rows.get(1);
    assertEquals(CellType.STRING, r.getCell(0).getType());
    assertEquals("北京华为科技有限公司", r.getCellText(0), "Chinese survives");
    assertEquals(CellType.NUMBER, r.getCell(1).getType());
    assertEquals(0, new BigDecimal("1234567.5").compareTo(r.getCell(1).asNumber()));
    assertEquals("#,##0.00", r.getCell(1).getDataFormatString());
    assertEquals(CellType.NUMBER, r.getCell(2).getType(), "a date-time is a date cell");
    assertEquals(LocalDateTime.of(2026, 11, 23, 8, 0), r.getCell(2).asDate());
    assertEquals("yyyy-mm-dd hh:mm:ss", r.getCell(2).getDataFormatString());
    assertEquals(LocalDateTime.of(2020, 1, 15, 0, 0), r.getCell(3).asDate());
    assertEquals("yyyy-mm-dd", r.getCell(3).getDataFormatString());
    assertEquals(CellType.BOOLEAN, r.getCell(4).getType());
    assertTrue(r.getCell(4).asBoolean());
    assertEquals("A", r.getCellText(5));
    assertEquals("重点; 华东", r.getCellText(6));
    assertEquals("0193a000-0000-7000-8000-000000000001", r.getCellText(7));
    assertEquals(CellType.NUMBER, r.getCell(8).getType());
    assertEquals(0, BigDecimal.valueOf(1200).compareTo(r.getCell(8).asNumber()));

    Cell formulaLike = rows.get(2).getCell(0);
    assertEquals(CellType.STRING, formulaLike.getType(), "typed text is never evaluated");
    assertEquals("=1+1", formulaLike.asString(), "so no CSV-style guard is needed");
  }

  @Test
  void keepsNumbersExcelWouldRoundAsText() throws IOException {
    Path file =
        write(
            null,
            ZoneOffset.UTC,
            1_000_000,
            w -> {
              for (Object n :
                  List.of(
                      999_999_999_999_999L,
                      Long.MAX_VALUE,
                      new BigDecimal("12345678901234567890.12"),
                      new BigDecimal("123456789012345.00"),
                      new BigInteger("12345678901234567890"),
                      Double.NaN,
                      0.1d,
                      7,
                      new BigDecimal("0.00"))) {
                List<Object> row = new ArrayList<>(Arrays.asList(new Object[CUSTOMER.size()]));
                row.set(1, n);
                w.row(row);
              }
            });
    List<Row> rows = rows(file, 0);
    assertEquals(CellType.NUMBER, rows.get(1).getCell(1).getType(), "15 digits fit");
    assertEquals(CellType.STRING, rows.get(2).getCell(1).getType());
    assertEquals("9223372036854775807", rows.get(2).getCellText(1));
    assertEquals("12345678901234567890.12", rows.get(3).getCellText(1));
    assertEquals(CellType.NUMBER, rows.get(4).getCell(1).getType(), "trailing zeros don't count");
    assertEquals("12345678901234567890", rows.get(5).getCellText(1));
    assertEquals("NaN", rows.get(6).getCellText(1));
    assertEquals(0, new BigDecimal("0.1").compareTo(rows.get(7).getCell(1).asNumber()));
    assertEquals(0, new BigDecimal("7").compareTo(rows.get(8).getCell(1).asNumber()));
    assertEquals(CellType.NUMBER, rows.get(9).getCell(1).getType());
    assertEquals("#,##0.00", rows.get(9).getCell(1).getDataFormatString());
  }

  @Test
  void dateTimesUseTheChosenZone() throws IOException {
    Instant instant = Instant.parse("2026-11-23T20:30:00Z");
    Path file =
        write(
            "x",
            ZoneId.of("Asia/Shanghai"),
            1_000_000,
            w -> {
              List<Object> row = sample("a");
              row.set(2, instant);
              row.set(3, OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-5)));
              w.row(row);
              row = sample("b");
              row.set(2, LocalDate.of(1899, 12, 31)); // before Excel's calendar
              row.set(3, LocalDateTime.of(2026, 11, 23, 8, 0, 59, 999_000_000));
              w.row(row);
            });
    List<Row> rows = rows(file, 0);
    assertEquals(LocalDateTime.of(2026, 11, 24, 4, 30), rows.get(1).getCell(2).asDate());
    assertEquals(LocalDateTime.of(2026, 1, 1, 13, 0), rows.get(1).getCell(3).asDate());
    assertEquals(CellType.STRING, rows.get(2).getCell(2).getType());
    assertEquals("1899-12-31", rows.get(2).getCellText(2));
    assertEquals(
        LocalDateTime.of(2026, 11, 23, 8, 0, 59),
        rows.get(2).getCell(3).asDate(),
        "shown to the second");
  }

  @Test
  void headerIsBoldFrozenFilteredAndColumnsAreSizedForTheirContent() throws Exception {
    Path file =
        write(
            "客户",
            ZoneOffset.UTC,
            1_000_000,
            w -> {
              w.row(sample("北京华为科技有限公司"));
              w.row(sample("x".repeat(500)));
              for (int i = 0; i < 998; i++) {
                w.row(sample("客户" + i)); // past the first flush
              }
            });
    try (ZipFile zip = new ZipFile(file.toFile())) {
      String sheet = entry(zip, "xl/worksheets/sheet1.xml");
      Document styles = xml(zip, "xl/styles.xml");

      Matcher a1 = Pattern.compile("<c r=\"A1\" s=\"(\\d+)\"").matcher(sheet);
      assertTrue(a1.find(), sheet);
      Element xf =
          (Element)
              ((Element) styles.getElementsByTagName("cellXfs").item(0))
                  .getElementsByTagName("xf")
                  .item(Integer.parseInt(a1.group(1)));
      Element font =
          (Element)
              styles.getElementsByTagName("font").item(Integer.parseInt(xf.getAttribute("fontId")));
      assertEquals(1, font.getElementsByTagName("b").getLength(), "header font is bold");

      assertTrue(sheet.contains("ySplit=\"1\""), "header row frozen");
      assertTrue(sheet.contains("state=\"frozen\""));
      assertTrue(sheet.contains("<autoFilter ref=\"A1:I1001\""), "filter covers every row");

      Map<Integer, Double> widths = widths(sheet);
      assertEquals(60.0, widths.get(1), "long text capped");
      assertEquals(21.0, widths.get(3), "yyyy-mm-dd hh:mm:ss fits");
      assertEquals(16.0, widths.get(2), "1,234,567.50 fits");
      assertEquals(8.0, widths.get(5), "never narrower than 8");
      assertEquals(12.0, widths.get(7), "重点; 华东: Chinese counts double");
      assertEquals(38.0, widths.get(8), "a UUID fits");
    }
  }

  @Test
  void chineseColumnsAreWiderThanTheirCharacterCount() {
    assertEquals(4, XlsxExportWriter.displayWidth("客户"));
    assertEquals(4, XlsxExportWriter.displayWidth("ＡＢ"));
    assertEquals(3, XlsxExportWriter.displayWidth("abc"));
  }

  @Test
  void dropsCharactersXmlCannotCarry() throws IOException {
    Path file =
        write(
            "x",
            ZoneOffset.UTC,
            1_000_000,
            w -> w.row(sample("a\u0001b\u0000c\uD800d\uFFFEe\uD83D\uDE00f\tg")));
    assertEquals("abcde\uD83D\uDE00f\tg", rows(file, 0).get(1).getCellText(0));
    assertEquals("abc", XlsxExportWriter.xmlSafe("abc"));
  }

  @Test
  void sheetNamesAreMadeLegal() {
    assertEquals("客户_导出_2026", XlsxExportWriter.sheetName("客户/导出:2026"));
    assertEquals("Sheet1", XlsxExportWriter.sheetName(null));
    assertEquals("Sheet1", XlsxExportWriter.sheetName("  "));
    assertEquals("Sheet1", XlsxExportWriter.sheetName("''"));
    assertEquals("a_b_c_d_e_f_g", XlsxExportWriter.sheetName("a[b]c*d?e\\f\u0007g"));
    assertEquals(31, XlsxExportWriter.sheetName("n".repeat(40)).length());
    String emoji = "x".repeat(30) + "\uD83D\uDE00";
    assertEquals("x".repeat(30), XlsxExportWriter.sheetName(emoji), "no half surrogate pair");
  }

  @Test
  void startsANewSheetWhenOneIsFull() throws IOException {
    Path file =
        write(
            "客户".repeat(20),
            ZoneOffset.UTC,
            3,
            w -> {
              for (int i = 1; i <= 7; i++) {
                w.row(sample("客户" + i));
              }
              assertEquals(7, w.rowCount());
            });
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertEquals(3, sheets.size());
      assertEquals(31, sheets.get(0).getName().length());
      assertTrue(sheets.get(1).getName().endsWith(" (2)"), sheets.get(1).getName());
      assertEquals(31, sheets.get(2).getName().length());
      List<String> names = new ArrayList<>();
      for (Sheet sheet : sheets) {
        List<Row> rows = sheet.read();
        assertEquals("客户名称", rows.get(0).getCellText(0), "each sheet has the header");
        rows.stream().skip(1).forEach(r -> names.add(r.getCellText(0)));
      }
      assertEquals(List.of("客户1", "客户2", "客户3", "客户4", "客户5", "客户6", "客户7"), names);
    }
  }

  @Test
  void anEmptyExportIsAWorkbookWithHeaders() throws IOException {
    Path file = write("空", ZoneOffset.UTC, 1_000_000, w -> {});
    List<Row> rows = rows(file, 0);
    assertEquals(1, rows.size());
    assertEquals("客户名称", rows.get(0).getCellText(0));
  }

  @Test
  void closeFinishesTheZipButLeavesTheCallersStreamOpen() throws IOException {
    CsvExportWriterTest.TrackingStream out = new CsvExportWriterTest.TrackingStream();
    ExportWriter w = ExportWriters.open(ExportFormat.XLSX, out, CUSTOMER, "x");
    w.row(sample("a"));
    w.close();
    w.close();
    assertFalse(out.closed);
    byte[] bytes = out.toByteArray();
    assertEquals('P', bytes[0]);
    assertEquals('K', bytes[1]);
    Path file = dir.resolve("closed.xlsx");
    Files.write(file, bytes);
    assertEquals("a", rows(file, 0).get(1).getCellText(0));
    assertThrows(IllegalStateException.class, () -> w.row(sample("late")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ExportWriters.open(ExportFormat.XLSX, new ByteArrayOutputStream(), CUSTOMER, "x")
                .row(List.of("short")));
  }

  private static String entry(ZipFile zip, String name) throws IOException {
    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static Document xml(ZipFile zip, String name) throws Exception {
    try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      assertNotNull(doc);
      return doc;
    }
  }

  private static Map<Integer, Double> widths(String sheet) throws Exception {
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(sheet.getBytes("UTF-8")));
    NodeList cols = doc.getElementsByTagName("col");
    Map<Integer, Double> widths = new HashMap<>();
    for (int i = 0; i < cols.getLength(); i++) {
      Element col = (Element) cols.item(i);
      widths.put(
          Integer.parseInt(col.getAttribute("min")), Double.parseDouble(col.getAttribute("width")));
    }
    return widths;
  }
}
