package dev.headlesscrm.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Text that is not valid Unicode (a lone surrogate) or holds a control character other than tab,
 * line feed and carriage return is a 422 naming the field on every write path (create, merge patch,
 * upsert, batch, GraphQL), and a body naming a field twice is a 400 naming it; nothing is written
 * either way.
 */
@QuarkusTest
class TextInputTest {

  private static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static ValidatableResponse refused(Response response, String field, String code) {
    return response
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors[0].field", equalTo(field))
        .body("errors[0].code", equalTo(code));
  }

  private static Response post(String json) {
    return Api.as("rep.zhang").body(json).post("/api/v1/customers");
  }

  /** The customers whose name contains the marker: none after a refusal. */
  private static void noneNamed(String marker) {
    Api.as("rep.zhang")
        .queryParam("filter", "name=like=" + marker)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
  }

  private static Response created(String name) {
    Response r = Api.as("rep.zhang").body(Map.of("name", name)).post("/api/v1/customers");
    r.then().statusCode(201);
    return r;
  }

  @Test
  void aNulInANameIsA422NamingTheFieldNotA500() {
    String marker = "NUL" + run();
    refused(post("{\"name\":\"" + marker + "\\u0000x\"}"), "name", "control-character");
    refused(
        post("{\"name\":\"" + marker + "\",\"city\":\"a\\u001bb\"}"), "city", "control-character");
    noneNamed(marker);
  }

  @Test
  void aLoneSurrogateIsA422InsteadOfAStoredQuestionMark() {
    String marker = "SUR" + run();
    refused(post("{\"name\":\"" + marker + "\\ud800\"}"), "name", "invalid-unicode");
    refused(post("{\"name\":\"" + marker + "\\udc00x\"}"), "name", "invalid-unicode");
    noneNamed(marker);
  }

  @Test
  void tabsLineBreaksAndPairedSurrogatesAreText() {
    String marker = "OK" + run();
    post("{\"name\":\"" + marker + " \\ud83d\\ude00\",\"officeAddress\":\"一号楼\\t3 层\\r\\n201 室\"}")
        .then()
        .statusCode(201)
        .body("name", equalTo(marker + " 😀"))
        .body("officeAddress", equalTo("一号楼\t3 层\r\n201 室"));
  }

  @Test
  void aMergePatchWithAControlCharacterChangesNothing() {
    String marker = "PAT" + run();
    Response created = created(marker);
    String id = created.path("id");
    int version = created.path("version");
    refused(
        Api.as("rep.zhang")
            .contentType("application/merge-patch+json")
            .body("{\"city\":\"苏州\\u0000\"}")
            .patch("/api/v1/customers/" + id),
        "city",
        "control-character");
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(version))
        .body("city", nullValue());
  }

  @Test
  void anUpsertAndABatchItemAreRefusedAlike() {
    String marker = "UPS" + run();
    refused(
        Api.as("rep.zhang")
            .body("{\"name\":\"" + marker + "\\u0007\"}")
            .put("/api/v1/customers/external/" + marker),
        "name",
        "control-character");
    Api.as("rep.zhang")
        .body(
            "{\"operations\":[{\"op\":\"create\",\"data\":{\"name\":\""
                + marker
                + "\\ud800\"}},{\"op\":\"upsert\",\"externalId\":\""
                + marker
                + "\",\"data\":{\"name\":\""
                + marker
                + "\\u0000\"}}]}")
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(200)
        .body("results[0].status", equalTo(422))
        .body("results[0].problem.errors[0].field", equalTo("name"))
        .body("results[0].problem.errors[0].code", equalTo("invalid-unicode"))
        .body("results[1].status", equalTo(422))
        .body("results[1].problem.errors[0].code", equalTo("control-character"));
    noneNamed(marker);
  }

  @Test
  void graphQlInputsAreRefusedLikeRest() {
    String marker = "GQL" + run();
    String create = "mutation($in: CustomerInput!) { createCustomer(input: $in) { id } }";
    for (String bad : new String[] {"\\u0000", "\\ud800"}) {
      Api.as("rep.zhang")
          .body(
              "{\"query\":\""
                  + create
                  + "\",\"variables\":{\"in\":{\"name\":\""
                  + marker
                  + bad
                  + "\"}}}")
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("data.createCustomer", nullValue())
          .body("errors[0].extensions.code", equalTo("validation"))
          .body("errors[0].extensions.status", equalTo(422))
          .body("errors[0].extensions.errors[0].field", equalTo("name"));
    }
    noneNamed(marker);
  }

  @Test
  void aFieldGivenTwiceIsA400NamingIt() {
    String marker = "DUP" + run();
    post("{\"name\":\"" + marker + "a\",\"name\":\"" + marker + "b\"}")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].code", equalTo("duplicate-key"));
    Api.as("rep.zhang")
        .body(
            "{\"operations\":[{\"op\":\"create\",\"data\":{\"name\":\""
                + marker
                + "\",\"city\":\"a\",\"city\":\"b\"}}]}")
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("operations[0].data.city"));
    noneNamed(marker);
  }
}
