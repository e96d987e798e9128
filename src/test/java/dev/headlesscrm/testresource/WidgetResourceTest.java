package dev.headlesscrm.testresource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.security.DefaultGrants;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resource declared only in the test sources gets the whole platform with no line of its own for
 * it: REST with ETags and history, lists, export, GraphQL, metadata, custom fields, permissions and
 * the contracts — and its declaration stays within the budget a new resource is promised.
 */
@QuarkusTest
@TestProfile(WidgetProfile.class)
class WidgetResourceTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  @Inject DefaultGrants defaults;

  /**
   * No migration grants widgets: the roles got the declaration's defaults when this service first
   * started on the database, once, so an administrator's revocation survives the next start.
   */
  @Test
  void default_grants_come_from_the_declaration_once() {
    List<String> rep = Api.permissions("sales-rep");
    assertTrue(
        rep.containsAll(
            List.of("widget:read", "widget:create", "widget:restore", "widget:transfer")),
        rep.toString());
    List<String> analyst = Api.permissions("analyst");
    assertTrue(analyst.contains("widget:read"), analyst.toString());
    assertTrue(!analyst.contains("widget:create"), analyst.toString());
    Api.permissions("sales-rep", rep.stream().filter(p -> !p.equals("widget:restore")).toList());
    try {
      assertEquals(List.of(), defaults.apply(), "applied once per database, not per start");
      assertTrue(!Api.permissions("sales-rep").contains("widget:restore"));
    } finally {
      Api.permissions("sales-rep", rep);
    }
  }

  @Test
  void the_declaration_is_within_150_lines_of_java() throws IOException {
    // Counted as cloc counts code: neither blank lines nor comments.
    Path dir = Path.of("src/test/java/dev/headlesscrm/testresource");
    long lines = 0;
    for (String file :
        List.of("Widget.java", "WidgetView.java", "WidgetInput.java", "Widgets.java")) {
      lines +=
          Files.readAllLines(dir.resolve(file)).stream()
              .map(String::strip)
              .filter(l -> !l.isEmpty() && !l.startsWith("*") && !l.startsWith("/*"))
              .filter(l -> !l.startsWith("//"))
              .count();
    }
    assertTrue(lines <= 150, "non-blank lines: " + lines);
  }

  @Test
  void rest_life_of_a_record_lists_export_and_history() {
    String code = Api.uniqueCode("W");
    Response created =
        Api.as("rep.zhang")
            .body(Map.of("code", code, "name", "齿轮", "quantity", 7, "price", "12.50"))
            .post("/api/v1/widgets");
    created.then().statusCode(201).header("Location", containsString("/api/v1/widgets/"));
    String id = created.path("id");
    assertEquals("DRAFT", created.path("status"), "the resource's one rule");
    assertEquals(ZHANG, created.path("ownerId"), "owned by its creator");
    String etag = created.header("ETag");

    Api.as("rep.zhang")
        .header("If-Match", etag)
        .contentType("application/merge-patch+json")
        .body(Map.of("quantity", 9))
        .patch("/api/v1/widgets/" + id)
        .then()
        .statusCode(200)
        .body("quantity", equalTo(9))
        .body("name", equalTo("齿轮"));
    Api.as("rep.zhang")
        .header("If-Match", etag)
        .contentType("application/merge-patch+json")
        .body(Map.of("quantity", 1))
        .patch("/api/v1/widgets/" + id)
        .then()
        .statusCode(412);
    Api.as("rep.zhang")
        .body(Map.of("code", code + "X"))
        .post("/api/v1/widgets")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("name"));

    Api.as("rep.zhang")
        .queryParam("filter", "code==" + code + ";quantity=gt=8")
        .queryParam("sort", "-price")
        .get("/api/v1/widgets")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(id)));
    Api.as("rep.zhang")
        .queryParam("filter", "quantity=gt=8;quantity=lt=9")
        .get("/api/v1/widgets")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    String csv =
        Api.as("rep.zhang")
            .queryParam("filter", "code==" + code)
            .get("/api/v1/widgets/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(csv.contains(code) && csv.contains("齿轮"), csv);
    Api.as("rep.chen").get("/api/v1/widgets/" + id).then().statusCode(404);

    Api.as("rep.zhang").delete("/api/v1/widgets/" + id).then().statusCode(204);
    Api.as("rep.zhang").post("/api/v1/widgets/" + id + "/restore").then().statusCode(200);
    List<String> history =
        Api.as("rep.zhang")
            .get("/api/v1/widgets/" + id + "/history")
            .jsonPath()
            .getList("data.action");
    assertTrue(history.size() >= 4, "create, update, delete, restore: " + history);
  }

  @Test
  void permissions_follow_the_roles_grants() {
    Api.as("analyst.liu").get("/api/v1/widgets").then().statusCode(200);
    Api.as("analyst.liu")
        .body(Map.of("code", Api.uniqueCode("W"), "name", "不许"))
        .post("/api/v1/widgets")
        .then()
        .statusCode(403);
    Api.as("rep.zhang").get("/api/v1/me").then().body("permissions", hasItem("widget:create"));
  }

  @Test
  void graphql_twins_are_derived_with_their_types() {
    String code = Api.uniqueCode("W");
    JsonPath created =
        graphQlData(
            "mutation($in: WidgetInput!) { createWidget(input: $in) { id version status quantity } }",
            Map.of("in", Map.of("code", code, "name", "链条", "quantity", 3)));
    String id = created.getString("data.createWidget.id");
    assertEquals("DRAFT", created.getString("data.createWidget.status"), created.prettify());
    JsonPath updated =
        graphQlData(
            "mutation($id: ID!, $code: String!, $v: BigInteger) { updateWidget(id: $id, input:"
                + " {code: $code, name: \"链条\", quantity: 4}, expectedVersion: $v) { quantity version } }",
            Map.of("id", id, "code", code, "v", created.getLong("data.createWidget.version")));
    assertEquals(4, updated.getInt("data.updateWidget.quantity"), updated.prettify());
    JsonPath stale =
        graphQl(
            "mutation($id: ID!, $code: String!) { updateWidget(id: $id, input: {code: $code, name:"
                + " \"链条\", quantity: 5}, expectedVersion: 0) { quantity } }",
            Map.of("id", id, "code", code));
    assertEquals(
        "precondition-failed", stale.getString("errors[0].extensions.code"), stale.prettify());
    JsonPath listed =
        graphQlData(
            "query($f: String) { widgets(filter: $f, count: true) { totalCount edges { node { id"
                + " code owner: ownerId } } } }",
            Map.of("f", "code==" + code));
    assertEquals(1, listed.getInt("data.widgets.totalCount"), listed.prettify());
    assertEquals(id, listed.getString("data.widgets.edges[0].node.id"));
  }

  @Test
  void metadata_custom_fields_and_contract_include_it() {
    JsonPath meta = Api.as("rep.zhang").get("/api/v1/metadata/widget").jsonPath();
    Map<String, Object> quantity =
        meta.getList("fields", Map.class).stream()
            .filter(f -> "quantity".equals(f.get("name")))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "数量",
        Api.as("rep.zhang")
            .header("Accept-Language", "zh-CN")
            .get("/api/v1/metadata/widget")
            .jsonPath()
            .getString("fields.find { it.name == 'quantity' }.label"));
    assertEquals(true, quantity.get("filterable"));

    String key = "w" + Api.uniqueCode("").toLowerCase().replaceAll("[^a-z0-9]", "");
    String field =
        Api.asAdmin()
            .body(Map.of("resource", "widget", "key", key, "type", "NUMBER", "labelZh", "重量"))
            .post("/api/v1/custom-fields")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      Api.as("rep.zhang")
          .body(Map.of("code", Api.uniqueCode("W"), "name", "重", "custom", Map.of(key, "abc")))
          .post("/api/v1/widgets")
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("custom." + key));
      String code = Api.uniqueCode("W");
      Api.as("rep.zhang")
          .body(Map.of("code", code, "name", "重", "custom", Map.of(key, "12.5")))
          .post("/api/v1/widgets")
          .then()
          .statusCode(201);
      Api.as("rep.zhang")
          .queryParam("filter", "custom." + key + "=gt=10")
          .get("/api/v1/widgets")
          .then()
          .statusCode(200)
          .body("data.code", equalTo(List.of(code)));
    } finally {
      Api.asAdmin().delete("/api/v1/custom-fields/" + field).then().statusCode(204);
    }

    JsonPath openApi =
        io.restassured.RestAssured.given()
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(openApi.get("paths.'/api/v1/widgets'.post.operationId") != null);
    assertEquals(
        Integer.valueOf(40),
        openApi.get("components.schemas.WidgetInput.properties.code.maxLength"),
        () ->
            openApi.getMap("paths.'/api/v1/widgets'.post.requestBody")
                + " / "
                + openApi.getMap("components.schemas").keySet().stream()
                    .map(String::valueOf)
                    .filter(k -> k.contains("idget"))
                    .toList());
  }

  private static JsonPath graphQl(String query, Map<String, Object> variables) {
    return Api.as("rep.zhang")
        .body(Map.of("query", query, "variables", variables))
        .post("/graphql")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath graphQlData(String query, Map<String, Object> variables) {
    JsonPath result = graphQl(query, variables);
    Object errors = result.get("errors");
    assertTrue(errors == null, result.prettify());
    return result;
  }
}
