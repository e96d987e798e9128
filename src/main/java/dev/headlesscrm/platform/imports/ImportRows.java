package dev.headlesscrm.platform.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * The rows of an import file, one at a time, whatever its size: a CSV is parsed as it streams; an
 * XLSX (a zip, read from a temporary file) has its first sheet streamed. A cell is a String, or for
 * XLSX a BigDecimal (numbers and dates, which a workbook stores as day numbers) or a Boolean; an
 * empty cell is null.
 */
public interface ImportRows extends AutoCloseable {

  /** The next row's cells, or null after the last row. Rows with no value at all are skipped. */
  List<Object> next();

  /** The line of the row {@link #next} returned last, 1-based as a spreadsheet shows it. */
  long line();

  @Override
  void close();

  /**
   * A CSV file in {@code charset} (a UTF-8 byte-order mark is dropped), RFC 4180 quoting,
   * comma-separated. Bytes that are not text in that charset stop the reading with a {@link
   * java.nio.charset.MalformedInputException} rather than turning into replacement characters.
   */
  static ImportRows csv(InputStream in, java.nio.charset.Charset charset) {
    try {
      PushbackInputStream bytes = new PushbackInputStream(in, 3);
      byte[] bom = bytes.readNBytes(3);
      boolean hasBom =
          charset.equals(StandardCharsets.UTF_8)
              && bom.length == 3
              && (bom[0] & 0xff) == 0xef
              && (bom[1] & 0xff) == 0xbb
              && (bom[2] & 0xff) == 0xbf;
      if (!hasBom && bom.length > 0) {
        bytes.unread(bom);
      }
      CSVParser parser =
          CSVFormat.RFC4180
              .builder()
              .setIgnoreEmptyLines(true)
              .get()
              .parse(
                  new BufferedReader(
                      new InputStreamReader(
                          bytes,
                          charset
                              .newDecoder()
                              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)),
                      1 << 16));
      return of(
          parser.iterator(),
          CSVRecord::getRecordNumber,
          record -> {
            List<Object> cells = new ArrayList<>(record.size());
            for (String value : record) {
              cells.add(value == null || value.isEmpty() ? null : value);
            }
            return cells;
          },
          parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An XLSX workbook's first sheet. */
  static ImportRows xlsx(Path file) {
    try {
      ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
      Stream<Row> stream = workbook.getFirstSheet().openStream();
      return of(
          stream.iterator(),
          Row::getRowNum,
          row -> {
            List<Object> cells = new ArrayList<>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
              cells.add(value(row.getCell(i)));
            }
            return cells;
          },
          () -> {
            stream.close();
            workbook.close();
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of a source of raw rows (CSV records, sheet rows), each made cells; rows without a
   * value in any cell are skipped.
   */
  private static <R> ImportRows of(
      Iterator<R> source,
      java.util.function.ToLongFunction<R> lineOf,
      java.util.function.Function<R, List<Object>> cellsOf,
      java.io.Closeable resources) {
    return new ImportRows() {
      private long line;

      @Override
      public List<Object> next() {
        while (source.hasNext()) {
          R raw = source.next();
          line = lineOf.applyAsLong(raw);
          List<Object> cells = cellsOf.apply(raw);
          for (Object cell : cells) {
            if (cell != null && !(cell instanceof String text && text.isBlank())) {
              return cells;
            }
          }
        }
        return null;
      }

      @Override
      public long line() {
        return line;
      }

      @Override
      public void close() {
        try {
          resources.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static Object value(Cell cell) {
    if (cell == null) {
      return null;
    }
    return switch (cell.getType()) {
      case NUMBER -> cell.asNumber();
      case BOOLEAN -> cell.asBoolean();
      case STRING, FORMULA -> {
        String text = cell.getText();
        if (cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA) {
          String raw = cell.getRawValue();
          if (raw != null && raw.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            yield new BigDecimal(raw);
          }
          text = raw;
        }
        yield text == null || text.isBlank() ? null : text;
      }
      case ERROR, EMPTY -> null;
    };
  }
}
