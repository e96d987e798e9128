package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Function permissions are stored per role, edited by administrators, effective at once. */
@QuarkusTest
class RoleResourceTest {

  @Test
  void meListsTheCallersEffectivePermissions() {
    Api.as("rep.zhang")
        .get("/api/v1/me")
        .then()
        .body("permissions", hasItem("customer:create"))
        .body("permissions", hasItem("department:read"))
        .body("permissions", not(hasItem("customer:erase")))
        .body("permissions", not(hasItem("department:create")));
    Api.as("analyst.liu")
        .get("/api/v1/me")
        .then()
        .body("permissions", hasItem("customer:export"))
        .body("permissions", not(hasItem("customer:update")));
    Api.asAdmin().get("/api/v1/me").then().body("permissions", hasItem("customer:erase"));
  }

  @Test
  void administratorsChangeARoleAndTheNextRequestObeys() {
    List<String> original =
        Api.asAdmin()
            .get("/api/v1/roles/marketing")
            .then()
            .statusCode(200)
            .body("permissions", hasItem("customer:create"))
            .extract()
            .path("permissions");
    Api.as("marketing.zhao")
        .body(Map.of("name", "市场部客户"))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    try {
      List<String> reduced = original.stream().filter(p -> !p.equals("customer:create")).toList();
      Api.asAdmin()
          .body(Map.of("permissions", reduced))
          .put("/api/v1/roles/marketing/permissions")
          .then()
          .statusCode(200)
          .body("permissions", not(hasItem("customer:create")));
      Api.as("marketing.zhao")
          .body(Map.of("name", "市场部客户二"))
          .post("/api/v1/customers")
          .then()
          .statusCode(403)
          .body("type", equalTo("/problems/forbidden"));
    } finally {
      Api.asAdmin()
          .body(Map.of("permissions", original))
          .put("/api/v1/roles/marketing/permissions")
          .then()
          .statusCode(200);
    }
    Api.as("marketing.zhao")
        .body(Map.of("name", "市场部客户三"))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }

  @Test
  void badRequestsAreRefused() {
    Api.as("rep.zhang").get("/api/v1/roles").then().statusCode(403);
    Api.as("manager.wang")
        .body(Map.of("permissions", List.of("customer:read")))
        .put("/api/v1/roles/sales-rep/permissions")
        .then()
        .statusCode(403);
    Api.asAdmin()
        .body(Map.of("permissions", List.of("customer:fly")))
        .put("/api/v1/roles/sales-rep/permissions")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-permission"));
    Api.asAdmin()
        .body(Map.of("permissions", List.of()))
        .put("/api/v1/roles/crm-admin/permissions")
        .then()
        .statusCode(409);
    Api.asAdmin().get("/api/v1/roles/pilot").then().statusCode(404);
    Api.asAdmin()
        .get("/api/v1/roles")
        .then()
        .statusCode(200)
        .body("data.role", hasItem("integration"));
  }
}
