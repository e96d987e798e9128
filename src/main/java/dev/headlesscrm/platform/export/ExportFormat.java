package dev.headlesscrm.platform.export;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The file formats {@code GET /x/export?format=} offers. */
public enum ExportFormat {
  /** RFC 4180 CSV in UTF-8 with a byte-order mark, so that Excel shows Chinese correctly. */
  CSV("text/csv; charset=UTF-8", "csv"),
  /** Office Open XML workbook (Excel 2007+), typed cells. */
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The {@code Content-Type} of the response. */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /**
   * The format a query parameter names, case-insensitively; anything else (including a missing
   * value) is a 400 problem.
   */
  public static ExportFormat parse(String value) {
    if (value != null) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      for (ExportFormat format : values()) {
        if (format.extension.equals(v)) {
          return format;
        }
      }
    }
    throw CrmException.malformed(
        Text.of(
            "Unknown export format '" + value + "': use csv or xlsx.",
            "不支持的导出格式“" + value + "”：请使用 csv 或 xlsx。"));
  }

  /**
   * A {@code Content-Disposition} value for downloading {@code baseName} in this format. The name
   * may be Chinese: it travels as RFC 5987 {@code filename*} (UTF-8, percent-encoded) with an ASCII
   * {@code filename} fallback for old clients (RFC 6266).
   */
  public String contentDisposition(String baseName) {
    String name = (baseName == null || baseName.isBlank() ? "export" : baseName.strip());
    String file = name + "." + extension;
    StringBuilder ascii = new StringBuilder();
    for (int i = 0; i < file.length(); i++) {
      char c = file.charAt(i);
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? c : '_');
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(file);
  }

  private static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      // RFC 5987 attr-char
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
