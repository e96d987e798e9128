package dev.headlesscrm.catalogue;

import static dev.headlesscrm.catalogue.Products.MANAGER;
import static dev.headlesscrm.catalogue.Products.decimal;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products over REST: upsert, rounding, validation, lists, export, permissions, history. */
@QuarkusTest
class ProductResourceTest {

  @Test
  void upsertByExternalIdCreatesOnceThenUpdatesTheSameRecord() {
    String externalId = Api.uniqueCode("ERP-P");
    Response first =
        Api.asIntegration()
            .body(Map.of("name", "ERP 同步产品", "listPrice", 99.5, "unit", "台"))
            .put("/api/v1/products/external/" + externalId);
    assertEquals(201, first.statusCode(), first::asString);
    String id = first.path("id");
    assertTrue(first.header("Location").endsWith("/api/v1/products/" + id));
    assertEquals(externalId, first.path("externalId"));
    assertTrue(first.<String>path("code").matches("CP\\d{6,}"), first::asString);

    Response second =
        Api.asIntegration()
            .body(Map.of("name", "ERP 同步产品（改）", "listPrice", 120))
            .put("/api/v1/products/external/" + externalId);
    assertEquals(200, second.statusCode(), second::asString);
    assertEquals(id, second.path("id"));
    assertEquals(1, second.<Integer>path("version"));
    assertEquals("ERP 同步产品（改）", second.path("name"));
    assertEquals("台", second.path("unit"), "fields left out stay as they are");
    assertEquals(new BigDecimal("120.00"), decimal(second, "listPrice"));
    Api.as("rep.zhang")
        .queryParam("filter", "externalId==" + externalId)
        .get("/api/v1/products")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(id)));
  }

  @Test
  void pricesAreRoundedHalfUpToTheProductDecimalPlaces() {
    Map<String, Object> body = Products.product(Api.uniqueCode("RND"), "四舍五入产品");
    body.put("listPrice", new BigDecimal("12.345"));
    body.put("cost", new BigDecimal("7.004"));
    body.put("taxRate", new BigDecimal("0.13"));
    Response created = Products.create(body);
    assertEquals(new BigDecimal("12.35"), decimal(created, "listPrice"));
    assertEquals(new BigDecimal("7.00"), decimal(created, "cost"));
    assertEquals(new BigDecimal("0.1300"), decimal(created, "taxRate"));
    String id = created.path("id");
    Response read = Api.as(MANAGER).get("/api/v1/products/" + id);
    assertEquals(new BigDecimal("12.35"), decimal(read, "listPrice"));

    int before = Api.asAdmin().get("/api/v1/settings/decimal-places.product").path("value");
    try {
      Api.asAdmin()
          .body(Map.of("value", 0))
          .put("/api/v1/settings/decimal-places.product")
          .then()
          .statusCode(200);
      Map<String, Object> whole = Products.product(Api.uniqueCode("RND"), "整数价格产品");
      whole.put("listPrice", new BigDecimal("12.5"));
      whole.put("cost", new BigDecimal("12.4"));
      Response r = Products.create(whole);
      assertEquals(new BigDecimal("13"), decimal(r, "listPrice"));
      assertEquals(new BigDecimal("12"), decimal(r, "cost"));
      // What was stored with two places reads with the places the setting keeps now.
      assertEquals(
          new BigDecimal("12"),
          decimal(Api.as(MANAGER).get("/api/v1/products/" + id), "listPrice"));
    } finally {
      Api.asAdmin()
          .body(Map.of("value", before))
          .put("/api/v1/settings/decimal-places.product")
          .then()
          .statusCode(200);
    }
    assertEquals(
        new BigDecimal("12.35"),
        decimal(Api.as(MANAGER).get("/api/v1/products/" + id), "listPrice"));
  }

  @Test
  void invalidProductsAreRefusedWithEveryFieldNamed() {
    Map<String, Object> body = Products.product(Api.uniqueCode("BAD"), "坏产品");
    body.put("listPrice", -1);
    body.put("cost", -0.01);
    body.put("taxRate", 1.5);
    Response r = Api.as(MANAGER).body(body).post("/api/v1/products");
    assertEquals(422, r.statusCode(), r::asString);
    List<String> fields = r.jsonPath().getList("errors.field");
    assertTrue(fields.containsAll(List.of("listPrice", "cost", "taxRate")), r::asString);

    expect422(Map.of("code", Api.uniqueCode("BAD"), "taxRate", -0.01, "name", "负税率"), "taxRate");
    expect422(Map.of("code", Api.uniqueCode("BAD")), "name");
    expect422(
        Map.of("name", "无此类别", "categoryId", "0193a000-0000-7000-8000-00000000ffff"), "categoryId");
    expect422(Map.of("name", "有形服务", "service", true, "kind", "TANGIBLE"), "kind");
    expect422(Map.of("name", "坏编码", "code", "含 空格"), "code");
    expect422(Map.of("name", "未知字段", "colour", "red"), "colour");
    expect422(Map.of("name", "坏货币", "currency", "yuan"), "currency");
    // A service is intangible without saying so.
    Response service = Products.create(Map.of("name", "实施服务", "service", true));
    assertEquals("INTANGIBLE", service.path("kind"));
    assertEquals("IN_HOUSE", service.path("source"));
    assertEquals("ACTIVE", service.path("status"));
    assertEquals("CNY", service.path("currency"));
    // Nothing of a refused write is kept.
    Api.as(MANAGER)
        .queryParam("filter", "name==坏产品")
        .get("/api/v1/products")
        .then()
        .body("data", org.hamcrest.Matchers.empty());
    Api.as(MANAGER)
        .body(Map.of("listPrice", -5))
        .patch("/api/v1/products/" + service.path("id"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("listPrice"));
  }

  private static void expect422(Map<String, Object> body, String field) {
    Response r = Api.as(MANAGER).body(body).post("/api/v1/products");
    assertEquals(422, r.statusCode(), r::asString);
    assertTrue(r.jsonPath().getList("errors.field").contains(field), r::asString);
  }

  @Test
  void codesAreGeneratedWhenOmittedAndUniqueAmongLiveProducts() {
    Products.create(Map.of("name", "自动编号产品")).then().body("code", matchesPattern("CP\\d{6,}"));
    String code = Api.uniqueCode("UNQ");
    String id = Products.create(Products.product(code, "唯一编号甲")).path("id");
    Response dup =
        Api.as(MANAGER)
            .body(Products.product(code.toLowerCase(), "唯一编号乙"))
            .post("/api/v1/products");
    assertEquals(409, dup.statusCode(), dup::asString);
    assertTrue(dup.<String>path("type").endsWith("/conflict"), dup::asString);
    Api.as(MANAGER).delete("/api/v1/products/" + id).then().statusCode(204);
    String again = Products.create(Products.product(code, "唯一编号丙")).path("id");
    // The deleted one cannot come back while its code is taken.
    Api.as(MANAGER).post("/api/v1/products/" + id + "/restore").then().statusCode(409);
    Api.as(MANAGER).get("/api/v1/products/" + again).then().statusCode(200);
  }

  @Test
  void listsFilterByCategoryCodeAndSortByListPrice() {
    String marker = Api.uniqueCode("LST").replace("-", "");
    String software = Products.category(marker + "-SW", null);
    String hardware = Products.category(marker + "-HW", null);
    for (int i = 0; i < 3; i++) {
      Map<String, Object> body = Products.product(marker + "-S" + i, marker + " 软件 " + i);
      body.put("categoryId", software);
      body.put(
          "listPrice",
          new BigDecimal[] {new BigDecimal("300"), new BigDecimal("100"), new BigDecimal("200")}
              [i]);
      Products.create(body);
    }
    Map<String, Object> other = Products.product(marker + "-H0", marker + " 硬件");
    other.put("categoryId", hardware);
    other.put("listPrice", 50);
    Products.create(other);

    Response ascending =
        Api.as("rep.zhang")
            .queryParam("filter", "category.code==" + marker + "-SW")
            .queryParam("sort", "listPrice")
            .get("/api/v1/products");
    assertEquals(200, ascending.statusCode(), ascending::asString);
    assertEquals(
        List.of(marker + "-S1", marker + "-S2", marker + "-S0"),
        ascending.jsonPath().getList("data.code"));
    Api.as("rep.zhang")
        .queryParam("filter", "category.code==" + marker + "-SW")
        .queryParam("sort", "-listPrice")
        .queryParam("limit", 2)
        .get("/api/v1/products")
        .then()
        .statusCode(200)
        .body("data.code", equalTo(List.of(marker + "-S0", marker + "-S2")))
        .body("page.hasMore", equalTo(true));
    Api.as("rep.zhang")
        .queryParam("q", marker.toLowerCase())
        .queryParam("filter", "listPrice=lt=100")
        .get("/api/v1/products")
        .then()
        .body("data.code", equalTo(List.of(marker + "-H0")));
    Api.as("rep.zhang")
        .queryParam("filter", "category.name==nothing;colour==red")
        .get("/api/v1/products")
        .then()
        .statusCode(400);
    // expand embeds the category.
    Api.as("rep.zhang")
        .queryParam("filter", "code==" + marker + "-H0")
        .queryParam("expand", "category")
        .get("/api/v1/products")
        .then()
        .body("data[0].category.code", equalTo(marker + "-HW"));
  }

  @Test
  void exportsContainTheRowsAndNotTheCostForThoseItIsHiddenFrom() {
    String marker = Api.uniqueCode("EXP");
    for (int i = 0; i < 2; i++) {
      Map<String, Object> body = Products.product(marker + "-" + i, "导出产品" + i);
      body.put("cost", 10 + i);
      Products.create(body);
    }
    String managers =
        Api.as(MANAGER)
            .queryParam("format", "csv")
            .queryParam("filter", "code=like=" + marker)
            .get("/api/v1/products/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(managers.contains(marker + "-0") && managers.contains(marker + "-1"), managers);
    assertTrue(header(managers).contains("cost"), managers);
    String reps =
        Api.as("rep.zhang")
            .queryParam("format", "csv")
            .queryParam("filter", "code=like=" + marker)
            .get("/api/v1/products/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(3, reps.lines().count(), reps);
    assertTrue(header(reps).contains("listPrice"), reps);
    assertFalse(header(reps).contains("cost"), reps);
  }

  private static List<String> header(String csv) {
    return List.of(csv.lines().findFirst().orElse("").replace("\uFEFF", "").split(","));
  }

  @Test
  void repsReadTheCatalogueWithoutCostAndCannotChangeIt() {
    Map<String, Object> body = Products.product(Api.uniqueCode("SEC"), "成本保密产品");
    body.put("cost", 88);
    body.put("listPrice", 120);
    String id = Products.create(body).path("id");

    Api.as("rep.zhang")
        .body(Products.product(Api.uniqueCode("SEC"), "销售不能建"))
        .post("/api/v1/products")
        .then()
        .statusCode(403);
    Api.as("rep.zhang")
        .body(Map.of("name", "销售不能改"))
        .patch("/api/v1/products/" + id)
        .then()
        .statusCode(403);
    Api.as("rep.zhang").delete("/api/v1/products/" + id).then().statusCode(403);

    Response get = Api.as("rep.zhang").get("/api/v1/products/" + id);
    assertEquals(200, get.statusCode());
    assertFalse(get.jsonPath().getMap("").containsKey("cost"), get::asString);
    assertEquals(new BigDecimal("120.00"), decimal(get, "listPrice"));
    Response list = Api.as("rep.zhang").queryParam("filter", "id==" + id).get("/api/v1/products");
    assertFalse(list.jsonPath().getMap("data[0]").containsKey("cost"), list::asString);
    Api.as("rep.zhang").queryParam("sort", "cost").get("/api/v1/products").then().statusCode(400);
    Api.as("rep.zhang")
        .queryParam("filter", "cost=gt=10")
        .get("/api/v1/products")
        .then()
        .statusCode(400);

    Response gql =
        Api.as("rep.zhang")
            .body(Map.of("query", "{ product(id: \"" + id + "\") { id cost listPrice } }"))
            .post("/graphql");
    assertNull(gql.jsonPath().get("errors"), gql::asString);
    assertNull(gql.jsonPath().get("data.product.cost"), gql::asString);
    assertEquals(0, new BigDecimal("120").compareTo(decimal(gql, "data.product.listPrice")));

    Api.as(MANAGER).get("/api/v1/products/" + id).then().body("cost", equalTo(88.0f));
    Api.asIntegration().get("/api/v1/products/" + id).then().body("cost", not(nullValue()));
  }

  @Test
  void updatesLeaveAHistoryEntryAndKeepETags() {
    Map<String, Object> body = Products.product(Api.uniqueCode("HIS"), "历史产品");
    body.put("listPrice", 100);
    body.put("cost", 40);
    Response created = Products.create(body);
    String id = created.path("id");
    assertEquals("W/\"0\"", created.header("ETag"));
    Api.as(MANAGER)
        .header("If-Match", "W/\"0\"")
        .body(Map.of("listPrice", 110, "cost", 45))
        .patch("/api/v1/products/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "W/\"1\"");
    Api.as(MANAGER)
        .header("If-Match", "W/\"0\"")
        .body(Map.of("listPrice", 120))
        .patch("/api/v1/products/" + id)
        .then()
        .statusCode(412);

    Response history = Api.as(MANAGER).get("/api/v1/products/" + id + "/history");
    assertEquals(200, history.statusCode(), history::asString);
    assertEquals("updated", history.path("data[0].action"));
    assertEquals(manager(), history.path("data[0].actor"));
    assertEquals(new BigDecimal("100.00"), decimal(history, "data[0].changes.listPrice.old"));
    assertEquals(new BigDecimal("110.00"), decimal(history, "data[0].changes.listPrice.new"));
    assertEquals(new BigDecimal("45.00"), decimal(history, "data[0].changes.cost.new"));
    Api.as("rep.zhang")
        .get("/api/v1/products/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data[0].changes.listPrice.new", equalTo(110.0f))
        .body("data[0].changes", not(org.hamcrest.Matchers.hasKey("cost")));
    Api.as("rep.zhang")
        .get("/api/v1/me")
        .then()
        .body("permissions", hasItem("product:read"))
        .body("permissions", not(hasItem("product:create")));
  }

  @Test
  void batchAppliesEachOperationUnderTheSameRules() {
    String externalId = Api.uniqueCode("ERP-B");
    Map<String, Object> ok = new HashMap<>();
    ok.put("op", "upsert");
    ok.put("externalId", externalId);
    ok.put("data", Map.of("name", "批量产品", "listPrice", 1.005));
    Map<String, Object> bad = Map.of("op", "create", "data", Map.of("name", "负价", "listPrice", -1));
    Response r =
        Api.asIntegration()
            .body(Map.of("operations", List.of(ok, bad)))
            .post("/api/v1/products/batch");
    assertEquals(200, r.statusCode(), r::asString);
    assertEquals(201, r.jsonPath().getInt("results[0].status"));
    assertEquals(422, r.jsonPath().getInt("results[1].status"));
    Api.asIntegration()
        .get("/api/v1/products/" + r.path("results[0].id"))
        .then()
        .body("listPrice", equalTo(1.01f))
        .body("externalId", equalTo(externalId));
  }

  private static String manager() {
    return Api.as(MANAGER).get("/api/v1/me").path("principalId");
  }
}
