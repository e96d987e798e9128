package dev.headlesscrm.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.headlesscrm.platform.export.ExportSlots;
import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Running out of capacity degrades into fast, clear refusals: with every pooled connection taken,
 * API calls answer 503 problems with Retry-After within about a second (they used to wait and then
 * answer 500), while liveness and readiness still answer at once; exports beyond their own limit
 * are refused at once instead of taking the connections short requests need.
 */
@QuarkusTest
class CapacityTest {

  @Inject AgroalDataSource pool;
  @Inject ExportSlots exports;

  @Test
  void aFullPoolAnswersFast503sAndHealthStillAnswers() throws SQLException {
    String token = dev.headlesscrm.support.Tokens.user("rep.zhang");
    Api.as("rep.zhang").get("/api/v1/customers?limit=1").then().statusCode(200);
    List<Connection> held = new ArrayList<>();
    try {
      // Take every connection the pool will give (quarkus.datasource.jdbc.max-size).
      while (true) {
        try {
          held.add(pool.getConnection());
        } catch (SQLException exhausted) {
          break;
        }
      }
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/customers?limit=1")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("1"))
          .body("type", equalTo("/problems/unavailable"))
          .time(lessThan(2500L), TimeUnit.MILLISECONDS);
      given()
          .get("/q/health/live")
          .then()
          .statusCode(200)
          .time(lessThan(1000L), TimeUnit.MILLISECONDS);
      given()
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body("status", equalTo("UP"))
          .time(lessThan(1000L), TimeUnit.MILLISECONDS);
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    Api.as("rep.zhang").get("/api/v1/customers?limit=1").then().statusCode(200);
  }

  @Test
  void exportsBeyondTheirLimitAreRefusedAtOnce() {
    int taken = exports.drain();
    try {
      Api.as("admin.li")
          .get("/api/v1/customers/export?format=csv")
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("5"));
      // A short request beside them is served.
      Api.as("admin.li").get("/api/v1/customers?limit=1").then().statusCode(200);
    } finally {
      exports.give(taken);
    }
    int free = exports.available();
    Api.as("admin.li").get("/api/v1/customers/export?format=csv").then().statusCode(200);
    // The slot is given back when the download ends.
    org.junit.jupiter.api.Assertions.assertEquals(free, exports.available());
  }
}
