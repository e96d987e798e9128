package dev.headlesscrm.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the local Keycloak (scripts/keycloak.sh): users by password grant through
 * crm-web, the integration by client credentials. Cached until shortly before expiry.
 */
public final class Tokens {

  public static final String REALM =
      System.getProperty("crm.test.realm-url", "http://127.0.0.1:8180/realms/crm");
  public static final String PASSWORD = "local-pass";
  public static final String INTEGRATION_SECRET = "local-integration-secret";

  private record Cached(String token, Instant expires) {}

  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  private Tokens() {}

  public static String user(String username) {
    return cached(
        "user:" + username,
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "crm-web",
            "username",
            username,
            "password",
            PASSWORD));
  }

  public static String integration() {
    return cached(
        "integration",
        Map.of(
            "grant_type", "client_credentials",
            "client_id", "crm-integration",
            "client_secret", INTEGRATION_SECRET));
  }

  /**
   * A genuine token from another issuer (Keycloak's master realm), which the service must refuse.
   */
  public static String foreignIssuer() {
    return given()
        .formParams(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                "admin",
                "password",
                "admin"))
        .post(REALM.replace("/realms/crm", "/realms/master") + "/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /**
   * One token request at a time, so a test acting from several threads asks Keycloak once per user
   * rather than once per thread (a full run once met admin.li "temporarily disabled" by the realm's
   * brute-force detection in the middle of such a test).
   */
  private static synchronized String cached(String key, Map<String, String> form) {
    Cached hit = CACHE.get(key);
    if (hit != null && hit.expires().isAfter(Instant.now().plusSeconds(30))) {
      return hit.token();
    }
    JsonPath response =
        given()
            .formParams(form)
            .post(REALM + "/protocol/openid-connect/token")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Cached fresh =
        new Cached(
            response.getString("access_token"),
            Instant.now().plusSeconds(response.getLong("expires_in")));
    CACHE.put(key, fresh);
    return fresh.token();
  }
}
