package dev.headlesscrm.platform.metadata;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A frontend that knows nothing of our resources but GET /api/v1/metadata builds a create form, an
 * edit form and a list view for three of them, and they work: the create is accepted, the edit
 * changes the field, the list sorts and filters by what metadata offered.
 */
@QuarkusTest
class MetadataFormsTest {

  private static final String USER = "rep.zhang";

  @ParameterizedTest
  @ValueSource(strings = {"customer", "contact", "lead"})
  void createEditAndListFormsBuiltFromMetadataAloneWork(String resource) {
    JsonPath meta =
        Api.as(USER)
            .get("/api/v1/metadata/" + resource)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String path = meta.getString("path");
    List<Map<String, Object>> fields = meta.getList("fields");

    // Create form: every required writable field, every dictionary field from its options.
    Map<String, Object> body = new LinkedHashMap<>();
    for (Map<String, Object> f : fields) {
      boolean writable = Boolean.TRUE.equals(f.get("writable"));
      if (writable && (Boolean.TRUE.equals(f.get("required")) || f.get("dictionary") != null)) {
        body.put((String) f.get("name"), valueFor(f, "建"));
      }
    }
    assertFalse(body.isEmpty(), "metadata names no required field for " + resource);
    String id = Api.as(USER).body(body).post(path).then().statusCode(201).extract().path("id");

    // Edit form: the first free-text field the caller may write, changed.
    Map<String, Object> text =
        fields.stream()
            .filter(f -> Boolean.TRUE.equals(f.get("writable")))
            .filter(f -> "string".equals(f.get("type")))
            .filter(f -> f.get("pattern") == null && f.get("dictionary") == null)
            .filter(f -> f.get("format") == null && f.get("relation") == null)
            .findFirst()
            .orElseThrow();
    Object edited = valueFor(text, "改");
    Api.as(USER)
        .body(Map.of(text.get("name"), edited))
        .patch(path + "/" + id)
        .then()
        .statusCode(200)
        .body((String) text.get("name"), equalTo(edited));
    body.put((String) text.get("name"), edited);

    // List view: columns are the visible fields; sort by a sortable one, filter by a filterable
    // free-text field with its current value.
    List<String> columns =
        fields.stream()
            .filter(f -> Boolean.TRUE.equals(f.get("visible")))
            .map(f -> (String) f.get("name"))
            .toList();
    String sortBy = meta.getList("sortable", String.class).get(0);
    Map<String, Object> filterable =
        fields.stream()
            .filter(f -> Boolean.TRUE.equals(f.get("filterable")))
            .filter(f -> "string".equals(f.get("type")) && body.containsKey(f.get("name")))
            .findFirst()
            .orElseThrow();
    JsonPath list =
        Api.as(USER)
            .queryParam("sort", "-" + sortBy)
            .queryParam(
                "filter", filterable.get("name") + "==\"" + body.get(filterable.get("name")) + "\"")
            .queryParam("fields", String.join(",", columns))
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(id), list.getList("data.id"));
  }

  @Test
  void whatTheCallerMaySeeAndWriteIsTheirs() {
    JsonPath rep = Api.as("rep.zhang").get("/api/v1/metadata/customer").jsonPath();
    JsonPath manager = Api.as("manager.wang").get("/api/v1/metadata/customer").jsonPath();
    assertEquals(false, field(rep, "creditLimit").get("visible"));
    assertEquals(false, field(rep, "creditLimit").get("writable"));
    assertEquals(true, field(manager, "creditLimit").get("visible"));
    assertEquals(true, field(manager, "creditLimit").get("writable"));
    assertEquals("decimal", field(manager, "creditLimit").get("type"));

    Map<String, Object> name = field(rep, "name");
    assertEquals(true, name.get("required"));
    assertEquals(200, name.get("maxLength"));
    assertEquals(true, field(rep, "id").get("readOnly"));
    assertEquals(false, field(rep, "id").get("writable"));
    assertEquals("customer", field(rep, "parentId").get("relation"));
    assertEquals("customer-level", field(rep, "level").get("dictionary"));
    assertFalse(((List<?>) field(rep, "level").get("options")).isEmpty());
    assertEquals("enum", field(rep, "lifecycleStage").get("type"));
    // Nested records are described field by field, with their own validation.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> finance =
        (List<Map<String, Object>>) field(manager, "finance").get("fields");
    Map<String, Object> phone =
        finance.stream().filter(f -> "phone".equals(f.get("name"))).findFirst().orElseThrow();
    assertEquals(40, phone.get("maxLength"));
    assertNotNull(phone.get("pattern"));

    // Sensitive contact fields: a rep holds contact:view_sensitive, an analyst does not.
    assertEquals(
        true,
        field(Api.as("rep.zhang").get("/api/v1/metadata/contact").jsonPath(), "birthday")
            .get("visible"));
    Map<String, Object> birthday =
        field(Api.as("analyst.liu").get("/api/v1/metadata/contact").jsonPath(), "birthday");
    assertEquals(true, birthday.get("sensitive"));
    assertEquals(false, birthday.get("visible"));
  }

  @Test
  void labelsFollowTheLanguageAndTheAnswerIsCached() {
    Api.as(USER)
        .header("Accept-Language", "zh-CN")
        .get("/api/v1/metadata/customer")
        .then()
        .statusCode(200)
        .body("fields.find { it.name == 'name' }.label", equalTo("客户名称"));
    String etag =
        Api.as(USER)
            .header("Accept-Language", "en")
            .get("/api/v1/metadata/customer")
            .then()
            .statusCode(200)
            .body("fields.find { it.name == 'creditLimit' }.label", equalTo("Credit limit"))
            .extract()
            .header("ETag");
    assertNotNull(etag);
    Api.as(USER)
        .header("Accept-Language", "en")
        .header("If-None-Match", etag)
        .get("/api/v1/metadata/customer")
        .then()
        .statusCode(304);
    // Another caller's permissions make another answer.
    String managers =
        Api.as("manager.wang")
            .header("Accept-Language", "en")
            .get("/api/v1/metadata/customer")
            .then()
            .extract()
            .header("ETag");
    assertFalse(etag.equals(managers));
    Api.as(USER).get("/api/v1/metadata/no-such-thing").then().statusCode(404);
    Api.as(USER)
        .get("/api/v1/metadata")
        .then()
        .statusCode(200)
        .body("data.name", hasItem("customer"))
        .body("data.find { it.name == 'contact' }.path", equalTo("/api/v1/contacts"));
  }

  @Test
  void graphQlAnswersTheSameMetadata() {
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ metadata(resource: \"customer\") { name path fields { name type required"
                    + " visible writable dictionary options { value active } } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", org.hamcrest.Matchers.nullValue())
        .body("data.metadata.path", equalTo("/api/v1/customers"))
        .body("data.metadata.fields.find { it.name == 'creditLimit' }.visible", equalTo(false))
        .body("data.metadata.fields.find { it.name == 'name' }.required", equalTo(true))
        .body(
            "data.metadata.fields.find { it.name == 'level' }.dictionary",
            equalTo("customer-level"));
    Api.as("rep.zhang")
        .body(Map.of("query", "{ metadata(resource: \"nothing\") { name } }"))
        .post("/graphql")
        .then()
        .body("errors[0].extensions.status", equalTo(404));
  }

  private static Map<String, Object> field(JsonPath meta, String name) {
    List<Map<String, Object>> fields = meta.getList("fields");
    return fields.stream().filter(f -> name.equals(f.get("name"))).findFirst().orElseThrow();
  }

  /** What a generic form fills into a field, from its metadata only. */
  @SuppressWarnings("unchecked")
  private static Object valueFor(Map<String, Object> f, String prefix) {
    List<Map<String, Object>> options = (List<Map<String, Object>>) f.get("options");
    if (options != null && !options.isEmpty()) {
      return options.stream()
          .filter(o -> Boolean.TRUE.equals(o.get("active")))
          .findFirst()
          .orElseThrow()
          .get("value");
    }
    if (f.get("relation") != null) {
      String target = (String) f.get("relation");
      String targetPath =
          Api.as(USER)
              .get("/api/v1/metadata/" + target)
              .then()
              .statusCode(200)
              .extract()
              .path("path");
      String related =
          Api.as(USER).queryParam("limit", 1).get(targetPath).then().extract().path("data[0].id");
      assertNotNull(related, "no " + target + " to pick for " + f.get("name"));
      return related;
    }
    return switch ((String) f.get("type")) {
      case "integer", "decimal" -> f.get("minimum") == null ? 1 : f.get("minimum");
      case "boolean" -> true;
      case "date" -> "2026-01-01";
      default -> {
        String s = prefix + "表单" + UUID.randomUUID().toString().substring(0, 8);
        Integer max = (Integer) f.get("maxLength");
        assertTrue(max == null || max >= 4);
        yield max != null && s.length() > max ? s.substring(0, max) : s;
      }
    };
  }
}
