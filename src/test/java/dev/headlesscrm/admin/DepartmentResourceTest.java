package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Departments over REST: the platform's write rules proven on the first resource. */
@QuarkusTest
class DepartmentResourceTest {

  static String create(String code, String parentId) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("code", code);
    body.put("name", "部门 " + code);
    body.put("kind", "OFFICE");
    body.put("parentId", parentId);
    return Api.asAdmin()
        .body(body)
        .post("/api/v1/departments")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void adminCreatesWithLocationAndEtagAndAuditFields() {
    String code = Api.uniqueCode("D");
    Response created =
        Api.asAdmin()
            .body(
                Map.of("code", code, "name", "上海办事处", "kind", "OFFICE", "parentId", Api.SALES_EAST))
            .post("/api/v1/departments");
    created
        .then()
        .statusCode(201)
        .header("ETag", equalTo("W/\"0\""))
        .body("code", equalTo(code))
        .body("name", equalTo("上海办事处"))
        .body("parentId", equalTo(Api.SALES_EAST))
        .body("sortOrder", equalTo(0))
        .body("version", equalTo(0))
        .body("createdBy", equalTo("0193a000-0000-7000-8000-0000000000e1"))
        .body("createdAt", notNullValue());
    String id = created.path("id");
    assertTrue(created.header("Location").endsWith("/api/v1/departments/" + id));
    assertEquals('7', id.charAt(14), "ids are UUID v7");

    Api.as("rep.zhang")
        .get("/api/v1/departments/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("W/\"0\""))
        .body("name", equalTo("上海办事处"));
  }

  @Test
  void ifNoneMatchAnswers304() {
    String id = create(Api.uniqueCode("D"), null);
    Api.as("rep.zhang")
        .header("If-None-Match", "W/\"0\"")
        .get("/api/v1/departments/" + id)
        .then()
        .statusCode(304);
  }

  @Test
  void mergePatchChangesOnlyGivenFieldsAndBumpsVersion() {
    String id = create(Api.uniqueCode("D"), Api.HQ);
    Api.asAdmin()
        .contentType("application/merge-patch+json; charset=UTF-8")
        .header("If-Match", "W/\"0\"")
        .body("{\"name\":\"北京分公司\",\"parentId\":null}")
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("W/\"1\""))
        .body("name", equalTo("北京分公司"))
        .body("parentId", equalTo(null))
        .body("kind", equalTo("OFFICE"))
        .body("version", equalTo(1));
  }

  @Test
  void staleIfMatchIs412AndChangesNothing() {
    String id = create(Api.uniqueCode("D"), null);
    Api.asAdmin()
        .body("{\"name\":\"first\"}")
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200);
    Api.asAdmin()
        .header("If-Match", "W/\"0\"")
        .body("{\"name\":\"second\"}")
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/precondition-failed"));
    Api.asAdmin().get("/api/v1/departments/" + id).then().body("name", equalTo("first"));
  }

  @Test
  void unknownAndReadOnlyFieldsAreRejected() {
    String id = create(Api.uniqueCode("D"), null);
    Api.asAdmin()
        .body("{\"name\":\"x\",\"colour\":\"red\",\"version\":99,\"createdBy\":\"someone\"}")
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/validation"))
        .body("errors.field", containsInAnyOrder("colour", "version", "createdBy"))
        .body("errors.code", containsInAnyOrder("unknown-field", "read-only", "read-only"));
    Api.asAdmin().get("/api/v1/departments/" + id).then().body("version", equalTo(0));
    // A read-only field repeated with its current value is harmless (clients echo records back).
    Api.asAdmin()
        .body("{\"name\":\"y\",\"version\":0,\"id\":\"" + id + "\"}")
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("y"));
    Api.asAdmin()
        .body(Map.of("code", Api.uniqueCode("D"), "name", "n", "kind", "OFFICE", "id", id))
        .post("/api/v1/departments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("id"))
        .body("errors[0].code", equalTo("unknown-field"));
  }

  @Test
  void validationListsEveryFailingField() {
    Api.asAdmin()
        .header("Accept-Language", "en")
        .body("{\"code\":\"\",\"name\":\" \",\"sortOrder\":-1}")
        .post("/api/v1/departments")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("code"))
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("kind"))
        .body("errors.field", hasItem("sortOrder"));
  }

  @Test
  void wrongTypesAndBadJsonAreProblems() {
    Api.asAdmin()
        .body("{\"code\":\"X1\",\"name\":\"n\",\"kind\":\"CASTLE\"}")
        .post("/api/v1/departments")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("kind"));
    Api.asAdmin()
        .body("{\"code\": ")
        .post("/api/v1/departments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"));
    Api.asAdmin()
        .contentType("text/plain")
        .body("hello")
        .post("/api/v1/departments")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void duplicateCodeIsAConflictWhateverTheCase() {
    String code = Api.uniqueCode("D");
    create(code, null);
    Api.asAdmin()
        .body(Map.of("code", code.toLowerCase(), "name", "again", "kind", "OFFICE"))
        .post("/api/v1/departments")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"))
        .body("detail", equalTo("A department with this code already exists."));
  }

  @Test
  void treeCannotContainACycle() {
    String top = create(Api.uniqueCode("D"), null);
    String middle = create(Api.uniqueCode("D"), top);
    String bottom = create(Api.uniqueCode("D"), middle);
    Api.asAdmin()
        .body(Map.of("parentId", bottom))
        .patch("/api/v1/departments/" + top)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"))
        .body("errors[0].code", equalTo("cycle"));
    Api.asAdmin()
        .body(Map.of("parentId", top))
        .patch("/api/v1/departments/" + top)
        .then()
        .statusCode(422);
    Api.asAdmin()
        .body(Map.of("parentId", "0193a000-0000-7000-8000-00000000ffff"))
        .patch("/api/v1/departments/" + top)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("not-found"));
  }

  @Test
  void deleteIsSoftRestrictedAndGuarded() {
    String parent = create(Api.uniqueCode("D"), null);
    String child = create(Api.uniqueCode("D"), parent);
    Api.asAdmin()
        .delete("/api/v1/departments/" + parent)
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
    Api.asAdmin()
        .header("If-Match", "W/\"5\"")
        .delete("/api/v1/departments/" + child)
        .then()
        .statusCode(412);
    Api.asAdmin()
        .header("If-Match", "W/\"0\"")
        .delete("/api/v1/departments/" + child)
        .then()
        .statusCode(204);
    Api.asAdmin().get("/api/v1/departments/" + child).then().statusCode(404);
    Api.asAdmin().delete("/api/v1/departments/" + parent).then().statusCode(204);
    Api.asAdmin()
        .get("/api/v1/departments/" + parent)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void onlyAdministratorsWrite() {
    Api.as("manager.wang")
        .body(Map.of("code", Api.uniqueCode("D"), "name", "n", "kind", "OFFICE"))
        .post("/api/v1/departments")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/forbidden"));
    Api.asIntegration()
        .body("{\"name\":\"hijack\"}")
        .patch("/api/v1/departments/" + Api.SALES_EAST)
        .then()
        .statusCode(403);
    Api.as("rep.zhang").delete("/api/v1/departments/" + Api.SALES_EAST).then().statusCode(403);
    Api.as("rep.zhang").get("/api/v1/departments/" + Api.SALES_EAST).then().statusCode(200);
  }

  @Test
  void keysetPagingVisitsEveryRowOnce() {
    for (int i = 0; i < 7; i++) {
      create(Api.uniqueCode("P"), null);
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = Api.as("analyst.liu").queryParam("limit", 3);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/departments");
      page.then().statusCode(200).body("page.limit", equalTo(3));
      seen.addAll(page.path("data.id"));
      cursor = page.path("page.nextCursor");
      assertEquals(cursor != null, (boolean) page.path("page.hasMore"));
      pages++;
    } while (cursor != null && pages < 1000);
    Set<String> unique = new HashSet<>(seen);
    assertEquals(seen.size(), unique.size(), "no row twice");
    assertTrue(unique.contains(Api.SALES_EAST) && seen.size() >= 12);
  }

  @Test
  void badPagingParametersAre400() {
    Api.as("rep.zhang")
        .queryParam("limit", 501)
        .get("/api/v1/departments")
        .then()
        .statusCode(400)
        .body("type", equalTo("/problems/malformed"));
    Api.as("rep.zhang")
        .queryParam("cursor", "garbage!")
        .get("/api/v1/departments")
        .then()
        .statusCode(400)
        .body("detail", endsWith("start again without it."));
  }
}
