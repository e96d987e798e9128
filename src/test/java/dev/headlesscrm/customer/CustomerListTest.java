package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.customer.application.CustomerResources;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists as an independent client uses them: 10,000 customers paged through with every sort the
 * resource declares, each seen exactly once and in order; filters over related records; fields,
 * expand, count, POST /search.
 */
@QuarkusTest
class CustomerListTest {

  static final int ROWS = 10_000;
  static String tag;

  @Inject EntityManager em;
  @Inject CustomerResources resources;

  @BeforeEach
  void seedOnce() {
    if (tag != null) {
      return;
    }
    tag = "list-" + UUID.randomUUID().toString().substring(0, 8);
    // Deliberate ties and NULLs in every sortable column, so keyset paging must use the id.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO customers (id, number, mnemonic, name, city, industry, level,"
                            + " type, status, source, credit_rating, credit_limit, registered_at,"
                            + " lifecycle_stage, tags, owner_id, owner_department_id, version,"
                            + " created_at, updated_at)"
                            + " SELECT gen_random_uuid(), ?1 || i, 'M' || (i % 13),"
                            + " '客户' || (i % 997), CASE WHEN i % 7 = 0 THEN NULL ELSE"
                            + " (ARRAY['上海','北京','广州','深圳'])[1 + i % 4] END,"
                            + " (ARRAY['IT','FINANCE','RETAIL'])[1 + i % 3],"
                            + " CASE WHEN i % 5 = 0 THEN NULL ELSE (ARRAY['A','B','C','D'])[1 + i % 4]"
                            + " END, 'SMB', 'ACTIVE', 'WEB', CASE WHEN i % 3 = 0 THEN NULL ELSE 'AA'"
                            + " END, CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 37 % 1000) * 100 END,"
                            + " CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '2020-01-01' + (i % 300) END,"
                            + " (ARRAY['PROSPECT','NEW','ACTIVE','LOYAL'])[1 + i % 4], ARRAY[?2],"
                            + " CASE WHEN i % 2 = 0 THEN CAST(?3 AS uuid) ELSE CAST(?4 AS uuid)"
                            + " END, CASE WHEN i % 2 = 0 THEN CAST(?5 AS uuid) ELSE CAST(?6 AS uuid)"
                            + " END, 0, now() - (i % 50) * interval '1 minute',"
                            + " now() - (i % 20) * interval '1 second'"
                            + " FROM generate_series(1, ?7) AS i")
                    .setParameter(1, tag + "-")
                    .setParameter(2, tag)
                    .setParameter(3, "0193a000-0000-7000-8000-0000000000e3")
                    .setParameter(4, "0193a000-0000-7000-8000-0000000000e4")
                    .setParameter(5, Api.SALES_EAST)
                    .setParameter(6, Api.SALES_NORTH)
                    .setParameter(7, ROWS)
                    .executeUpdate());
  }

  @Test
  void everySortSeesEachOfTenThousandExactlyOnceInOrder() {
    List<Field> sortable =
        resources.customers().fields().values().stream().filter(Field::sortable).toList();
    assertTrue(sortable.size() >= 10, "customers declare many sorts");
    for (Field field : sortable) {
      for (String sort : List.of(field.name(), "-" + field.name())) {
        List<Map<String, Object>> rows = readAll(sort);
        Set<Object> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.get("id")));
        assertEquals(ROWS, rows.size(), "rows for sort " + sort);
        assertEquals(ROWS, ids.size(), "each row once for sort " + sort);
        assertOrdered(rows, field.name(), sort.startsWith("-"));
      }
    }
  }

  private List<Map<String, Object>> readAll(String sort) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String cursor = null;
    int guard = 0;
    do {
      var request =
          Api.asAdmin()
              .queryParam("filter", "tags==" + tag)
              .queryParam("sort", sort)
              .queryParam("limit", 500)
              .queryParam(
                  "fields",
                  "id,name,city,industry,level,type,status,source,creditRating,"
                      + "creditLimit,registeredAt,lifecycleStage,createdAt,updatedAt,number,mnemonic");
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/customers");
      page.then().statusCode(200);
      rows.addAll(page.jsonPath().getList("data"));
      cursor = page.path("page.nextCursor");
    } while (cursor != null && ++guard < 100);
    return rows;
  }

  private static void assertOrdered(List<Map<String, Object>> rows, String field, boolean desc) {
    Comparator<Object> natural =
        (a, b) -> {
          if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
          }
          String x = a.toString();
          String y = b.toString();
          if (x.endsWith("Z") && y.endsWith("Z") && x.contains("T")) {
            return java.time.Instant.parse(x).compareTo(java.time.Instant.parse(y));
          }
          return x.compareTo(y);
        };
    // NULLs sort last ascending and first descending (PostgreSQL's default).
    Comparator<Object> ordering = Comparator.nullsLast(natural);
    if (desc) {
      ordering = ordering.reversed();
    }
    for (int i = 1; i < rows.size(); i++) {
      Object a = rows.get(i - 1).get(field);
      Object b = rows.get(i).get(field);
      assertTrue(
          ordering.compare(a, b) <= 0,
          "sort " + (desc ? "-" : "") + field + " out of order at row " + i + ": " + a + " > " + b);
    }
  }

  @Test
  void filtersReachRelatedRecordsAndCount() {
    int east =
        Api.asAdmin()
            .queryParam("filter", "tags==" + tag + ";owner.department.code==SALES-EAST")
            .queryParam("count", true)
            .queryParam("limit", 1)
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .path("page.total");
    assertEquals(ROWS / 2, east);
    Api.asAdmin()
        .queryParam("filter", "tags==" + tag + ";(level==A,level=isnull=true);creditLimit=ge=50000")
        .queryParam("count", true)
        .queryParam("fields", "id,level,creditLimit")
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.level", everyItem(org.hamcrest.Matchers.anyOf(equalTo("A"), equalTo(null))))
        .body("data[0]", not(hasKey("name")));
  }

  @Test
  void searchBodyAnswersLikeTheQueryString() {
    String filter = "tags==" + tag + ";city==上海";
    Response get =
        Api.asAdmin()
            .queryParam("filter", filter)
            .queryParam("sort", "-creditLimit,name")
            .queryParam("limit", 20)
            .get("/api/v1/customers");
    Response post =
        Api.asAdmin()
            .body(Map.of("filter", filter, "sort", List.of("-creditLimit", "name"), "limit", 20))
            .post("/api/v1/customers/search");
    assertEquals(get.jsonPath().getList("data.id"), post.jsonPath().getList("data.id"));
    assertEquals((String) get.path("page.nextCursor"), (String) post.path("page.nextCursor"));
  }

  @Test
  void expandEmbedsOwnerAndDepartment() {
    Api.asAdmin()
        .queryParam("filter", "tags==" + tag)
        .queryParam("limit", 5)
        .queryParam("expand", "owner,ownerDepartment")
        .queryParam("fields", "id,name")
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data[0].owner.username", org.hamcrest.Matchers.startsWith("rep."))
        .body("data[0].ownerDepartment.code", org.hamcrest.Matchers.startsWith("SALES-"));
    Api.asAdmin()
        .queryParam("expand", "owner.department")
        .queryParam("filter", "tags==" + tag)
        .queryParam("limit", 2)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data[0].owner.department.code", org.hamcrest.Matchers.startsWith("SALES-"));
    Api.asAdmin()
        .queryParam("expand", "owner.department.parent")
        .get("/api/v1/customers")
        .then()
        .statusCode(400);
  }

  @Test
  void badListParametersAreProblemsNamingTheCulprit() {
    Api.asAdmin()
        .queryParam("filter", "level==A;salary=gt=5")
        .get("/api/v1/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("'salary' at position 10"));
    Api.asAdmin()
        .queryParam("sort", "notes")
        .get("/api/v1/customers")
        .then()
        .statusCode(400)
        .body("detail", containsString("Sortable:"));
    String cursor =
        Api.asAdmin()
            .queryParam("filter", "tags==" + tag)
            .queryParam("sort", "name")
            .queryParam("limit", 2)
            .get("/api/v1/customers")
            .path("page.nextCursor");
    Api.asAdmin()
        .queryParam("sort", "city")
        .queryParam("cursor", cursor)
        .get("/api/v1/customers")
        .then()
        .statusCode(400);
    Api.asAdmin().queryParam("fields", "id,salary").get("/api/v1/customers").then().statusCode(400);
  }

  @Test
  void contactsFilterByCustomerFields() {
    String a = Customers.create(Map.of("name", "联系人过滤甲", "level", "A")).path("id");
    String b = Customers.create(Map.of("name", "联系人过滤乙", "level", "C")).path("id");
    String marker = "过滤" + UUID.randomUUID().toString().substring(0, 6);
    Customers.contact(a, marker + "一");
    Customers.contact(b, marker + "二");
    Api.as("rep.zhang")
        .queryParam("filter", "customer.level==A;name=like=" + marker)
        .get("/api/v1/contacts")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].customerId", equalTo(a));
  }
}
