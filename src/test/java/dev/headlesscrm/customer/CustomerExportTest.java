package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** GET /customers/export streams the list's rows as CSV or XLSX, Chinese intact. */
@QuarkusTest
class CustomerExportTest {

  static final int ROWS = 2_500;

  @Inject EntityManager em;

  private String seed() {
    String tag = "exp-" + UUID.randomUUID().toString().substring(0, 8);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO customers (id, number, name, city, level, credit_limit,"
                            + " lifecycle_stage, tags, version, created_at, updated_at)"
                            + " SELECT gen_random_uuid(), ?1 || i, '导出客户' || i,"
                            + " CASE WHEN i % 2 = 0 THEN '上海' ELSE '=cmd|calc' END,"
                            + " 'A', i * 10.5, 'ACTIVE', ARRAY[?2], 0, now(), now()"
                            + " FROM generate_series(1, ?3) AS i")
                    .setParameter(1, tag + "-")
                    .setParameter(2, tag)
                    .setParameter(3, ROWS)
                    .executeUpdate());
    return tag;
  }

  @Test
  void csvHasEveryRowWithChineseAndNoFormulaInjection() {
    String tag = seed();
    byte[] body =
        Api.asAdmin()
            .queryParam("format", "csv")
            .queryParam("filter", "tags==" + tag)
            .queryParam("sort", "name")
            .get("/api/v1/customers/export")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", containsString("customers"))
            .extract()
            .asByteArray();
    assertEquals((byte) 0xEF, body[0], "UTF-8 BOM for Excel");
    String csv = new String(body, StandardCharsets.UTF_8);
    List<String> lines = csv.lines().collect(Collectors.toList());
    assertEquals(ROWS + 1, lines.size(), "header plus every row");
    assertTrue(lines.get(0).contains("number") && lines.get(0).contains("finance.taxId"));
    assertTrue(csv.contains("导出客户1,") || csv.contains("导出客户1\""), "Chinese survives");
    assertTrue(csv.contains("'=cmd|calc"), "formula-looking text is neutralised");
    assertTrue(!csv.contains(",=cmd"), "no raw formula cell");
  }

  @Test
  void xlsxHasEveryRowAsCells() throws IOException {
    String tag = seed();
    byte[] body =
        Api.asAdmin()
            .queryParam("format", "xlsx")
            .queryParam("filter", "tags==" + tag + ";city==上海")
            .get("/api/v1/customers/export")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/vnd.openxmlformats"))
            .extract()
            .asByteArray();
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals(ROWS / 2 + 1, rows.size());
      String firstName = rows.get(1).getCellText(3);
      assertTrue(firstName.startsWith("导出客户"), firstName);
    }
  }

  @Test
  void badFormatOrFilterIsAProblemNotABrokenDownload() {
    Api.asAdmin()
        .queryParam("format", "pdf")
        .get("/api/v1/customers/export")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    Api.asAdmin()
        .queryParam("format", "csv")
        .queryParam("filter", "salary==1")
        .get("/api/v1/customers/export")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
