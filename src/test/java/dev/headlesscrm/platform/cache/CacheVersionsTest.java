package dev.headlesscrm.platform.cache;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.security.RoleGrants;
import dev.headlesscrm.platform.security.TeamShares;
import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Grants are held in each pod and a change is in force on every pod within a second: proven with a
 * second, independent watcher and picture of the roles on the same database, as another replica has
 * them, next to this service's own.
 */
@QuarkusTest
class CacheVersionsTest {

  @Inject AgroalDataSource dataSource;

  private static boolean within(long millis, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(10);
    }
    return condition.getAsBoolean();
  }

  @Test
  void aRevokedGrantIsGoneOnEveryPodWithinASecond() throws InterruptedException {
    CacheVersions otherPod = CacheVersions.watching(dataSource);
    RoleGrants otherGrants = RoleGrants.of(dataSource, otherPod);
    List<String> granted = Api.permissions("analyst");
    assertTrue(granted.contains("customer:export"), granted.toString());
    assertTrue(otherGrants.current().permissionsOf(List.of("analyst")).contains("customer:EXPORT"));
    try {
      List<String> fewer = new ArrayList<>(granted);
      fewer.remove("customer:export");
      Api.permissions("analyst", fewer);

      // This pod: in force for the very next request.
      Api.as("analyst.liu").get("/api/v1/customers/export?format=csv").then().statusCode(403);
      Api.as("analyst.liu")
          .get("/api/v1/me")
          .then()
          .body("permissions", not(hasItem("customer:export")));
      // The other pod: within a second, without a restart.
      assertTrue(
          within(
              1_000,
              () ->
                  !otherGrants
                      .current()
                      .permissionsOf(List.of("analyst"))
                      .contains("customer:EXPORT")),
          "the other pod still grants customer:export after a second");
    } finally {
      Api.permissions("analyst", granted);
    }
    assertTrue(
        within(
            1_000,
            () ->
                otherGrants
                    .current()
                    .permissionsOf(List.of("analyst"))
                    .contains("customer:EXPORT")));
    Api.as("analyst.liu").get("/api/v1/me").then().body("permissions", hasItem("customer:export"));
    otherPod.stop();
  }

  @Test
  void aChangeMadeBesideTheApiStillReachesEveryPod() throws Exception {
    CacheVersions otherPod = CacheVersions.watching(dataSource);
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      CacheVersions.Stamp before = otherPod.current("org");
      // An employee edited by SQL, as a migration or an operator would: the trigger bumps "org".
      s.executeUpdate("UPDATE departments SET name = name WHERE code = 'HQ'");
      assertTrue(within(1_000, () -> !otherPod.current("org").equals(before)));
      CacheVersions.Stamp roles = otherPod.current("roles");
      Thread.sleep(3 * CacheVersions.POLL_MILLIS);
      assertEquals(roles, otherPod.current("roles"), "an org change leaves roles alone");
    } finally {
      otherPod.stop();
    }
  }

  @Test
  void aShareIsInForceHereAtOnceAndMovesEveryPodsVersion() throws Exception {
    String chen = "0193a000-0000-7000-8000-0000000000e4";
    CacheVersions otherPod = CacheVersions.watching(dataSource);
    try {
      String id =
          Api.as("rep.zhang")
              .body(java.util.Map.of("name", "共享缓存客户 " + System.nanoTime()))
              .post("/api/v1/customers")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      // chen's shares are held in this pod now (none of this customer).
      Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(404);
      Api.as("rep.chen")
          .get("/api/v1/customers?filter=id==" + id)
          .then()
          .body("data.id", not(hasItem(id)));
      CacheVersions.Stamp before = otherPod.current(TeamShares.KIND);
      Api.as("rep.zhang")
          .body(java.util.Map.of("employeeId", chen, "access", "READ"))
          .post("/api/v1/customers/" + id + "/team")
          .then()
          .statusCode(200);
      // Here: the very next request, in a list as well as by id.
      Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(200);
      Api.as("rep.chen")
          .get("/api/v1/customers?filter=id==" + id)
          .then()
          .body("data.id", hasItem(id));
      // Every other pod: its version moves within a second.
      assertTrue(within(1_000, () -> !otherPod.current(TeamShares.KIND).equals(before)));
      Api.as("rep.zhang")
          .delete("/api/v1/customers/" + id + "/team/" + chen)
          .then()
          .statusCode(204);
      Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(404);
      Api.as("rep.chen")
          .get("/api/v1/customers?filter=id==" + id)
          .then()
          .body("data.id", not(hasItem(id)));
    } finally {
      otherPod.stop();
    }
  }
}
