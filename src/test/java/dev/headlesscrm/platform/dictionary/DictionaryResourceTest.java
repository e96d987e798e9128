package dev.headlesscrm.platform.dictionary;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients read the value lists that coded customer fields accept. */
@QuarkusTest
class DictionaryResourceTest {

  @Test
  void kindsAndEntriesInOrder() {
    Api.as("rep.zhang")
        .get("/api/v1/dictionaries")
        .then()
        .statusCode(200)
        .body("level", equalTo("customer-level"))
        .body("creditRating", equalTo("credit-rating"));
    Api.as("rep.zhang")
        .header("Accept-Language", "zh-CN")
        .get("/api/v1/dictionaries/customer-level")
        .then()
        .statusCode(200)
        .body(
            "data.findAll { it.code in ['A', 'B', 'C', 'D'] }.code",
            equalTo(List.of("A", "B", "C", "D")))
        .body("data.find { it.code == 'A' }.nameZh", equalTo("A 级（重点）"));
    Api.as("rep.zhang")
        .get("/api/v1/dictionaries/industry")
        .then()
        .body("data.code", hasItem("MANUFACTURING"));
    Api.as("rep.zhang")
        .get("/api/v1/dictionaries/shoe-size")
        .then()
        .statusCode(404)
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void administratorsAddAndDeactivateEntriesAndWritesFollow() {
    String code = "L" + System.nanoTime() % 100000;
    Api.as("rep.zhang")
        .body(java.util.Map.of("nameZh", "新级别", "nameEn", "New level"))
        .put("/api/v1/dictionaries/customer-level/" + code)
        .then()
        .statusCode(403);
    Api.asAdmin()
        .body(java.util.Map.of("nameZh", "新级别", "nameEn", "New level", "sortOrder", 9))
        .put("/api/v1/dictionaries/customer-level/" + code)
        .then()
        .statusCode(200)
        .body("code", equalTo(code))
        .body("active", equalTo(true));
    Api.as("rep.zhang")
        .body(java.util.Map.of("name", "新级别客户", "level", code))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    Api.asAdmin()
        .body(java.util.Map.of("nameZh", "新级别", "nameEn", "New level", "active", false))
        .put("/api/v1/dictionaries/customer-level/" + code)
        .then()
        .statusCode(200)
        .body("active", equalTo(false));
    Api.as("rep.zhang")
        .body(java.util.Map.of("name", "停用级别客户", "level", code))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("dictionary"));
    Api.asAdmin()
        .body(java.util.Map.of("nameZh", "x", "nameEn", "x"))
        .put("/api/v1/dictionaries/customer-level/bad code")
        .then()
        .statusCode(422);
  }
}
