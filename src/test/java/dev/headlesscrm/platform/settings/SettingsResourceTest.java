package dev.headlesscrm.platform.settings;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** System parameters: typed, validated, audited, readable by all, written by administrators. */
@QuarkusTest
class SettingsResourceTest {

  @Test
  void everyoneReadsDefaultsAndOnlyAdministratorsWrite() {
    Api.as("rep.zhang")
        .get("/api/v1/settings")
        .then()
        .statusCode(200)
        .body("data.key", hasItem("receivable-reminder-days"))
        .body("data.find { it.key == 'default-currency' }.defaultValue", equalTo("CNY"));
    Api.as("rep.zhang")
        .body(Map.of("value", 10))
        .put("/api/v1/settings/birthday-reminder-days")
        .then()
        .statusCode(403);
    Api.asIntegration().get("/api/v1/settings/birthday-reminder-days").then().statusCode(200);
  }

  @Test
  void valuesAreValidatedAndChangesAudited() {
    Api.asAdmin()
        .body(Map.of("value", 400))
        .put("/api/v1/settings/receivable-reminder-days")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("value"));
    Api.asAdmin()
        .body(Map.of("value", "soon"))
        .put("/api/v1/settings/receivable-reminder-days")
        .then()
        .statusCode(422);
    Api.asAdmin()
        .body(Map.of("value", "not-an-email"))
        .put("/api/v1/settings/admin-email")
        .then()
        .statusCode(422);
    Api.asAdmin()
        .body(Map.of("value", 3, "extra", 1))
        .put("/api/v1/settings/receivable-reminder-days")
        .then()
        .statusCode(400);
    Api.asAdmin().get("/api/v1/settings/no-such-setting").then().statusCode(404);
    int current =
        Api.asAdmin()
            .get("/api/v1/settings/receivable-reminder-days")
            .then()
            .extract()
            .path("value");
    int next = current == 14 ? 15 : 14;
    Api.asAdmin()
        .body(Map.of("value", next))
        .put("/api/v1/settings/receivable-reminder-days")
        .then()
        .statusCode(200)
        .body("value", equalTo(next))
        .body("updatedBy", equalTo("0193a000-0000-7000-8000-0000000000e1"));
    Api.as("analyst.liu")
        .get("/api/v1/settings/receivable-reminder-days")
        .then()
        .body("value", equalTo(next));
    Api.asAdmin()
        .header("If-Match", "W/\"0\"")
        .body(Map.of("value", 1))
        .put("/api/v1/settings/receivable-reminder-days")
        .then()
        .statusCode(412);
  }

  @Test
  void requireIfMatchTakesEffectOnTheNextRequest() {
    String id =
        Api.asAdmin()
            .body(Map.of("code", Api.uniqueCode("S"), "name", "设置测试部", "kind", "OFFICE"))
            .post("/api/v1/departments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      Api.asAdmin()
          .body(Map.of("value", true))
          .put("/api/v1/settings/require-if-match")
          .then()
          .statusCode(200);
      Api.asAdmin()
          .body(Map.of("name", "无前置条件"))
          .patch("/api/v1/departments/" + id)
          .then()
          .statusCode(428)
          .body("type", equalTo("/problems/precondition-required"));
      Api.asAdmin()
          .header("If-Match", "W/\"0\"")
          .body(Map.of("name", "有前置条件"))
          .patch("/api/v1/departments/" + id)
          .then()
          .statusCode(200);
    } finally {
      // While If-Match is required, changing the setting back needs one too.
      Api.asAdmin()
          .header("If-Match", "*")
          .body(Map.of("value", false))
          .put("/api/v1/settings/require-if-match")
          .then()
          .statusCode(200);
    }
    Api.asAdmin()
        .body(Map.of("name", "又可以了"))
        .patch("/api/v1/departments/" + id)
        .then()
        .statusCode(200);
  }
}
