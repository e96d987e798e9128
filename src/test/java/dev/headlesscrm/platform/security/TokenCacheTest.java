package dev.headlesscrm.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache against the real Keycloak: a token verified once is served from the
 * cache with the same identity and rights, and a token that differs from a cached one in any way is
 * verified in full and refused when it does not hold.
 */
@QuarkusTest
class TokenCacheTest {

  @Inject VerifiedTokens tokens;

  @Test
  void aVerifiedTokenIsServedFromTheCacheWithTheSameIdentityAndRights() {
    String zhang = Tokens.user("rep.zhang");
    given().auth().oauth2(zhang).get("/api/v1/me").then().statusCode(200);
    assertTrue(tokens.holds(zhang), "remembered after the OIDC provider verified it");
    long hits = tokens.hits();
    given()
        .auth()
        .oauth2(zhang)
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("rep.zhang"));
    assertEquals(hits + 1, tokens.hits(), "the second call did not verify the token again");
    // The same roles: what a rep may not do stays refused on a cached identity.
    given()
        .auth()
        .oauth2(zhang)
        .contentType("application/json")
        .body(java.util.Map.of("value", 10))
        .put("/api/v1/settings/birthday-reminder-days")
        .then()
        .statusCode(403);
    // Another user's token is its own identity.
    given()
        .auth()
        .oauth2(Tokens.user("rep.chen"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("rep.chen"));
  }

  @Test
  void aTokenThatDiffersFromACachedOneIsVerifiedAndRefused() {
    String zhang = Tokens.user("rep.zhang");
    given().auth().oauth2(zhang).get("/api/v1/me").then().statusCode(200);
    assertTrue(tokens.holds(zhang));
    String[] parts = zhang.split("\\.");
    // The signature of the cached token on other claims (an escalation attempt).
    String otherClaims =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                        .replace("rep.zhang", "admin.li")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            + "."
            + parts[2];
    given().auth().oauth2(otherClaims).get("/api/v1/me").then().statusCode(401);
    // One character of the signature changed.
    char last = parts[2].charAt(parts[2].length() - 2);
    String oneChar =
        zhang.substring(0, zhang.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + zhang.charAt(zhang.length() - 1);
    given().auth().oauth2(oneChar).get("/api/v1/me").then().statusCode(401);
    // The genuine one still passes.
    given().auth().oauth2(zhang).get("/api/v1/me").then().statusCode(200);
  }
}
