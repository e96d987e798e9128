package dev.headlesscrm.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.headlesscrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL unreachable the service is alive but not ready, and API calls answer 503 problems
 * quickly instead of hanging.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest {

  /** Points the datasource at a closed port; nothing else changes. */
  public static class Unreachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/crm_test",
          "quarkus.flyway.migrate-at-start", "false",
          "quarkus.flyway.clean-at-start", "false",
          "quarkus.hibernate-orm.schema-management.strategy", "none",
          "quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }
  }

  @Test
  void readinessIsDownLivenessIsUp() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .time(lessThan(10L), TimeUnit.SECONDS);
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void apiAnswers503Problem() {
    given()
        .auth()
        .oauth2(Tokens.user("rep.zhang"))
        .get("/api/v1/departments")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("5"))
        .body("type", equalTo("/problems/unavailable"))
        .time(lessThan(15L), TimeUnit.SECONDS);
  }

  /** A key cannot be claimed without the database: the write is refused as unavailable, quickly. */
  @Test
  void aWriteWithAnIdempotencyKeyAnswers503() {
    dev.headlesscrm.support.Api.asAdmin()
        .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
        .body(Map.of("code", "DOWN-1", "name", "n", "kind", "OFFICE"))
        .post("/api/v1/departments")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unavailable"))
        .header("Retry-After", equalTo("5"))
        .time(lessThan(15L), TimeUnit.SECONDS);
  }
}
