package dev.headlesscrm.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * CORS per origin (the test profile allows http://localhost:3000): preflights are answered without
 * a token, allow the API's methods and request headers and expose its response headers; other
 * origins get no CORS grant but a 403 problem.
 */
@QuarkusTest
class CorsTest {

  private static final String APP = "http://localhost:3000";

  @Test
  void aPreflightFromAnAllowedOriginNeedsNoToken() {
    for (String path :
        new String[] {"/api/v1/customers/0193a000-0000-7000-8000-00000000ffff", "/graphql"}) {
      given()
          .header("Origin", APP)
          .header("Access-Control-Request-Method", "PATCH")
          .header(
              "Access-Control-Request-Headers",
              "authorization,content-type,if-match,if-none-match,idempotency-key")
          .options(path)
          .then()
          .statusCode(200)
          .header("Access-Control-Allow-Origin", equalTo(APP))
          .header("Access-Control-Allow-Methods", containsString("PATCH"))
          .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Authorization"))
          .header("Access-Control-Allow-Headers", containsStringIgnoringCase("If-Match"))
          .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Idempotency-Key"));
    }
  }

  @Test
  void responsesToAnAllowedOriginExposeTheApiHeaders() {
    Api.as("rep.zhang")
        .header("Origin", APP)
        .get("/api/v1/customers?limit=1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo(APP))
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Location"))
        .header("Access-Control-Expose-Headers", containsString("RateLimit-Policy"))
        .header("Access-Control-Expose-Headers", containsString("Retry-After"));
  }

  @Test
  void anotherOriginGetsNoGrant() {
    given()
        .header("Origin", "http://evil.example")
        .header("Access-Control-Request-Method", "DELETE")
        .options("/api/v1/customers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/forbidden"))
        .header("Access-Control-Allow-Origin", nullValue());
    Api.as("rep.zhang")
        .header("Origin", "http://evil.example")
        .get("/api/v1/customers?limit=1")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue());
  }
}
