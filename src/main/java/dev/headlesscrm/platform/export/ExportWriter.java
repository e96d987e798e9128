package dev.headlesscrm.platform.export;

import java.util.List;

/**
 * Writes one export document row by row, holding at most a small, fixed batch of rows in memory
 * whatever the total. The header row is written when the writer is opened, so an empty result is
 * still a valid file with headers.
 *
 * <p>Not thread-safe: one writer per response. I/O failures (typically the client went away) are
 * thrown as {@link java.io.UncheckedIOException}.
 */
public interface ExportWriter extends AutoCloseable {

  /**
   * Appends a row. {@code values} are in column order and as many as there are columns; each may be
   * {@code null} (an empty cell), a {@link CharSequence}, {@link Number}, {@link Boolean}, {@code
   * java.time} value, {@link java.util.Date}, {@link java.util.UUID}, enum, {@link
   * java.util.Optional} or a collection (joined with {@code "; "}); anything else by {@code
   * toString()}.
   */
  void row(List<?> values);

  /** Data rows written so far (the header not counted). */
  long rowCount();

  /**
   * Finishes the document and flushes it. The caller's stream is flushed but never closed (it
   * usually belongs to the HTTP container). Closing twice does nothing.
   */
  @Override
  void close();
}
