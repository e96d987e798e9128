package dev.headlesscrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The security matrix: for every resource, every principal and every way of reaching a record (get,
 * list, search, q, expand, export, history, change feed, GraphQL, update, delete) what each may see
 * and do, with real Keycloak tokens; and for every hidden field that it leaks through none of them
 * and is refused in filter, sort and writes. A new resource is one more {@link Target}.
 *
 * <p>Fixtures: each record is created by the administrator and owned by rep.zhang (华东), whose
 * manager is manager.wang (who also supervises rep.chen in 华北).
 */
@QuarkusTest
class SecurityMatrixTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  /** The principals, each with their real token. */
  enum Who {
    ADMIN("admin.li"),
    MANAGER("manager.wang"),
    OWNER("rep.zhang"),
    OTHER_REP("rep.chen"),
    ANALYST("analyst.liu"),
    INTEGRATION(null);

    final String user;

    Who(String user) {
      this.user = user;
    }

    RequestSpecification api() {
      return user == null ? Api.asIntegration() : Api.as(user);
    }

    @Override
    public String toString() {
      return user == null ? "integration" : user;
    }
  }

  static final Set<Who> ALL = EnumSet.allOf(Who.class);
  static final Set<Who> SCOPE_OF_ZHANG =
      EnumSet.of(Who.ADMIN, Who.MANAGER, Who.OWNER, Who.ANALYST, Who.INTEGRATION);
  static final Set<Who> SALES_WRITERS =
      EnumSet.of(Who.ADMIN, Who.MANAGER, Who.OWNER, Who.OTHER_REP, Who.INTEGRATION);
  static final Set<Who> ADMIN_ONLY = EnumSet.of(Who.ADMIN);
  static final Set<Who> NOT_SALES_MANAGEMENT =
      EnumSet.of(Who.OWNER, Who.OTHER_REP, Who.ANALYST, Who.INTEGRATION);
  static final Set<Who> NOT_SENSITIVE = EnumSet.of(Who.ANALYST, Who.INTEGRATION);
  static final Set<Who> CATALOGUE_KEEPERS = EnumSet.of(Who.ADMIN, Who.MANAGER, Who.INTEGRATION);
  static final Set<Who> NOT_COST = EnumSet.of(Who.OWNER, Who.OTHER_REP, Who.ANALYST);

  /**
   * One resource in the matrix.
   *
   * @param create the body of a record owned by rep.zhang, from a unique marker
   * @param mayWrite who holds the update/delete function permissions
   * @param sees whose data scope includes the record
   * @param hidden per field, who may not see it
   * @param filterable hidden fields that lists could otherwise filter/sort by
   * @param related for expand: the relation and the target whose hidden fields apply to it
   */
  record Target(
      String resource,
      String path,
      String graphQl,
      Function<String, Map<String, Object>> create,
      Map<String, Object> patch,
      Set<Who> sees,
      Set<Who> mayWrite,
      Map<String, Set<Who>> hidden,
      List<String> filterable,
      boolean searchable,
      String related,
      Supplier<Target> relatedTarget) {}

  static Target customers() {
    return new Target(
        "customer",
        "/api/v1/customers",
        "customer",
        m ->
            Map.of(
                "name",
                "矩阵客户" + m,
                "tags",
                List.of(m),
                "ownerId",
                ZHANG,
                "creditLimit",
                88000,
                "creditRating",
                "AA",
                "finance",
                Map.of("taxId", "TAX" + m)),
        Map.of("city", "苏州"),
        SCOPE_OF_ZHANG,
        SALES_WRITERS,
        Map.of(
            "creditLimit", NOT_SALES_MANAGEMENT,
            "creditRating", NOT_SALES_MANAGEMENT,
            "finance", NOT_SALES_MANAGEMENT),
        List.of("creditLimit", "creditRating"),
        true,
        "owner",
        null);
  }

  static Target contacts(String customerId) {
    return new Target(
        "contact",
        "/api/v1/contacts",
        "contact",
        m ->
            Map.of(
                "customerId",
                customerId,
                "name",
                "矩阵联系人" + m,
                "title",
                m,
                "homePhone",
                "010-66" + Math.abs(m.hashCode() % 100000),
                "birthday",
                "1990-01-02"),
        Map.of("title", "经理"),
        SCOPE_OF_ZHANG,
        SALES_WRITERS,
        Map.of("homePhone", NOT_SENSITIVE, "birthday", NOT_SENSITIVE, "age", NOT_SENSITIVE),
        List.of("birthday"),
        true,
        "customer",
        SecurityMatrixTest::customers);
  }

  static Target leads() {
    return new Target(
        "lead",
        "/api/v1/leads",
        "lead",
        m -> Map.of("name", "矩阵线索" + m, "company", m, "ownerId", ZHANG),
        Map.of("title", "总监"),
        SCOPE_OF_ZHANG,
        SALES_WRITERS,
        Map.of(),
        List.of(),
        true,
        "owner",
        null);
  }

  static Target opportunities(String customerId) {
    return new Target(
        "opportunity",
        "/api/v1/opportunities",
        "opportunity",
        m -> Map.of("name", "矩阵商机" + m, "customerId", customerId, "ownerId", ZHANG),
        Map.of("competitors", "某公司"),
        SCOPE_OF_ZHANG,
        SALES_WRITERS,
        Map.of(),
        List.of(),
        false,
        "customer",
        SecurityMatrixTest::customers);
  }

  /** Sales documents of a customer of rep.zhang's, owned by him. */
  static Target document(
      String resource, String path, String graphQl, Function<String, Map<String, Object>> body) {
    return new Target(
        resource,
        path,
        graphQl,
        body,
        Map.of("notes", "矩阵修改"),
        SCOPE_OF_ZHANG,
        SALES_WRITERS,
        Map.of(),
        List.of(),
        false,
        "customer",
        SecurityMatrixTest::customers);
  }

  static List<Map<String, Object>> oneLine(String m) {
    return List.of(Map.of("description", "矩阵明细" + m, "quantity", 1, "unitPrice", 100));
  }

  static Target departments() {
    return new Target(
        "department",
        "/api/v1/departments",
        "department",
        m -> Map.of("code", m, "name", "矩阵部门" + m, "kind", "DEPARTMENT"),
        Map.of("name", "改名部门"),
        ALL,
        ADMIN_ONLY,
        Map.of(),
        List.of(),
        false,
        "parent",
        null);
  }

  static Target employees() {
    return new Target(
        "employee",
        "/api/v1/employees",
        "employee",
        m -> Map.of("employeeNumber", m, "name", "矩阵员工" + m, "departmentId", Api.HQ),
        Map.of("name", "改名员工"),
        ALL,
        ADMIN_ONLY,
        Map.of(),
        List.of(),
        false,
        "department",
        null);
  }

  static Target productCategories() {
    return new Target(
        "product-category",
        "/api/v1/product-categories",
        "productCategory",
        m -> Map.of("code", m, "name", "矩阵类别" + m),
        Map.of("name", "改名类别"),
        ALL,
        CATALOGUE_KEEPERS,
        Map.of(),
        List.of(),
        false,
        "parent",
        null);
  }

  static Target products(String categoryId) {
    return new Target(
        "product",
        "/api/v1/products",
        "product",
        m ->
            Map.of(
                "code",
                m,
                "name",
                "矩阵产品" + m,
                "categoryId",
                categoryId,
                "listPrice",
                100,
                "cost",
                60),
        Map.of("name", "改名产品"),
        ALL,
        CATALOGUE_KEEPERS,
        Map.of("cost", NOT_COST),
        List.of("cost"),
        true,
        "category",
        SecurityMatrixTest::productCategories);
  }

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @TestFactory
  Stream<DynamicNode> matrix() {
    long head = events.head();
    String marker = "MX" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String customerOfZhang = create(customers(), marker + "C0").jsonPath().getString("id");
    String categoryOfProducts =
        create(productCategories(), marker + "P0").jsonPath().getString("id");
    List<Target> targets =
        List.of(
            customers(),
            contacts(customerOfZhang),
            leads(),
            opportunities(customerOfZhang),
            document(
                "quote",
                "/api/v1/quotes",
                "quote",
                m ->
                    Map.of(
                        "name",
                        "矩阵报价" + m,
                        "customerId",
                        customerOfZhang,
                        "ownerId",
                        ZHANG,
                        "lines",
                        oneLine(m))),
            document(
                "contract",
                "/api/v1/contracts",
                "contract",
                m ->
                    Map.of(
                        "name",
                        "矩阵合同" + m,
                        "customerId",
                        customerOfZhang,
                        "ownerId",
                        ZHANG,
                        "amount",
                        1000)),
            document(
                "sales-order",
                "/api/v1/sales-orders",
                "salesOrder",
                m -> Map.of("customerId", customerOfZhang, "ownerId", ZHANG, "lines", oneLine(m))),
            departments(),
            employees(),
            productCategories(),
            products(categoryOfProducts));
    Map<Target, String> records = new LinkedHashMap<>();
    for (Target t : targets) {
      records.put(t, create(t, marker).jsonPath().getString("id"));
    }
    publisher.publishPending();
    List<DynamicNode> nodes = new ArrayList<>();
    for (Target t : targets) {
      List<DynamicNode> perWho = new ArrayList<>();
      for (Who who : Who.values()) {
        perWho.add(
            DynamicContainer.dynamicContainer(
                who.toString(), checks(t, who, records.get(t), marker, head)));
      }
      nodes.add(DynamicContainer.dynamicContainer(t.resource(), perWho));
    }
    return nodes.stream();
  }

  private static Response create(Target t, String marker) {
    Response r = Api.asAdmin().body(t.create().apply(marker)).post(t.path());
    assertEquals(201, r.statusCode(), () -> t.resource() + " fixture: " + r.asString());
    return r;
  }

  private List<DynamicTest> checks(Target t, Who who, String id, String marker, long head) {
    boolean sees = t.sees().contains(who);
    Set<String> hidden = hiddenFor(t, who);
    List<DynamicTest> out = new ArrayList<>();
    out.add(
        check(
            "get",
            () -> {
              Response r = who.api().get(t.path() + "/" + id);
              assertEquals(sees ? 200 : 404, r.statusCode(), r::asString);
              if (sees) {
                assertFields(t, who, r.jsonPath().getMap(""));
              } else {
                assertTrue(r.jsonPath().getString("type").endsWith("/not-found"), r::asString);
              }
            }));
    out.add(
        check(
            "list",
            () -> {
              Response r = who.api().queryParam("filter", "id==" + id).get(t.path());
              assertEquals(200, r.statusCode(), r::asString);
              List<Map<String, Object>> rows = r.jsonPath().getList("data");
              assertEquals(sees ? 1 : 0, rows.size());
              if (sees) {
                assertFields(t, who, rows.get(0));
              }
            }));
    out.add(
        check(
            "search",
            () -> {
              Response r = who.api().body(Map.of("filter", "id==" + id)).post(t.path() + "/search");
              assertEquals(200, r.statusCode(), r::asString);
              assertEquals(sees ? 1 : 0, r.jsonPath().getList("data").size());
            }));
    if (t.searchable()) {
      out.add(
          check(
              "q",
              () -> {
                Response r =
                    who.api().queryParam("q", marker).queryParam("limit", 500).get(t.path());
                assertEquals(200, r.statusCode(), r::asString);
                assertEquals(sees, r.jsonPath().getList("data.id").contains(id));
              }));
    }
    out.add(
        check(
            "expand",
            () -> {
              Response r =
                  who.api()
                      .queryParam("filter", "id==" + id)
                      .queryParam("expand", t.related())
                      .get(t.path());
              assertEquals(200, r.statusCode(), r::asString);
              if (sees && t.relatedTarget() != null) {
                Map<String, Object> embedded = r.jsonPath().getMap("data[0]." + t.related());
                assertNotNull(embedded, "the related record is embedded");
                for (String f : hiddenFor(t.relatedTarget().get(), who)) {
                  assertFalse(embedded.containsKey(f), f + " leaks through expand");
                }
              }
            }));
    out.add(
        check(
            "export",
            () -> {
              Response r =
                  who.api()
                      .queryParam("format", "csv")
                      .queryParam("filter", "id==" + id)
                      .get(t.path() + "/export");
              assertEquals(200, r.statusCode(), r::asString);
              String csv = r.asString();
              assertEquals(sees, csv.contains(id));
              String header = csv.lines().findFirst().orElse("");
              for (String f : hidden) {
                assertFalse(
                    List.of(header.replace("\uFEFF", "").split(",")).stream()
                        .anyMatch(c -> c.equals(f) || c.startsWith(f + ".")),
                    f + " leaks through export");
              }
            }));
    out.add(
        check(
            "history",
            () -> {
              Response r = who.api().get(t.path() + "/" + id + "/history");
              assertEquals(sees ? 200 : 404, r.statusCode(), r::asString);
              if (sees) {
                List<Map<String, Object>> changes = r.jsonPath().getList("data.changes");
                assertFalse(changes.isEmpty());
                for (Map<String, Object> c : changes) {
                  for (String f : hidden) {
                    assertFalse(
                        c.keySet().stream().anyMatch(k -> k.equals(f) || k.startsWith(f + ".")),
                        f + " leaks through history");
                  }
                }
              }
            }));
    out.add(
        check(
            "events",
            () -> {
              Response r =
                  who.api()
                      .queryParam("types", t.resource() + ".*")
                      .queryParam("after", head)
                      .queryParam("limit", 1000)
                      .get("/api/v1/events");
              assertEquals(200, r.statusCode(), r::asString);
              JsonPath json = r.jsonPath();
              List<String> ids = json.getList("data.resourceId");
              assertEquals(sees, ids.contains(id));
              if (sees) {
                int at = ids.indexOf(id);
                Map<String, Object> data = json.getMap("data[" + at + "].data");
                Map<String, Object> changes = json.getMap("data[" + at + "].changes");
                for (String f : hidden) {
                  assertFalse(data.containsKey(f), f + " leaks through event data");
                  assertFalse(changes.containsKey(f), f + " leaks through event changes");
                }
              }
            }));
    out.add(
        check(
            "graphql",
            () -> {
              String selection = "id " + String.join(" ", graphQlFields(t));
              Response r =
                  who.api()
                      .body(
                          Map.of(
                              "query",
                              "{ " + t.graphQl() + "(id: \"" + id + "\") { " + selection + " } }"))
                      .post("/graphql");
              assertEquals(200, r.statusCode());
              JsonPath json = r.jsonPath();
              Map<String, Object> node = json.getMap("data." + t.graphQl());
              if (!sees) {
                assertNull(node);
                assertEquals("not-found", json.getString("errors[0].extensions.code"));
                return;
              }
              assertNull(json.get("errors"), "hidden fields are null, not errors");
              for (String f : t.hidden().keySet()) {
                if (hidden.contains(f)) {
                  assertNull(node.get(f), f + " leaks through GraphQL");
                } else {
                  assertNotNull(node.get(f), f + " is visible to " + who);
                }
              }
            }));
    boolean mayWrite = t.mayWrite().contains(who);
    int writeStatus = !mayWrite ? 403 : sees ? 200 : 404;
    out.add(
        check(
            "update",
            () -> {
              Response r = who.api().body(t.patch()).patch(t.path() + "/" + id);
              assertEquals(writeStatus, r.statusCode(), r::asString);
            }));
    out.add(
        check(
            "delete",
            () -> {
              String victim = create(t, marker + "D" + who.ordinal()).jsonPath().getString("id");
              Response r = who.api().delete(t.path() + "/" + victim);
              assertEquals(writeStatus == 200 ? 204 : writeStatus, r.statusCode(), r::asString);
            }));
    for (String field : hidden) {
      if (t.filterable().contains(field)) {
        out.add(
            check(
                "filter by hidden " + field,
                () ->
                    assertEquals(
                        400,
                        who.api()
                            .queryParam("filter", field + "=isnull=false")
                            .get(t.path())
                            .statusCode())));
        out.add(
            check(
                "sort by hidden " + field,
                () ->
                    assertEquals(
                        400, who.api().queryParam("sort", field).get(t.path()).statusCode())));
      }
      if (!field.equals("age") && mayWrite && sees) {
        out.add(
            check(
                "write hidden " + field,
                () -> {
                  Response r = who.api().body(Map.of(field, Map.of())).patch(t.path() + "/" + id);
                  assertEquals(403, r.statusCode(), r::asString);
                  assertTrue(r.asString().contains(field), "the problem names " + field);
                }));
      }
    }
    return out;
  }

  private static Set<String> hiddenFor(Target t, Who who) {
    Set<String> out = new java.util.TreeSet<>();
    t.hidden()
        .forEach(
            (f, from) -> {
              if (from.contains(who)) {
                out.add(f);
              }
            });
    return out;
  }

  /** Restricted fields are absent for those they are hidden from, present for the others. */
  private static void assertFields(Target t, Who who, Map<String, Object> row) {
    for (String f : t.hidden().keySet()) {
      if (t.hidden().get(f).contains(who)) {
        assertFalse(row.containsKey(f), f + " leaks to " + who);
      } else {
        assertTrue(row.containsKey(f), f + " is visible to " + who);
      }
    }
  }

  private static List<String> graphQlFields(Target t) {
    return t.hidden().keySet().stream()
        .map(f -> f.equals("finance") ? "finance { taxId }" : f)
        .toList();
  }

  private static DynamicTest check(String name, Runnable body) {
    return DynamicTest.dynamicTest(name, body::run);
  }
}
