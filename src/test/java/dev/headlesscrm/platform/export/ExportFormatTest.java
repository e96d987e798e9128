package dev.headlesscrm.platform.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

  @Test
  void parsesTheTwoFormatsCaseInsensitively() {
    assertEquals(ExportFormat.CSV, ExportFormat.parse("csv"));
    assertEquals(ExportFormat.XLSX, ExportFormat.parse("xlsx"));
    assertEquals(ExportFormat.XLSX, ExportFormat.parse(" XLSX "));
  }

  @Test
  void anythingElseIsAMalformedRequest() {
    for (String bad : new String[] {"xls", "pdf", "", "  ", null, "csv;xlsx"}) {
      CrmException e = assertThrows(CrmException.class, () -> ExportFormat.parse(bad));
      assertEquals(ProblemType.MALFORMED, e.type(), "format " + bad);
      assertEquals(400, e.type().status());
    }
    CrmException e = assertThrows(CrmException.class, () -> ExportFormat.parse("xls"));
    assertEquals("Unknown export format 'xls': use csv or xlsx.", e.detail().en());
    assertEquals("不支持的导出格式“xls”：请使用 csv 或 xlsx。", e.detail().zh());
  }

  @Test
  void mediaTypesAndExtensions() {
    assertEquals("text/csv; charset=UTF-8", ExportFormat.CSV.mediaType());
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.XLSX.mediaType());
    assertEquals("csv", ExportFormat.CSV.extension());
    assertEquals("xlsx", ExportFormat.XLSX.extension());
  }

  @Test
  void contentDispositionCarriesChineseNamesAsRfc5987() {
    assertEquals(
        "attachment; filename=\"customers-2026.csv\"; filename*=UTF-8''customers-2026.csv",
        ExportFormat.CSV.contentDisposition("customers-2026"));
    assertEquals(
        "attachment; filename=\"__.xlsx\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.xlsx",
        ExportFormat.XLSX.contentDisposition("客户"));
    assertEquals(
        "attachment; filename=\"a_b_c_.csv\"; filename*=UTF-8''a%22b%3Bc%5C.csv",
        ExportFormat.CSV.contentDisposition("a\"b;c\\"));
    assertEquals(
        "attachment; filename=\"export.csv\"; filename*=UTF-8''export.csv",
        ExportFormat.CSV.contentDisposition(" "));
  }
}
