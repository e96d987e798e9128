package dev.headlesscrm.platform.idempotency;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A key cannot be claimed without the database: the write is refused as unavailable, quickly. */
@QuarkusTest
@TestProfile(IdempotencyDatabaseDownTest.Unreachable.class)
class IdempotencyDatabaseDownTest {

  /** Points the datasource at a closed port, as {@code DatabaseDownTest} does. */
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
  void aWriteWithAKeyAnswers503WhenTheDatabaseIsUnreachable() {
    Api.asAdmin()
        .header(IdempotencyFilters.HEADER, UUID.randomUUID().toString())
        .body(Map.of("code", Api.uniqueCode("DOWN"), "name", "n", "kind", "OFFICE"))
        .post("/api/v1/departments")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unavailable"))
        .header("Retry-After", equalTo("5"))
        .time(lessThan(15L), TimeUnit.SECONDS);
  }
}
