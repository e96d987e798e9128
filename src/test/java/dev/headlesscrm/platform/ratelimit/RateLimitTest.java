package dev.headlesscrm.platform.ratelimit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rate limits with small numbers: 20 points per 10 s window for a sales rep, 40 for every caller of
 * the crm-web client together. Each test starts at the beginning of a window so that its calls fall
 * in one.
 */
@QuarkusTest
@TestProfile(RateLimitTest.Small.class)
class RateLimitTest {

  static final int REP_LIMIT = 20;
  static final int WEB_LIMIT = 40;

  /** Limits small enough to reach in a test. */
  public static class Small implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "crm.rate-limits.window",
          "10s",
          "crm.rate-limits.roles.sales-rep",
          Integer.toString(REP_LIMIT),
          "crm.rate-limits.clients.crm-web",
          Integer.toString(WEB_LIMIT),
          "crm.rate-limits.block-share",
          "0.1");
    }
  }

  private static final Pattern REMAINING = Pattern.compile("\"principal\";r=(\\d+);t=(\\d+)");

  @Inject AgroalDataSource db;

  /** Waits for the next 10 s window to begin (the service counts windows from the epoch). */
  private static void freshWindow() throws InterruptedException {
    long millis = System.currentTimeMillis();
    long next = (millis / 10_000 + 1) * 10_000;
    Thread.sleep(next - millis + 50);
  }

  private static int remaining(Response r) {
    Matcher m = REMAINING.matcher(r.header("RateLimit"));
    assertTrue(m.find(), r.header("RateLimit"));
    return Integer.parseInt(m.group(1));
  }

  @Test
  void aCallerOverTheLimitGetsA429WithRetryAfterAndEveryAnswerSaysWhereItStands() throws Exception {
    freshWindow();
    for (int i = 1; i <= REP_LIMIT; i++) {
      Response r = Api.as("rep.chen").get("/api/v1/customers?limit=1");
      assertEquals(200, r.statusCode());
      assertEquals(
          "\"principal\";q=" + REP_LIMIT + ";w=10, \"client\";q=" + WEB_LIMIT + ";w=10",
          r.header("RateLimit-Policy"));
      assertEquals(REP_LIMIT - i, remaining(r), "call " + i);
    }
    Response refused = Api.as("rep.chen").get("/api/v1/customers?limit=1");
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", containsString("rate-limited"))
        .body("status", equalTo(429))
        .body("detail", containsString("principal " + REP_LIMIT));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
    assertEquals(0, remaining(refused));

    // Where the caller stands is always readable, and costs nothing.
    Api.as("rep.chen")
        .get("/api/v1/me/limits")
        .then()
        .statusCode(200)
        .body("enabled", equalTo(true))
        .body("windowSeconds", equalTo(10))
        .body("policies[0].name", equalTo("principal"))
        .body("policies[0].limit", equalTo(REP_LIMIT))
        .body("policies[0].remaining", equalTo(0))
        .body("policies[1].name", equalTo("client"));

    // GraphQL is limited too, and another caller is not.
    Api.as("rep.chen")
        .body(Map.of("query", "{ customers(first: 1) { edges { node { id } } } }"))
        .post("/graphql")
        .then()
        .statusCode(429);
    Api.as("rep.zhang").get("/api/v1/customers?limit=1").then().statusCode(200);

    Thread.sleep(retryAfter * 1000 + 100);
    Api.as("rep.chen").get("/api/v1/customers?limit=1").then().statusCode(200);
  }

  @Test
  void everyCallerOfOneClientSharesItsLimit() throws Exception {
    freshWindow();
    int admitted = 0;
    for (String user : List.of("rep.zhang", "rep.chen", "analyst.liu")) {
      for (int i = 0; i < REP_LIMIT; i++) {
        if (Api.as(user).get("/api/v1/me").statusCode() == 200) {
          admitted++;
        }
      }
    }
    assertEquals(WEB_LIMIT, admitted, "the crm-web client's 40 points, whoever spent them");
    Api.as("marketing.zhao")
        .get("/api/v1/me")
        .then()
        .statusCode(429)
        .body("detail", containsString("client " + WEB_LIMIT));
    // Another client (the integration's service account) is not held back.
    Api.asIntegration().get("/api/v1/me").then().statusCode(200);
  }

  @Test
  void aGraphQlRequestCostsWhatItAsksFor() throws Exception {
    freshWindow();
    int before = Api.as("rep.chen").get("/api/v1/me/limits").path("policies[0].remaining");
    // first 50 × 4 fields (edges, node, id, name) = 200 cells: 1 + 2 points
    Response r =
        Api.as("rep.chen")
            .body(Map.of("query", "{ customers(first: 50) { edges { node { id name } } } }"))
            .post("/graphql");
    assertEquals(200, r.statusCode(), r.asString());
    assertEquals(before - 3, remaining(r));
    Response small =
        Api.as("rep.chen")
            .body(Map.of("query", "{ customers(first: 1) { edges { node { id } } } }"))
            .post("/graphql");
    assertEquals(before - 4, remaining(small), "a small query costs 1");
  }

  /** Two replicas (two limiters, one database) together admit the limit, within 10 %. */
  @Test
  void twoReplicasTogetherHoldTheLimit() throws Exception {
    int limit = 500;
    Instant now = Instant.now(); // one window for the whole test
    RateLimiter one = new RateLimiter(db, Duration.ofMinutes(10), 0.02, () -> now);
    RateLimiter two = new RateLimiter(db, Duration.ofMinutes(10), 0.02, () -> now);
    List<RateLimiter.Policy> policy =
        List.of(new RateLimiter.Policy("principal", "test:" + UUID.randomUUID(), limit));
    AtomicInteger admitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> running = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      RateLimiter replica = t % 2 == 0 ? one : two;
      running.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 150; i++) {
                  if (replica.charge(policy, 1).allowed()) {
                    admitted.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    assertTrue(
        admitted.get() <= limit && admitted.get() >= limit * 0.9,
        "1,200 tries against " + limit + ": admitted " + admitted.get());
  }
}
