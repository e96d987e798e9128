package dev.headlesscrm.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Request builders for tests: who calls, with JSON bodies. */
public final class Api {

  /** The fixed ids of the local seed (db/local) and realm (scripts/keycloak/local-users.json). */
  public static final String HQ = "0193a000-0000-7000-8000-0000000000d1";

  public static final String SALES_EAST = "0193a000-0000-7000-8000-0000000000d2";
  public static final String SALES_NORTH = "0193a000-0000-7000-8000-0000000000d3";
  public static final String MANAGER_WANG = "0193a000-0000-7000-8000-0000000000e2";

  /**
   * Bodies in UTF-8 whatever the content type (REST Assured's default is ISO-8859-1), set on every
   * request: the global configuration is reset between test classes.
   */
  private static final io.restassured.config.RestAssuredConfig UTF8 =
      RestAssured.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .defaultContentCharset("UTF-8")
                  .defaultCharsetForContentType("UTF-8", "application/merge-patch+json")
                  .defaultCharsetForContentType("UTF-8", "application/json"));

  static {
    RestAssured.config = UTF8;
  }

  private Api() {}

  public static RequestSpecification as(String username) {
    return given().config(UTF8).auth().oauth2(Tokens.user(username)).contentType(ContentType.JSON);
  }

  public static RequestSpecification asAdmin() {
    return as("admin.li");
  }

  public static RequestSpecification asIntegration() {
    return given().config(UTF8).auth().oauth2(Tokens.integration()).contentType(ContentType.JSON);
  }

  /** A role's function permissions as the roles API lists them ({@code customer:read}). */
  public static java.util.List<String> permissions(String role) {
    return asAdmin()
        .get("/api/v1/roles/" + role)
        .then()
        .statusCode(200)
        .extract()
        .path("permissions");
  }

  /** Replaces a role's function permissions through the roles API. */
  public static void permissions(String role, java.util.List<String> permissions) {
    asAdmin()
        .body(java.util.Map.of("permissions", permissions))
        .put("/api/v1/roles/" + role + "/permissions")
        .then()
        .statusCode(200);
  }

  /** A code no other test uses, so tests never share data. */
  public static String uniqueCode(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  /** n calls started together (each on its own thread); call i gets its index. */
  public static java.util.List<io.restassured.response.Response> inParallel(
      int n, java.util.function.IntFunction<io.restassured.response.Response> call)
      throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(n);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> futures =
          new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.apply(index);
                }));
      }
      start.countDown();
      java.util.List<io.restassured.response.Response> out = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<io.restassured.response.Response> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
