package dev.headlesscrm.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.headlesscrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every /api and /graphql call needs a valid token from realm crm; the rest stays open. */
@QuarkusTest
class AuthenticationTest {

  @Test
  void apiWithoutTokenIsA401Problem() {
    given()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", containsString("Bearer"))
        .body("type", equalTo("/problems/unauthorized"))
        .body("status", equalTo(401))
        .body("title", equalTo("Authentication required"))
        .body("instance", equalTo("/api/v1/me"))
        .body("traceId", notNullValue());
  }

  @Test
  void titleFollowsAcceptLanguage() {
    given()
        .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
        .get("/api/v1/departments")
        .then()
        .statusCode(401)
        .body("title", equalTo("需要身份认证"));
  }

  @Test
  void graphqlWithoutTokenIsA401Problem() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"query\":\"{ me { username } }\"}")
        .post("/graphql")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unauthorized"));
  }

  @Test
  void garbageTokenIsRefused() {
    given()
        .auth()
        .oauth2("not.a.jwt")
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body(not(containsString("Exception")));
  }

  @Test
  void tokenFromAnotherIssuerIsRefused() {
    given()
        .auth()
        .oauth2(Tokens.foreignIssuer())
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void tamperedTokenIsRefused() {
    String token = Tokens.user("rep.zhang");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void healthMetricsAndContractsAreOpen() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/health/started").then().statusCode(200);
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    given().get("/q/openapi").then().statusCode(200).body(containsString("openapi: 3.1"));
    given()
        .get("/graphql/schema.graphql")
        .then()
        .statusCode(200)
        .body(containsString("type Query"));
  }

  @Test
  void unknownRouteIsA404Problem() {
    given()
        .auth()
        .oauth2(Tokens.user("rep.zhang"))
        .get("/api/v1/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void wrongMethodIsA405Problem() {
    given()
        .auth()
        .oauth2(Tokens.user("rep.zhang"))
        .put("/api/v1/me")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/method-not-allowed"));
  }
}
