package dev.headlesscrm.platform.webhooks;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.webhooks.WebhookReceiver.Answer;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The background worker on its own: with nothing driving it, a change made through the API reaches
 * a receiver that fails once, signed, and the delivery log says so.
 */
@QuarkusTest
@TestProfile(WebhookWorkerTest.Running.class)
class WebhookWorkerTest {

  /** The worker on, polling often. */
  public static class Running implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("crm.webhooks.poll-interval", "100ms");
    }
  }

  @Test
  void theWorkerFansOutSendsAndRetriesByItself() throws Exception {
    String name = Api.uniqueCode("WH-WORKER");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.then(Answer.status(500));
      String hook =
          Api.asAdmin()
              .body(
                  Map.of(
                      "url",
                      receiver.url(),
                      "eventTypes",
                      List.of("customer.created"),
                      "filter",
                      "name==" + name))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      String secret =
          Api.asAdmin().get("/api/v1/webhooks/" + hook + "/secret").then().extract().path("secret");
      try {
        String id =
            Api.as("rep.zhang")
                .body(Map.of("name", name))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.succeeded().size() == 1);
        assertEquals(2, receiver.received().size());
        WebhookReceiver.Received ok = receiver.succeeded().get(0);
        assertTrue(WebhookDeliveryTest.signedWith(ok, secret));
        assertEquals(id, JsonPath.from(ok.body()).getString("resourceId"));
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    "SUCCEEDED"
                        .equals(
                            Api.asAdmin()
                                .get("/api/v1/webhooks/" + hook + "/deliveries")
                                .then()
                                .extract()
                                .path("data[0].status")));
      } finally {
        Api.asAdmin().delete("/api/v1/webhooks/" + hook).then().statusCode(204);
      }
    }
  }
}
