package dev.headlesscrm.platform.imports;

/** The file kinds an import reads. */
public enum ImportFormat {
  /** RFC 4180 text, UTF-8 (a byte-order mark is skipped), comma-separated. */
  CSV,
  /** An Office Open XML workbook; its first sheet is read. */
  XLSX
}
