package dev.headlesscrm.platform;

import static org.hamcrest.Matchers.equalTo;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write that needs a body and gets none (Content-Type set, zero bytes) is a 400 problem, not a
 * 500: JAX-RS hands the command parameter over as null (found by the OpenAPI fuzzer).
 */
@QuarkusTest
class EmptyBodyTest {

  private static void malformed(Response response) {
    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("status", equalTo(400));
  }

  @Test
  void anEmptyGraphQlRequestIsA400Problem() {
    malformed(Api.as("rep.zhang").body("").post("/graphql"));
  }

  @Test
  void batchTransferTeamAndMergeWithAnEmptyBodyAre400() {
    Response created =
        Api.as("rep.zhang")
            .body(Map.of("name", "EmptyBody " + Api.uniqueCode("EB")))
            .post("/api/v1/customers");
    created.then().statusCode(201);
    String id = created.path("id");
    int version = created.path("version");
    malformed(Api.as("rep.zhang").body("").post("/api/v1/customers/batch"));
    malformed(Api.as("rep.zhang").body("").post("/api/v1/customers/transfer"));
    malformed(Api.as("rep.zhang").body("").post("/api/v1/customers/" + id + "/transfer"));
    malformed(Api.as("rep.zhang").body("").post("/api/v1/customers/" + id + "/team"));
    malformed(Api.as("rep.zhang").body("").post("/api/v1/customers/" + id + "/merge"));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(version));
  }
}
