package dev.headlesscrm.platform.imports;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * Bulk imports end to end: a file uploaded in parts, run by the import runner (driven here one job
 * at a time), with the counts, the error file, the duplicate policies, dry runs, cancellation, the
 * owner's permissions and a replica taking over a job whose lease was lost.
 */
@QuarkusTest
class ImportTest {

  @Inject ImportRunner runner;
  @Inject EventPublisher publisher;

  static String prefix() {
    return "IMP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  static String createJob(String user, Map<String, Object> settings) {
    return Api.as(user)
        .body(settings)
        .post("/api/v1/imports")
        .then()
        .statusCode(201)
        .body("status", equalTo("UPLOADING"))
        .extract()
        .path("id");
  }

  /** Uploads the file in parts of {@code partSize} bytes and starts the job. */
  static void upload(String user, String id, byte[] file, int partSize) {
    int part = 1;
    for (int at = 0; at < file.length; at += partSize) {
      byte[] chunk = Arrays.copyOfRange(file, at, Math.min(file.length, at + partSize));
      Api.as(user)
          .contentType("application/octet-stream")
          .body(chunk)
          .put("/api/v1/imports/" + id + "/parts/" + part++)
          .then()
          .statusCode(200);
    }
    Api.as(user)
        .post("/api/v1/imports/" + id + "/start")
        .then()
        .statusCode(202)
        .body("status", equalTo("QUEUED"));
  }

  void runAll() {
    while (runner.runDue()) {
      // every due job
    }
  }

  /** Runs the due jobs; this one (the admin's) ends FAILED with a reason saying {@code why}. */
  void failsWith(String id, String why) {
    runAll();
    job("admin.li", id)
        .then()
        .body("status", equalTo("FAILED"))
        .body("failureReason", containsString(why));
  }

  /** Settings the service refuses: a 422 naming {@code field}, and no job. */
  static void refused(String user, Map<String, Object> settings, String field) {
    Api.as(user)
        .body(settings)
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo(field));
  }

  static Response job(String user, String id) {
    return Api.as(user).get("/api/v1/imports/" + id);
  }

  @Test
  void csvInPartsCreatesThenUpdatesAndReportsTheBadRows() {
    String p = prefix();
    StringBuilder csv = new StringBuilder("\uFEFFExternal ID,客户名称,电子邮件,客户级别,信用额度,城市\n");
    csv.append(p).append("1,").append(p).append("甲公司,a@example.com,A,1000,上海\n");
    csv.append(p).append("2,\"").append(p).append("乙公司, 有逗号\",b@example.com,,2000.50,北京\n");
    csv.append(p).append("3,").append(p).append("丙公司,not-an-email,,,\n");
    csv.append(p).append("4,,d@example.com,,,\n");
    csv.append(p).append("5,").append(p).append("戊公司,,,abc,\n");
    byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

    String id =
        createJob(
            "admin.li",
            Map.of(
                "resource", "customer",
                "format", "CSV",
                "fileName", "customers.csv",
                "duplicateKey", "EXTERNAL_ID",
                "onDuplicate", "UPDATE"));
    upload("admin.li", id, file, 50); // parts split rows and UTF-8 characters alike
    runAll();

    job("admin.li", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("totalRows", equalTo(5))
        .body("rowsRead", equalTo(5))
        .body("rowsValid", equalTo(2))
        .body("created", equalTo(2))
        .body("updated", equalTo(0))
        .body("failed", equalTo(3));
    Api.asAdmin()
        .get("/api/v1/customers?filter=externalId==" + p + "1")
        .then()
        .body("data[0].name", equalTo(p + "甲公司"))
        .body("data[0].level", equalTo("A"))
        .body("data[0].city", equalTo("上海"));
    Api.asAdmin()
        .get("/api/v1/customers?filter=externalId==" + p + "2")
        .then()
        .body("data[0].name", equalTo(p + "乙公司, 有逗号"))
        .body("data[0].creditLimit", equalTo(2000.50f));

    String errors =
        Api.asAdmin()
            .get("/api/v1/imports/" + id + "/errors")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] lines = errors.strip().split("\r?\n");
    assertEquals(4, lines.length, errors);
    assertTrue(lines[0].contains("External ID") && lines[0].contains("客户名称"), lines[0]);
    assertTrue(lines[1].startsWith("4,") && lines[1].contains("email"), lines[1]);
    assertTrue(lines[2].startsWith("5,") && lines[2].contains("name"), lines[2]);
    assertTrue(lines[3].startsWith("6,") && lines[3].contains("abc"), lines[3]);

    // The same file again, updating: the good rows are updates now, nothing is created twice.
    String again =
        createJob(
            "admin.li",
            Map.of(
                "resource", "customer",
                "format", "CSV",
                "duplicateKey", "EXTERNAL_ID",
                "onDuplicate", "UPDATE"));
    upload("admin.li", again, file, 1 << 20);
    runAll();
    job("admin.li", again).then().body("created", equalTo(0)).body("updated", equalTo(2));

    // And skipping: both stored rows are left alone.
    String skip =
        createJob(
            "admin.li",
            Map.of("resource", "customer", "format", "CSV", "duplicateKey", "EXTERNAL_ID"));
    upload("admin.li", skip, file, 1 << 20);
    runAll();
    job("admin.li", skip).then().body("skipped", equalTo(2)).body("created", equalTo(0));

    // Each written row has its history and event, as a single call's; the job ends with its own.
    publisher.publishPending();
    Api.asAdmin()
        .get("/api/v1/events?types=import.*&limit=1000")
        .then()
        .statusCode(200)
        .body("data.type", hasItem("import.completed"))
        .body("data.resourceId", hasItems(id, again, skip));
  }

  static byte[] workbook(List<List<Object>> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("customers");
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        Object v = row.get(c);
        if (v instanceof String s) {
          ws.value(r, c, s);
        } else if (v instanceof Number n) {
          ws.value(r, c, n);
        } else if (v instanceof java.time.LocalDate d) {
          ws.value(r, c, d);
          ws.style(r, c).format("yyyy-mm-dd").set();
        }
      }
    }
    wb.finish();
    return out.toByteArray();
  }

  @Test
  void xlsxWithOnePercentBadRowsGivesTheRightCountsAndADryRunWritesNothing() throws Exception {
    String p = prefix();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("name", "externalId", "email", "creditLimit", "registeredAt"));
    int total = 1_000;
    for (int i = 0; i < total; i++) {
      boolean bad = i % 100 == 7;
      rows.add(
          List.of(
              p + "客户" + i,
              p + i,
              bad ? "bad-email-" + i : "c" + i + "@example.com",
              i * 10,
              java.time.LocalDate.of(2020, 1, 1).plusDays(i)));
    }
    byte[] file = workbook(rows);

    String dry =
        createJob("admin.li", Map.of("resource", "customer", "format", "XLSX", "dryRun", true));
    upload("admin.li", dry, file, 64 * 1024);
    runAll();
    job("admin.li", dry)
        .then()
        .body("status", equalTo("COMPLETED"))
        .body("dryRun", equalTo(true))
        .body("rowsRead", equalTo(total))
        .body("created", equalTo(total - 10))
        .body("failed", equalTo(10));
    Api.asAdmin()
        .get("/api/v1/customers?count=true&filter=externalId=like=" + p)
        .then()
        .body("page.total", equalTo(0));

    String real = createJob("admin.li", Map.of("resource", "customer", "format", "XLSX"));
    upload("admin.li", real, file, 64 * 1024);
    runAll();
    job("admin.li", real)
        .then()
        .body("status", equalTo("COMPLETED"))
        .body("created", equalTo(total - 10))
        .body("failed", equalTo(10));
    Api.asAdmin()
        .get("/api/v1/customers?count=true&filter=externalId=like=" + p)
        .then()
        .body("page.total", equalTo(total - 10));
    Api.asAdmin()
        .get("/api/v1/customers?filter=externalId==" + p + "3")
        .then()
        .body("data[0].registeredAt", equalTo("2020-01-04"))
        .body("data[0].creditLimit", equalTo(30.0f));
    String errors = Api.asAdmin().get("/api/v1/imports/" + real + "/errors").asString();
    assertEquals(11, errors.strip().split("\r?\n").length, errors);
    assertTrue(errors.contains("bad-email-7"), errors);

    // The same rows over GraphQL, a page at a time.
    String query =
        "query($id: ID!, $after: String) { importErrors(id: $id, first: 6, after: $after)"
            + " { errors { line reason cells } nextCursor hasMore } }";
    io.restassured.path.json.JsonPath first =
        Api.asAdmin()
            .body(Map.of("query", query, "variables", Map.of("id", real)))
            .post("/graphql")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(6, first.getList("data.importErrors.errors").size(), first.prettify());
    assertEquals(9, first.getInt("data.importErrors.errors[0].line"));
    assertTrue(first.getString("data.importErrors.errors[0].cells[2]").equals("bad-email-7"));
    assertTrue(first.getBoolean("data.importErrors.hasMore"));
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put("id", real);
    vars.put("after", first.getString("data.importErrors.nextCursor"));
    io.restassured.path.json.JsonPath second =
        Api.asAdmin()
            .body(Map.of("query", query, "variables", vars))
            .post("/graphql")
            .then()
            .extract()
            .jsonPath();
    assertEquals(4, second.getList("data.importErrors.errors").size());
    assertTrue(!second.getBoolean("data.importErrors.hasMore"));
  }

  static byte[] csv(String header, List<String> rows) {
    return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static List<String> customerRows(String p, int n) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(p + i + "," + p + "名" + i);
    }
    return rows;
  }

  @Inject io.agroal.api.AgroalDataSource db;

  long sqlLong(String query, Object... params) throws Exception {
    try (var c = db.getConnection();
        var s = c.prepareStatement(query)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  void sql(String statement, Object... params) throws Exception {
    try (var c = db.getConnection();
        var s = c.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      s.executeUpdate();
    }
  }

  @Test
  void aReplicaThatLosesItsLeaseStopsAndAnotherResumesWithoutWritingARowTwice() throws Exception {
    String p = prefix();
    int total = 1_500;
    String id =
        createJob(
            "admin.li",
            Map.of("resource", "customer", "format", "CSV", "duplicateKey", "EXTERNAL_ID"));
    upload("admin.li", id, csv("externalId,name", customerRows(p, total)), 1 << 20);

    // Replica A runs the job; once some chunks are committed, another replica "takes it over"
    // (its lease is rewritten, as after a lapse): A's next progress write is refused, and its
    // chunk rolls back.
    Thread a = new Thread(() -> runner.runDue());
    a.start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (sqlLong("SELECT next_row FROM import_jobs WHERE id = ?::uuid", id) < 200
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    sql(
        "UPDATE import_jobs SET lease_owner = 'replica-b', lease_until = now() - interval '1 second'"
            + " WHERE id = ?::uuid",
        id);
    a.join(60_000);
    long doneByA = sqlLong("SELECT next_row FROM import_jobs WHERE id = ?::uuid", id);
    assertTrue(doneByA >= 200 && doneByA < total, "A stopped after " + doneByA + " rows");
    assertEquals(
        doneByA,
        sqlLong("SELECT count(*) FROM customers WHERE external_id LIKE ?", p + "%"),
        "what A committed is exactly its progress");
    // Between runs the job says how far it got and how long the rest should take.
    job("admin.li", id)
        .then()
        .body("status", equalTo("RUNNING"))
        .body("totalRows", equalTo(total))
        .body("rowsRead", equalTo((int) doneByA))
        .body("rowsPerSecond", org.hamcrest.Matchers.greaterThan(0f))
        .body("etaSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(0));

    // B resumes where A's committed rows end.
    runAll();
    job("admin.li", id)
        .then()
        .body("status", equalTo("COMPLETED"))
        .body("rowsRead", equalTo(total))
        .body("created", equalTo(total))
        .body("failed", equalTo(0));
    assertEquals(
        total, sqlLong("SELECT count(*) FROM customers WHERE external_id LIKE ?", p + "%"));
    assertEquals(
        total,
        sqlLong(
            "SELECT count(DISTINCT resource_id) FROM history_entries WHERE action = 'created'"
                + " AND resource_id IN (SELECT id FROM customers WHERE external_id LIKE ?)",
            p + "%"));
  }

  @Test
  void aJobStoppedTooOftenIsFailedNotLeftRunning() throws Exception {
    String p = prefix();
    String id = createJob("admin.li", Map.of("resource", "customer", "format", "CSV"));
    upload("admin.li", id, csv("externalId,name", customerRows(p, 3)), 1 << 20);
    sql(
        "UPDATE import_jobs SET status = 'RUNNING', runs = 3, lease_owner = 'gone',"
            + " lease_until = now() - interval '1 second' WHERE id = ?::uuid",
        id);
    failsWith(id, "3 times");
  }

  @Test
  void aRunThatBreaksIsResumedAndFailedAfterMaxRunsWithTheLastReason() throws Exception {
    String p = prefix();
    String id = createJob("admin.li", Map.of("resource", "customer", "format", "CSV"));
    upload("admin.li", id, csv("externalId,name", customerRows(p, 3)), 1 << 20);
    // A run that breaks on something other than the file lets the job go again each time.
    sql("UPDATE import_jobs SET target_resource = 'no-such-resource' WHERE id = ?::uuid", id);
    assertTrue(runner.runDue());
    job("admin.li", id)
        .then()
        .body("status", equalTo("RUNNING"))
        .body("failureReason", containsString("Unexpected failure"));
    failsWith(id, "started 3 times without finishing (last: Unexpected failure");
    assertEquals(3L, sqlLong("SELECT runs FROM import_jobs WHERE id = ?::uuid", id));
  }

  @Test
  void cancellingStopsTheJobAndMovesItsVersion() {
    String p = prefix();
    String id = createJob("rep.zhang", Map.of("resource", "customer", "format", "CSV"));
    upload("rep.zhang", id, csv("externalId,name", customerRows(p, 3)), 1 << 20);
    int version = job("rep.zhang", id).then().extract().path("version");
    Api.as("rep.zhang")
        .post("/api/v1/imports/" + id + "/cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("version", equalTo(version + 1));
    Api.as("rep.zhang").post("/api/v1/imports/" + id + "/cancel").then().statusCode(409);
    runAll();
    job("rep.zhang", id).then().body("status", equalTo("CANCELLED")).body("rowsRead", equalTo(0));
    Api.asAdmin()
        .get("/api/v1/customers?count=true&filter=externalId=like=" + p)
        .then()
        .body("page.total", equalTo(0));
    // Parts cannot change once the job has left UPLOADING.
    Api.as("rep.zhang")
        .contentType("text/csv")
        .body("x")
        .put("/api/v1/imports/" + id + "/parts/1")
        .then()
        .statusCode(409);
  }

  @Test
  void rowsAreWrittenWithTheOwnersPermissionsAndJobsFollowDataScope() {
    // A sales rep may not write creditLimit: it is not among the columns the rep may import.
    Api.as("rep.chen")
        .get("/api/v1/imports/templates/customer")
        .then()
        .statusCode(200)
        .body("columns.field", hasItem("name"))
        .body("columns.field", org.hamcrest.Matchers.not(hasItem("creditLimit")));
    Api.as("rep.chen")
        .body(
            Map.of(
                "resource",
                "customer",
                "format",
                "CSV",
                "mapping",
                List.of(Map.of("column", "额度", "field", "creditLimit"))))
        .post("/api/v1/imports")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("mapping[0].field"));
    // The analyst may read customers but not create them.
    Api.as("analyst.liu")
        .body(Map.of("resource", "customer", "format", "CSV"))
        .post("/api/v1/imports")
        .then()
        .statusCode(403);

    String p = prefix();
    String id = createJob("rep.chen", Map.of("resource", "customer", "format", "CSV"));
    upload("rep.chen", id, csv("externalId,name", customerRows(p, 2)), 1 << 20);
    runAll();
    job("rep.chen", id).then().body("created", equalTo(2)).body("ownerId", equalTo(REP_CHEN));
    Api.asAdmin()
        .get("/api/v1/customers?filter=externalId==" + p + "0")
        .then()
        .body("data[0].ownerId", equalTo(REP_CHEN));
    // Another rep does not see rep.chen's job; his manager's admin does.
    Api.as("rep.zhang").get("/api/v1/imports/" + id).then().statusCode(404);
    Api.asAdmin().get("/api/v1/imports/" + id).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/imports/" + id + "/errors").then().statusCode(404);
  }

  static final String REP_CHEN = "0193a000-0000-7000-8000-0000000000e4";

  @Test
  void savedMappingsByPositionReferencesByNumberAndTheDuplicateCheck() {
    String p = prefix();
    // A customer to refer to by number, and to find by the duplicate check.
    String number = "N" + p.substring(4, 12);
    Api.asAdmin()
        .body(
            Map.of(
                "name",
                p + "参照客户",
                "number",
                number,
                "mainPhone",
                "021-5555" + p.substring(4, 8).replaceAll("[^0-9]", "1")))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);

    // Contacts without a header row, by position, with the customer named by its number.
    Api.asAdmin()
        .body(
            Map.of(
                "mapping",
                List.of(
                    Map.of("position", 0, "field", "name"),
                    Map.of("position", 1, "field", "customerId"))))
        .put("/api/v1/imports/mappings/contact/no-header")
        .then()
        .statusCode(200)
        .body("name", equalTo("no-header"));
    Api.asAdmin()
        .get("/api/v1/imports/mappings?resource=contact")
        .then()
        .body("data.name", hasItem("no-header"));
    String contacts =
        createJob(
            "admin.li",
            Map.of(
                "resource", "contact",
                "format", "CSV",
                "hasHeader", false,
                "mappingName", "no-header"));
    upload(
        "admin.li",
        contacts,
        (p + "联系人甲," + number + "\n" + p + "联系人乙,NO-SUCH-CUSTOMER\n")
            .getBytes(StandardCharsets.UTF_8),
        1 << 20);
    runAll();
    job("admin.li", contacts).then().body("created", equalTo(1)).body("failed", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/imports/" + contacts + "/errors")
        .then()
        .body(containsString("NO-SUCH-CUSTOMER"));
    Api.asAdmin().delete("/api/v1/imports/mappings/contact/no-header").then().statusCode(204);
    Api.asAdmin().delete("/api/v1/imports/mappings/contact/no-header").then().statusCode(404);

    // Customers keyed by the duplicate check: the same name is the stored customer, skipped.
    String dup =
        createJob(
            "admin.li",
            Map.of(
                "resource", "customer",
                "format", "CSV",
                "duplicateKey", "DUPLICATE_CHECK",
                "onDuplicate", "SKIP"));
    upload("admin.li", dup, csv("name", List.of(p + "参照客户", p + "全新客户")), 1 << 20);
    runAll();
    job("admin.li", dup).then().body("skipped", equalTo(1)).body("created", equalTo(1));
    refused(
        "admin.li",
        Map.of("resource", "contact", "format", "CSV", "duplicateKey", "DUPLICATE_CHECK"),
        "duplicateKey");
  }

  @Test
  void templatesAsJsonAndAsAFileAndTheGraphQlTwins() {
    Api.asAdmin()
        .header("Accept-Language", "zh-CN")
        .get("/api/v1/imports/templates/customer")
        .then()
        .statusCode(200)
        .body("resource", equalTo("customer"))
        .body("columns.find { it.field == 'name' }.label", equalTo("客户名称"))
        .body("columns.find { it.field == 'name' }.required", equalTo(true))
        .body(
            "columns.find { it.field == 'level' }.options.size()",
            org.hamcrest.Matchers.greaterThan(0))
        .body("columns.field", hasItem("externalId"))
        .body("duplicateKeys", hasItems("NONE", "EXTERNAL_ID", "NUMBER", "DUPLICATE_CHECK"));
    String file =
        Api.asAdmin()
            .header("Accept-Language", "zh-CN")
            .get("/api/v1/imports/templates/customer?format=csv")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    String[] lines = file.strip().split("\r?\n");
    assertEquals(2, lines.length, file);
    assertTrue(lines[0].contains("客户名称"), lines[0]);
    Api.asAdmin().get("/api/v1/imports/templates/order").then().statusCode(404);

    Map<String, Object> created =
        Api.asAdmin()
            .body(
                Map.of(
                    "query",
                    "mutation { createImport(input: {resource: \"lead\", format: CSV}) { id status resource } }"))
            .post("/graphql")
            .then()
            .statusCode(200)
            .extract()
            .path("data.createImport");
    assertEquals("UPLOADING", created.get("status"));
    Api.asAdmin()
        .body(Map.of("query", "{ import(id: \"" + created.get("id") + "\") { id status } }"))
        .post("/graphql")
        .then()
        .body("data.import.status", equalTo("UPLOADING"));
    Api.asAdmin()
        .body(
            Map.of(
                "query", "mutation { startImport(id: \"" + created.get("id") + "\") { status } }"))
        .post("/graphql")
        .then()
        .body("errors[0].extensions.status", equalTo(409));
  }

  @Test
  void gb18030CsvFromChineseExcelImportsWhenNamedAndIsRefusedClearlyWhenNot() {
    String p = prefix();
    byte[] gbk =
        ("外部编号,客户名称,城市\n" + p + "1," + p + "华东公司,杭州\n")
            .replace("外部编号", "externalId")
            .getBytes(java.nio.charset.Charset.forName("GB18030"));
    String named =
        createJob("admin.li", Map.of("resource", "customer", "format", "CSV", "encoding", "GBK"));
    job("admin.li", named).then().body("encoding", equalTo("GB18030"));
    upload("admin.li", named, gbk, 7);
    runAll();
    job("admin.li", named).then().body("status", equalTo("COMPLETED")).body("created", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/customers?filter=externalId==" + p + "1")
        .then()
        .body("data[0].name", equalTo(p + "华东公司"))
        .body("data[0].city", equalTo("杭州"));

    String unnamed = createJob("admin.li", Map.of("resource", "customer", "format", "CSV"));
    upload("admin.li", unnamed, gbk, 1 << 20);
    runAll();
    job("admin.li", unnamed)
        .then()
        .body("status", equalTo("FAILED"))
        .body("failureReason", containsString("GB18030"))
        .body("created", equalTo(0));

    refused(
        "admin.li",
        Map.of("resource", "customer", "format", "CSV", "encoding", "latin-9"),
        "encoding");
  }

  @Test
  void aFileThatIsNotAWorkbookFailsTheJobWithItsReason() {
    String id = createJob("admin.li", Map.of("resource", "lead", "format", "XLSX"));
    upload("admin.li", id, "name\nnot a zip\n".getBytes(StandardCharsets.UTF_8), 1 << 20);
    failsWith(id, "cannot be read as XLSX");
  }

  @Test
  void leadsImportUnderTheTemplatesOwnHeaders() {
    String p = prefix();
    io.restassured.path.json.JsonPath template =
        Api.asAdmin()
            .header("Accept-Language", "zh-CN")
            .get("/api/v1/imports/templates/lead")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String name = template.getString("columns.find { it.field == 'name' }.label");
    String external = template.getString("columns.find { it.field == 'externalId' }.label");
    String id = createJob("marketing.zhao", Map.of("resource", "lead", "format", "CSV"));
    upload(
        "marketing.zhao", id, csv(external + "," + name, List.of(p + "L1," + p + "线索一")), 1 << 20);
    runAll();
    job("marketing.zhao", id)
        .then()
        .body("status", equalTo("COMPLETED"))
        .body("created", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/leads?filter=externalId==" + p + "L1")
        .then()
        .body("data.size()", equalTo(1));
  }

  @Test
  void customFieldsAreColumnsAndNumbersFindStoredRecords() {
    String key = "imp" + UUID.randomUUID().toString().substring(0, 6);
    String definition =
        Api.asAdmin()
            .body(
                Map.of(
                    "resource",
                    "lead",
                    "key",
                    key,
                    "type",
                    "TEXT",
                    "labelZh",
                    "渠道" + key,
                    "labelEn",
                    "Channel " + key))
            .post("/api/v1/custom-fields")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      Api.asAdmin()
          .header("Accept-Language", "zh-CN")
          .get("/api/v1/imports/templates/lead")
          .then()
          .body("columns.find { it.field == 'custom." + key + "' }.label", equalTo("渠道" + key));
      String p = prefix();
      String id = createJob("admin.li", Map.of("resource", "lead", "format", "CSV"));
      upload(
          "admin.li",
          id,
          csv("externalId,name,渠道" + key, List.of(p + "1," + p + "线索,展会")),
          1 << 20);
      runAll();
      job("admin.li", id).then().body("created", equalTo(1));
      Api.asAdmin()
          .get("/api/v1/leads?filter=externalId==" + p + "1")
          .then()
          .body("data[0].custom." + key, equalTo("展会"));
    } finally {
      Api.asAdmin().delete("/api/v1/custom-fields/" + definition).then().statusCode(204);
    }

    // Customers keyed by number: the stored one is updated, a new number is a new customer.
    String p = prefix();
    String number = "NO" + p.substring(4, 12);
    String stored =
        Api.asAdmin()
            .body(Map.of("name", p + "按编号", "number", number, "city", "上海"))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String id =
        createJob(
            "admin.li",
            Map.of(
                "resource", "customer",
                "format", "CSV",
                "duplicateKey", "NUMBER",
                "onDuplicate", "UPDATE"));
    upload(
        "admin.li",
        id,
        csv("客户编号,客户名称,城市", List.of(number + "," + p + "按编号,苏州", number + "X," + p + "新编号,无锡")),
        1 << 20);
    runAll();
    job("admin.li", id).then().body("updated", equalTo(1)).body("created", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/customers/" + stored)
        .then()
        .body("city", equalTo("苏州"))
        .body("version", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/customers?filter=number==" + number + "X")
        .then()
        .body("data[0].city", equalTo("无锡"));
  }

  @Test
  void aPartOverTheLimitIsRefusedAndChangesNothing() {
    String id = createJob("admin.li", Map.of("resource", "customer", "format", "CSV"));
    byte[] big = new byte[8 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');
    Api.asAdmin()
        .contentType("application/octet-stream")
        .body(big)
        .put("/api/v1/imports/" + id + "/parts/1")
        .then()
        .statusCode(413)
        .body("type", containsString("payload-too-large"));
    Api.asAdmin()
        .contentType("application/octet-stream")
        .body(new byte[0])
        .put("/api/v1/imports/" + id + "/parts/1")
        .then()
        .statusCode(400);
    job("admin.li", id).then().body("fileParts", equalTo(0)).body("fileSize", equalTo(0));
    Api.asAdmin().post("/api/v1/imports/" + id + "/start").then().statusCode(409);
  }
}
