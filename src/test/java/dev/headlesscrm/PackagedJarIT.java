package dev.headlesscrm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Smoke test of the packaged jar, started as `java -jar` would start it. The jar is built for
 * production, so the local seed (db/local, a build-time Flyway location of dev and test builds) is
 * absent: the user is met for the first time, which also proves production seeds no one.
 */
@QuarkusIntegrationTest
class PackagedJarIT {

  @Test
  void startsMigratesAndServesAuthenticatedCalls() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.user("rep.chen"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("employee.username", equalTo("rep.chen"))
        .body("employee.name", equalTo("陈静"))
        .body("department", nullValue());
    given()
        .auth()
        .oauth2(Tokens.integration())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("kind", equalTo("SERVICE_ACCOUNT"));
  }
}
