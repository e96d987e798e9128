package dev.headlesscrm.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A query, path or header parameter that is not of its type is a 400 problem naming the parameter,
 * on every route (not JAX-RS's bare 404 or 400), and changes nothing.
 */
@QuarkusTest
class ParameterProblemsTest {

  private static void refusedNaming(Response response, String parameter, String code) {
    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("status", equalTo(400))
        .body("detail", containsString("'" + parameter + "'"))
        .body("errors[0].field", equalTo(parameter))
        .body("errors[0].code", equalTo(code))
        .body("traceId", notNullValue());
  }

  @Test
  void anUnparsableNumberIsA400NamingIt() {
    refusedNaming(Api.as("rep.zhang").get("/api/v1/customers?limit=abc"), "limit", "type");
    refusedNaming(Api.as("rep.zhang").get("/api/v1/contacts?limit=1.5"), "limit", "type");
    refusedNaming(
        Api.as("manager.wang").get("/api/v1/receivables/due?withinDays=soon"),
        "withinDays",
        "type");
    Api.as("rep.zhang").get("/api/v1/customers?limit=2").then().statusCode(200);
    // Given empty is not given.
    Api.as("rep.zhang")
        .get("/api/v1/customers?limit=&count=")
        .then()
        .statusCode(200)
        .body("page.limit", equalTo(50));
  }

  @Test
  void anUnparsableBooleanIsA400NamingIt() {
    refusedNaming(Api.as("rep.zhang").get("/api/v1/customers?count=maybe"), "count", "type");
    Api.as("rep.zhang").get("/api/v1/customers?count=TRUE&limit=1").then().statusCode(200);
    // A primitive boolean left out is false, as before.
    String id =
        Api.as("rep.zhang")
            .body(Map.of("name", "参数测试客户"))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").get("/api/v1/customers/" + id + "/history").then().statusCode(200);
    refusedNaming(
        Api.as("rep.zhang").delete("/api/v1/customers/" + id + "?permanent=yes"),
        "permanent",
        "type");
    Api.as("rep.zhang").delete("/api/v1/customers/" + id).then().statusCode(204);
  }

  @Test
  void aPathIdThatIsNoUuidIsA400NamingIt() {
    refusedNaming(Api.as("rep.zhang").get("/api/v1/customers/not-a-uuid"), "id", "type");
    refusedNaming(Api.as("rep.zhang").get("/api/v1/products/1-1-1-1-1/history"), "id", "type");
    refusedNaming(
        Api.as("rep.zhang")
            .contentType("application/merge-patch+json")
            .body(Map.of("name", "x"))
            .patch("/api/v1/customers/123"),
        "id",
        "type");
    // A well-formed id that names nothing is still a 404.
    Api.as("rep.zhang")
        .get("/api/v1/customers/0193a000-0000-7000-8000-00000000ffff")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void aTextParameterWithAControlCharacterIsA400NamingIt() {
    refusedNaming(
        Api.as("rep.zhang").urlEncodingEnabled(false).get("/api/v1/customers?q=a%00b"),
        "q",
        "control-character");
    refusedNaming(
        Api.as("rep.zhang").urlEncodingEnabled(false).get("/api/v1/customers?filter=name==a%07"),
        "filter",
        "control-character");
  }
}
