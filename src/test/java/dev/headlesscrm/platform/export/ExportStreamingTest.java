package dev.headlesscrm.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Memory stays flat whatever the row count: 200,000 rows go to a stream that only counts bytes, and
 * the heap retained while the writer is still open must not grow with the rows. Prints rows/s (a
 * figure, not an assertion).
 */
class ExportStreamingTest {

  private static final int ROWS = 200_000;
  private static final long MB = 1024 * 1024;

  private static final List<ExportColumn> COLUMNS =
      List.of(
          ExportColumn.of("id", "ID"),
          ExportColumn.of("name", "客户名称"),
          ExportColumn.of("mnemonic", "助记码"),
          ExportColumn.of("phone", "电话"),
          ExportColumn.of("creditLimit", "信用额度"),
          ExportColumn.of("employees", "员工数"),
          ExportColumn.of("createdAt", "创建时间"),
          ExportColumn.of("since", "合作日期"),
          ExportColumn.of("vip", "VIP"),
          ExportColumn.of("tags", "标签"));

  /** Every row distinct, as real customers are, so that no cache can make this look flat. */
  private static List<Object> row(int i) {
    return Arrays.asList(
        new UUID(0x0193a00000007000L, i),
        "北京华为科技有限公司第" + i + "分公司",
        "BJHWKJYXGSD" + i,
        Long.toString(13_800_000_000L + i),
        BigDecimal.valueOf(i * 37L, 2),
        (long) i,
        Instant.ofEpochSecond(1_700_000_000L + i * 60L),
        LocalDate.of(2000, 1, 1).plusDays(i % 9000),
        i % 3 == 0,
        i % 5 == 0 ? List.of("重点", "华东") : null);
  }

  @ParameterizedTest
  @EnumSource(ExportFormat.class)
  void twoHundredThousandRowsInFlatMemory(ExportFormat format) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (ExportWriter warmUp = ExportWriters.open(format, new CountingStream(), COLUMNS, "x")) {
      for (int i = 0; i < ROWS / 10; i++) {
        warmUp.row(row(i)); // let the JIT compile before the figure is taken
      }
    }
    CountingStream out = new CountingStream();
    long before = retainedHeap(memory);
    long start = System.nanoTime();
    ExportWriter writer = ExportWriters.open(format, out, COLUMNS, "客户");
    long afterTenth = 0;
    long paused = 0; // time spent measuring, not writing
    for (int i = 0; i < ROWS; i++) {
      writer.row(row(i));
      if (i == ROWS / 10) {
        long t = System.nanoTime();
        afterTenth = retainedHeap(memory) - before;
        paused += System.nanoTime() - t;
      }
    }
    long t = System.nanoTime();
    long growth = retainedHeap(memory) - before; // writer still open, all its state reachable
    paused += System.nanoTime() - t;
    Reference.reachabilityFence(writer);
    writer.close();
    long elapsed = System.nanoTime() - start - paused;

    assertEquals(ROWS, writer.rowCount());
    assertTrue(out.count > ROWS * 50L, "bytes written: " + out.count);
    System.out.printf(
        "export %s: %,d rows, %,d bytes, %,.0f rows/s, heap growth %.1f MB at %,d rows, %.1f MB"
            + " at %,d rows%n",
        format,
        ROWS,
        out.count,
        ROWS / (elapsed / 1e9),
        afterTenth / (double) MB,
        ROWS / 10,
        growth / (double) MB,
        ROWS);
    assertTrue(growth < 64 * MB, "heap grew by " + growth / MB + " MB");
    assertTrue(
        growth - afterTenth < 8 * MB,
        "heap kept growing with the rows: " + afterTenth / MB + " MB → " + growth / MB + " MB");
  }

  private static long retainedHeap(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Discards what it is given, counting the bytes; must not be closed by the writer. */
  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public void close() {
      throw new AssertionError("the writer closed the caller's stream");
    }
  }
}
