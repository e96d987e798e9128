package dev.headlesscrm.platform.export;

import java.io.OutputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * Opens a streaming export writer. Memory stays flat whatever the row count: CSV goes through a
 * 64K-character buffer, XLSX holds at most a batch of {@value XlsxExportWriter#FLUSH_EVERY} rows.
 *
 * <pre>{@code
 * try (ExportWriter writer = ExportWriters.open(format, out, columns, "客户")) {
 *   for (CustomerView c : rows) writer.row(List.of(c.name(), c.level(), c.creditLimit()));
 * }
 * }</pre>
 */
public final class ExportWriters {

  private ExportWriters() {}

  /** Opens a writer with date-times in UTC, as the API shows them. */
  public static ExportWriter open(
      ExportFormat format, OutputStream out, List<ExportColumn> columns, String sheetName) {
    return open(format, out, columns, sheetName, ZoneOffset.UTC);
  }

  /**
   * Opens a writer and writes the header row. {@code sheetName} names the XLSX sheet (made legal:
   * 31 characters, no {@code []:*?/\}); CSV ignores it. {@code zone} is the wall clock of XLSX
   * date-time cells, which carry no zone; CSV always writes RFC 3339 UTC, which needs none.
   */
  public static ExportWriter open(
      ExportFormat format,
      OutputStream out,
      List<ExportColumn> columns,
      String sheetName,
      ZoneId zone) {
    return open(format, out, columns, sheetName, zone, XlsxExportWriter.EXCEL_MAX_ROWS - 1);
  }

  /** As above, with a smaller sheet so that the roll-over to a new sheet can be tested. */
  static ExportWriter open(
      ExportFormat format,
      OutputStream out,
      List<ExportColumn> columns,
      String sheetName,
      ZoneId zone,
      int maxRowsPerSheet) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(zone, "zone");
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("an export needs at least one column");
    }
    List<ExportColumn> cols = List.copyOf(columns);
    return switch (format) {
      case CSV -> new CsvExportWriter(out, cols);
      case XLSX -> new XlsxExportWriter(out, cols, sheetName, zone, maxRowsPerSheet);
    };
  }
}
