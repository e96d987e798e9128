package dev.headlesscrm.platform.customfields;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A custom field an administrator defines through the API is in force at once, without a restart:
 * validated and canonicalised on every write path, filterable and sortable as custom.<key>, in
 * exports, metadata, history and GraphQL; retiring it keeps stored values readable.
 */
@QuarkusTest
class CustomFieldsTest {

  private static String run() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  static Map<String, Object> definition(String resource, String key, String type) {
    Map<String, Object> d = new HashMap<>();
    d.put("resource", resource);
    d.put("key", key);
    d.put("type", type);
    d.put("labelZh", "字段" + key);
    d.put("labelEn", "Field " + key);
    return d;
  }

  static String define(Map<String, Object> definition) {
    return Api.asAdmin()
        .body(definition)
        .post("/api/v1/custom-fields")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(201)
        .header("Location", containsString("/api/v1/custom-fields/"))
        .extract()
        .path("id");
  }

  private static io.restassured.response.Response createCustomer(
      String name, Map<String, Object> custom) {
    return Api.as("manager.wang")
        .body(Map.of("name", name, "custom", custom))
        .post("/api/v1/customers");
  }

  @Test
  void aDefinedFieldIsValidatedCanonicalFilterableSortableExportedAndInMetadata() {
    String r = run();
    String budget = "budget" + r;
    Map<String, Object> money = definition("customer", budget, "MONEY");
    money.put("minimum", 0);
    money.put("labelZh", "年度预算" + r);
    money.put("labelEn", "Annual budget " + r);
    define(money);
    String since = "since" + r;
    define(definition("customer", since, "DATE"));
    String sector = "sector" + r;
    Map<String, Object> select = definition("customer", sector, "SELECT");
    select.put("dictionary", "industry");
    define(select);

    // Bad values: one problem naming each field, nothing written.
    createCustomer("定义字段坏值" + r, Map.of(budget, "lots", since, "2026-13-01", sector, "NOPE"))
        .then()
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("errors.field", hasItem("custom." + budget))
        .body("errors.field", hasItem("custom." + since))
        .body("errors.field", hasItem("custom." + sector))
        .body("errors.find { it.field == 'custom." + sector + "' }.code", equalTo("option"));
    createCustomer("定义字段负数" + r, Map.of(budget, "-1"))
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("min"));
    createCustomer("定义字段未定义" + r, Map.of("undefined" + r, "x"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("custom.undefined" + r))
        .body("errors[0].code", equalTo("unknown-field"));
    Api.asAdmin()
        .queryParam("filter", "name=like=定义字段" + r)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));

    // Good values are stored in canonical form.
    String big =
        createCustomer("定义字段甲" + r, Map.of(budget, "99999", since, "2025-01-02", sector, "FINANCE"))
            .then()
            .statusCode(201)
            .body("custom." + budget, equalTo("99999.00"))
            .extract()
            .path("id");
    String mid =
        createCustomer("定义字段乙" + r, Map.of(budget, " 1200.5 ", since, "2026-06-30"))
            .then()
            .statusCode(201)
            .body("custom." + budget, equalTo("1200.50"))
            .extract()
            .path("id");
    createCustomer("定义字段丙" + r, Map.of(budget, "300"))
        .then()
        .statusCode(201)
        .body("custom." + budget, equalTo("300.00"));

    // Numeric filter and sort (not text order: 99999 > 1200.50 > 300), paged by cursor.
    JsonPath first =
        Api.asAdmin()
            .queryParam("filter", "name=like=定义字段;custom." + budget + "=gt=500")
            .queryParam("sort", "-custom." + budget)
            .queryParam("limit", 1)
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(big), first.getList("data.id"));
    String cursor = first.getString("page.nextCursor");
    Api.asAdmin()
        .queryParam("filter", "name=like=定义字段;custom." + budget + "=gt=500")
        .queryParam("sort", "-custom." + budget)
        .queryParam("limit", 1)
        .queryParam("cursor", cursor)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(mid)))
        .body("page.hasMore", equalTo(false));
    Api.asAdmin()
        .queryParam("filter", "custom." + since + "=ge=2026-01-01")
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(mid)));
    Api.asAdmin()
        .queryParam("filter", "custom." + since + "=ge=soon")
        .get("/api/v1/customers")
        .then()
        .statusCode(400)
        .body("detail", containsString("custom." + since));

    // Exports carry a column per custom field.
    String csv =
        Api.asAdmin()
            .queryParam("format", "csv")
            .queryParam("filter", "custom." + budget + "=ge=1000")
            .queryParam("sort", "custom." + budget)
            .get("/api/v1/customers/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).contains("custom." + budget), lines.get(0));
    assertEquals(3, lines.size(), csv);
    assertTrue(lines.get(1).contains("1200.50") && lines.get(2).contains("99999.00"), csv);

    // Metadata describes it for forms, in the caller's language, and lists it as sortable.
    JsonPath meta =
        Api.as("rep.zhang")
            .header("Accept-Language", "zh-CN")
            .get("/api/v1/metadata/customer")
            .then()
            .statusCode(200)
            .body("sortable", hasItem("custom." + budget))
            .extract()
            .jsonPath();
    Map<String, Object> field =
        meta.getMap(
            "fields.find { it.name == 'custom' }.fields.find { it.name == '" + budget + "' }");
    assertEquals("decimal", field.get("type"));
    assertEquals("money", field.get("format"));
    assertEquals("年度预算" + r, field.get("label"));
    assertEquals(true, field.get("sortable"));
    Api.as("rep.zhang")
        .header("Accept-Language", "en")
        .get("/api/v1/metadata/customer")
        .then()
        .body(
            "fields.find { it.name == 'custom' }.fields.find { it.name == '"
                + sector
                + "' }.options.value",
            hasItem("FINANCE"))
        .body(
            "fields.find { it.name == 'custom' }.fields.find { it.name == '" + budget + "' }.label",
            equalTo("Annual budget " + r));

    // A PATCH is validated the same way, and history records the canonical change.
    Api.asAdmin()
        .body(Map.of("custom", Map.of(budget, "12.345")))
        .patch("/api/v1/customers/" + mid)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("scale"));
    Api.asAdmin()
        .body(Map.of("custom", Map.of(budget, "1500")))
        .patch("/api/v1/customers/" + mid)
        .then()
        .statusCode(200)
        .body("custom." + budget, equalTo("1500.00"))
        .body("custom." + since, equalTo("2026-06-30"));
    Api.asAdmin()
        .get("/api/v1/customers/" + mid + "/history")
        .then()
        .statusCode(200)
        .body("data[0].changes.custom.new." + budget, equalTo("1500.00"))
        .body("data[0].changes.custom.old." + budget, equalTo("1200.50"));
  }

  @Test
  void everyWritePathValidatesBatchUpsertAndGraphQl() {
    String r = run();
    String code = "erpCode" + r;
    Map<String, Object> text = definition("customer", code, "TEXT");
    text.put("pattern", "[A-Z]{2}-\\d{4}");
    text.put("unique", true);
    define(text);

    Map<String, Object> bad = new HashMap<>();
    bad.put("op", "create");
    bad.put("data", Map.of("name", "批量自定义坏" + r, "custom", Map.of(code, "bad")));
    Map<String, Object> good = new HashMap<>();
    good.put("op", "upsert");
    good.put("externalId", "CF-" + r);
    good.put("data", Map.of("name", "批量自定义好" + r, "custom", Map.of(code, "AB-0001")));
    Api.asIntegration()
        .body(Map.of("operations", List.of(bad, good)))
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(422, 201)))
        .body("results[0].problem.errors[0].field", equalTo("custom." + code))
        .body("results[0].problem.errors[0].code", equalTo("pattern"));

    // Unique among live records: the same value elsewhere is a 409 naming the field.
    Api.asIntegration()
        .body(Map.of("name", "唯一自定义" + r, "custom", Map.of(code, "AB-0001")))
        .put("/api/v1/customers/external/CF2-" + r)
        .then()
        .statusCode(409)
        .body("errors[0].field", equalTo("custom." + code));
    // Re-sending the same value to its own record is no change and passes.
    Api.asIntegration()
        .body(Map.of("name", "批量自定义好" + r, "custom", Map.of(code, "AB-0001")))
        .put("/api/v1/customers/external/CF-" + r)
        .then()
        .statusCode(200);

    String mutation =
        "mutation($in: CustomerInput!) { createCustomer(input: $in) { id custom { key value } } }";
    Map<String, Object> in =
        Map.of("name", "图谱自定义" + r, "custom", List.of(Map.of("key", code, "value", "lower")));
    Api.asAdmin()
        .body(Map.of("query", mutation, "variables", Map.of("in", in)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.errors[0].field", equalTo("custom." + code));
    Map<String, Object> ok =
        Map.of("name", "图谱自定义" + r, "custom", List.of(Map.of("key", code, "value", "CD-0002")));
    Api.asAdmin()
        .body(Map.of("query", mutation, "variables", Map.of("in", ok)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.createCustomer.custom[0].value", equalTo("CD-0002"));
    Api.asAdmin()
        .body(
            Map.of(
                "query",
                "query($f: String) { customers(filter: $f, sort: \"custom."
                    + code
                    + "\") { edges { node { name } } } }",
                "variables",
                Map.of("f", "custom." + code + "=in=(AB-0001,CD-0002)")))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.customers.edges.node.name", equalTo(List.of("批量自定义好" + r, "图谱自定义" + r)));
  }

  @Test
  void requiredFieldsBindCreatesAndRetiredFieldsKeepTheirValues() {
    String r = run();
    String region = "region" + r;
    Map<String, Object> d = definition("lead", region, "TEXT");
    d.put("required", true);
    String id = define(d);
    String lead;
    try {
      Api.asAdmin()
          .body(Map.of("name", "必填线索" + r))
          .post("/api/v1/leads")
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("custom." + region))
          .body("errors[0].code", equalTo("required"));
      lead =
          Api.asAdmin()
              .body(Map.of("name", "必填线索" + r, "custom", Map.of(region, "华东")))
              .post("/api/v1/leads")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Map<String, Object> clear = new HashMap<>();
      clear.put(region, null);
      Api.asAdmin()
          .body(Map.of("custom", clear))
          .patch("/api/v1/leads/" + lead)
          .then()
          .statusCode(422)
          .body("errors[0].code", equalTo("required"));
    } finally {
      Api.asAdmin().delete("/api/v1/custom-fields/" + id).then().statusCode(204);
    }
    // Retired: the value stays readable, other changes pass, a new value is refused.
    Api.asAdmin()
        .get("/api/v1/leads/" + lead)
        .then()
        .statusCode(200)
        .body("custom." + region, equalTo("华东"));
    Api.asAdmin()
        .body(Map.of("title", "经理"))
        .patch("/api/v1/leads/" + lead)
        .then()
        .statusCode(200)
        .body("custom." + region, equalTo("华东"));
    Api.asAdmin()
        .body(Map.of("custom", Map.of(region, "华北")))
        .patch("/api/v1/leads/" + lead)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("retired"));
    Api.asAdmin().body(Map.of("name", "新线索" + r)).post("/api/v1/leads").then().statusCode(201);
    Api.as("rep.zhang")
        .get("/api/v1/metadata/lead")
        .then()
        .body("fields.find { it.name == 'custom' }.fields.name", not(hasItem(region)));
    // Restored, it is in force again.
    Api.asAdmin().post("/api/v1/custom-fields/" + id + "/restore").then().statusCode(200);
    Api.asAdmin()
        .body(Map.of("name", "恢复后" + r))
        .post("/api/v1/leads")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("custom." + region));
    Api.asAdmin().delete("/api/v1/custom-fields/" + id).then().statusCode(204);
  }

  @Test
  void definitionsAreCheckedAndKeptByAdministrators() {
    String r = run();
    Api.as("rep.zhang")
        .body(definition("customer", "nope" + r, "TEXT"))
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(403);
    Api.as("rep.zhang")
        .queryParam("filter", "resource==customer")
        .get("/api/v1/custom-fields")
        .then()
        .statusCode(200);
    Map<String, Object> noDictionary = definition("customer", "pick" + r, "SELECT");
    Api.asAdmin()
        .body(noDictionary)
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("dictionary"));
    Map<String, Object> badPattern = definition("customer", "pat" + r, "NUMBER");
    badPattern.put("pattern", "[");
    badPattern.put("unique", true);
    Api.asAdmin()
        .body(badPattern)
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("pattern"));
    Api.asAdmin()
        .body(definition("employee", "x" + r, "TEXT"))
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("resource"))
        .body("errors[0].message", containsString("customer"));
    Api.asAdmin()
        .body(definition("customer", "Bad-Key", "TEXT"))
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("key"));

    Map<String, Object> ref = definition("opportunity", "partner" + r, "REFERENCE");
    ref.put("referenceResource", "contact");
    String id = define(ref);
    Api.asAdmin()
        .header("If-Match", "W/\"0\"")
        .body(Map.of("type", "TEXT"))
        .patch("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("type"))
        .body("errors[0].code", equalTo("immutable"));
    Api.asAdmin()
        .body(Map.of("labelZh", "合作伙伴"))
        .patch("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(200)
        .body("labelZh", equalTo("合作伙伴"))
        .body("version", equalTo(1));
    Api.asAdmin()
        .body(ref)
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(409)
        .body("detail", containsString("key"));
    // A reference must name a live record of its resource.
    Api.asAdmin()
        .body(
            Map.of(
                "name",
                "引用商机" + r,
                "customerId",
                customer(r),
                "amount",
                100,
                "custom",
                Map.of("partner" + r, UUID.randomUUID().toString())))
        .post("/api/v1/opportunities")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("not-found"));
    // GraphQL defines and lists them too; a rep may not define one.
    String gql =
        "mutation($in: CustomFieldInput!) { createCustomField(input: $in) { id path type } }";
    Map<String, Object> flag = definition("product", "eco" + r, "BOOLEAN");
    Api.as("rep.zhang")
        .body(Map.of("query", gql, "variables", Map.of("in", flag)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("forbidden"));
    Api.asAdmin()
        .body(Map.of("query", gql, "variables", Map.of("in", flag)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.createCustomField.path", equalTo("custom.eco" + r));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ customFields(filter: \"resource==product;key==eco"
                    + r
                    + "\") { edges { node { type } } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.customFields.edges.node.type", equalTo(List.of("BOOLEAN")));
    Api.asAdmin()
        .get("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(200)
        .body("path", equalTo("custom.partner" + r))
        .body("referenceResource", equalTo("contact"))
        .body("createdAt", notNullValue());
  }

  @Test
  void uniquenessCanBeTurnedOnOnlyWhenLiveRecordsAllowItAndOffAgain() {
    String r = run();
    String seat = "seat" + r;
    String id = define(definition("customer", seat, "TEXT"));
    String first =
        createCustomer("唯一开关甲" + r, Map.of(seat, "S-1"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    createCustomer("唯一开关乙" + r, Map.of(seat, "S-1")).then().statusCode(201);
    Api.asAdmin()
        .body(Map.of("unique", true))
        .patch("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(409)
        .body("detail", containsString("S-1"));
    Api.asAdmin()
        .body(Map.of("custom", Map.of(seat, "S-2")))
        .patch("/api/v1/customers/" + first)
        .then()
        .statusCode(200);
    Api.asAdmin()
        .body(Map.of("unique", true))
        .patch("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(200)
        .body("unique", equalTo(true));
    createCustomer("唯一开关丙" + r, Map.of(seat, "S-2")).then().statusCode(409);
    Api.asAdmin()
        .body(Map.of("unique", false))
        .patch("/api/v1/custom-fields/" + id)
        .then()
        .statusCode(200);
    createCustomer("唯一开关丙" + r, Map.of(seat, "S-2")).then().statusCode(201);
  }

  private static String customer(String r) {
    return Api.asAdmin()
        .body(Map.of("name", "引用客户" + r))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
