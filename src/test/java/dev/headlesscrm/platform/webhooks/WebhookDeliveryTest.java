package dev.headlesscrm.platform.webhooks;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.webhooks.WebhookReceiver.Answer;
import dev.headlesscrm.platform.webhooks.WebhookReceiver.Received;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: a real receiver on loopback, events made through the API, the delivery
 * machinery driven step by step (the test profile turns the background worker off so that each test
 * decides when a sender runs; {@code WebhookWorkerTest} proves the worker on its own). Signatures
 * are checked the Standard Webhooks way, written here from the scheme, not with the service's code.
 */
@QuarkusTest
class WebhookDeliveryTest {

  private static final Duration PATIENCE = Duration.ofSeconds(40);

  @Inject EventPublisher publisher;
  @Inject WebhookDispatcher dispatcher;
  @Inject WebhookSender sender;
  @Inject WebhookPurger purger;

  private static final String REP_CHEN = "0193a000-0000-7000-8000-0000000000e4";

  /** One round of everything the worker does. */
  private void deliver() {
    publisher.publishPending();
    dispatcher.fanOut();
    dispatcher.replay();
    sender.sendDue();
  }

  private void deliverUntil(Callable<Boolean> done) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              deliver();
              return done.call();
            });
  }

  private static String subscribe(String user, String url, List<String> types, String filter) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("url", url);
    body.put("eventTypes", types);
    body.put("description", "test receiver");
    if (filter != null) {
      body.put("filter", filter);
    }
    return Api.as(user)
        .body(body)
        .post("/api/v1/webhooks")
        .then()
        .statusCode(201)
        .body("active", equalTo(true))
        .body("url", equalTo(url))
        .extract()
        .path("id");
  }

  private static String byName(String name) {
    return "name==" + name;
  }

  private static void unsubscribe(String id) {
    Api.asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }

  private static String secret(String hook) {
    return Api.asAdmin()
        .get("/api/v1/webhooks/" + hook + "/secret")
        .then()
        .statusCode(200)
        .extract()
        .path("secret");
  }

  private static String customer(String user, String name) {
    return Api.as(user)
        .body(Map.of("name", name))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void rename(String id, String city) {
    Api.as("rep.zhang")
        .contentType("application/merge-patch+json")
        .body(Map.of("city", city))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200);
  }

  /** Standard Webhooks verification: one of the v1 signatures is the HMAC of id.timestamp.body. */
  static boolean signedWith(Received r, String secret) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    String content = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    for (String signature : r.header("webhook-signature").split(" ")) {
      if (signature.equals(expected)) {
        return true;
      }
    }
    return false;
  }

  private static void assertSigned(Received r, String secret) throws Exception {
    assertTrue(signedWith(r, secret), "signed with the subscription's secret: " + r.headers());
    long timestamp = Long.parseLong(r.header("webhook-timestamp"));
    assertTrue(
        Math.abs(Instant.now().getEpochSecond() - timestamp) < 300,
        "webhook-timestamp is the time of the attempt");
    assertEquals("application/json", r.header("content-type"));
  }

  private static JsonPath log(String hook, String query) {
    return Api.asAdmin()
        .get("/api/v1/webhooks/" + hook + "/deliveries" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void everyEventArrivesSignedAndInOrderPerRecordThroughFailuresATimeoutAnd429() throws Exception {
    String name = Api.uniqueCode("WH-ORDER");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.then(
          Answer.status(500),
          Answer.slow(Duration.ofSeconds(3)), // the test profile's timeout is 2 s
          new Answer(429, Duration.ZERO, Map.of("Retry-After", "3")));
      String hook = subscribe("admin.li", receiver.url(), List.of("customer.*"), byName(name));
      String secret = secret(hook);
      try {
        String id = customer("rep.zhang", name);
        rename(id, "上海");
        rename(id, "杭州");
        deliverUntil(() -> receiver.succeeded().size() == 3);

        List<Received> all = receiver.received();
        assertEquals(6, all.size(), "three failed attempts of the first event, then one each");
        for (Received r : all) {
          assertSigned(r, secret);
        }
        String first = all.get(0).header("webhook-id");
        for (int i = 0; i < 4; i++) {
          assertEquals(first, all.get(i).header("webhook-id"), "the same event until it succeeds");
        }
        assertTrue(
            Duration.between(all.get(2).at(), all.get(3).at()).toMillis() >= 2900,
            "Retry-After: 3 was honoured");

        List<Received> ok = receiver.succeeded();
        List<String> types = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Received r : ok) {
          JsonPath event = JsonPath.from(r.body());
          assertEquals(r.header("webhook-id"), event.getString("id"), "webhook-id is the event id");
          assertEquals(id, event.getString("resourceId"));
          types.add(event.getString("type"));
          versions.add(event.getInt("version"));
          ids.add(event.getString("id"));
        }
        assertEquals(List.of("customer.created", "customer.updated", "customer.updated"), types);
        assertEquals(List.of(0, 1, 2), versions, "in order per record");
        assertEquals(3, ids.size());
        assertEquals("杭州", JsonPath.from(ok.get(2).body()).getString("data.city"));

        JsonPath log = log(hook, "?status=SUCCEEDED");
        assertEquals(3, log.getList("data").size());
        JsonPath oldest = JsonPath.from(log.prettify());
        int last = log.getList("data").size() - 1;
        assertEquals(first, oldest.getString("data[" + last + "].eventId"));
        assertEquals(4, oldest.getInt("data[" + last + "].attemptCount"));
        assertEquals(
            List.of("FAILED", "FAILED", "FAILED", "SUCCEEDED"),
            oldest.getList("data[" + last + "].attempts.outcome"));
        assertEquals(500, oldest.getInt("data[" + last + "].attempts[0].responseStatus"));
        assertEquals(
            "answered 500", oldest.getString("data[" + last + "].attempts[0].responseBody"));
        assertTrue(
            oldest.getString("data[" + last + "].attempts[1].error").contains("no answer within"));
        assertEquals(429, oldest.getInt("data[" + last + "].attempts[2].responseStatus"));
        assertNotNull(oldest.get("data[" + last + "].attempts[3].latencyMs"));
        assertTrue(
            oldest.getString("data[" + last + "].attempts[0].requestHeaders").contains(first));
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook)
            .then()
            .statusCode(200)
            .body("active", equalTo(true));
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void aRedeliveryAndAReplaySendKeptEventsAgain() throws Exception {
    String name = Api.uniqueCode("WH-REPLAY");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      Instant from = Instant.now().minusSeconds(1);
      String hook = subscribe("admin.li", receiver.url(), List.of("customer.*"), byName(name));
      try {
        String id = customer("rep.zhang", name);
        rename(id, "上海");
        deliverUntil(() -> receiver.succeeded().size() == 2);
        String created = receiver.succeeded().get(0).header("webhook-id");

        String redelivery =
            Api.asAdmin()
                .body(Map.of("eventId", created))
                .post("/api/v1/webhooks/" + hook + "/redeliver")
                .then()
                .statusCode(202)
                .body("status", equalTo("RUNNING"))
                .body("eventId", equalTo(created))
                .extract()
                .path("id");
        deliverUntil(() -> receiver.succeeded().size() == 3);
        assertEquals(created, receiver.succeeded().get(2).header("webhook-id"));
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook + "/replays/" + redelivery)
            .then()
            .statusCode(200)
            .body("status", equalTo("DONE"))
            .body("queued", equalTo(1));

        String replay =
            Api.asAdmin()
                .body(
                    Map.of("from", from.toString(), "to", Instant.now().plusSeconds(1).toString()))
                .post("/api/v1/webhooks/" + hook + "/replay")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        deliverUntil(() -> receiver.succeeded().size() == 5);
        List<Received> ok = receiver.succeeded();
        assertEquals(ok.get(0).header("webhook-id"), ok.get(3).header("webhook-id"));
        assertEquals(ok.get(1).header("webhook-id"), ok.get(4).header("webhook-id"));
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook + "/replays/" + replay)
            .then()
            .statusCode(200)
            .body("status", equalTo("DONE"))
            .body("queued", equalTo(2));
        assertEquals(
            List.of("REPLAY", "REPLAY", "REDELIVERY", "EVENT", "EVENT"),
            log(hook, "").getList("data.reason"));

        Api.asAdmin()
            .body(Map.of("eventId", java.util.UUID.randomUUID().toString()))
            .post("/api/v1/webhooks/" + hook + "/redeliver")
            .then()
            .statusCode(422)
            .body("errors[0].field", equalTo("eventId"));
        Api.asAdmin()
            .body(Map.of("from", from.toString(), "to", from.toString()))
            .post("/api/v1/webhooks/" + hook + "/replay")
            .then()
            .statusCode(422);
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void gone410DisablesTheSubscriptionAtOnceWithAnEventAndReEnablingResumes() throws Exception {
    String name = Api.uniqueCode("WH-GONE");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.then(Answer.status(410));
      String hook = subscribe("admin.li", receiver.url(), List.of("customer.*"), byName(name));
      try {
        String id = customer("rep.zhang", name);
        deliverUntil(() -> !Api.asAdmin().get("/api/v1/webhooks/" + hook).<Boolean>path("active"));
        assertEquals(1, receiver.received().size(), "no retry while disabled");
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook)
            .then()
            .body("disabledReason", containsString("410"))
            .body("disabledAt", org.hamcrest.Matchers.notNullValue());
        publisher.publishPending();
        JsonPath feed =
            Api.asAdmin()
                .get("/api/v1/events?types=webhook.disabled&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(feed.getList("data.resourceId").contains(hook), "webhook.disabled is an event");

        for (int i = 0; i < 5; i++) {
          deliver();
        }
        assertEquals(1, receiver.received().size(), "a disabled subscription gets nothing");

        Api.asAdmin()
            .contentType("application/merge-patch+json")
            .body(Map.of("active", true))
            .patch("/api/v1/webhooks/" + hook)
            .then()
            .statusCode(200)
            .body("disabledReason", org.hamcrest.Matchers.nullValue());
        deliverUntil(() -> receiver.succeeded().size() == 1);
        assertEquals(id, JsonPath.from(receiver.succeeded().get(0).body()).getString("resourceId"));
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void aRunOfFailuresDisablesTheSubscription() throws Exception {
    String name = Api.uniqueCode("WH-FAIL");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      receiver.always(Answer.status(503));
      String hook = subscribe("admin.li", receiver.url(), List.of("customer.*"), byName(name));
      try {
        customer("rep.zhang", name);
        deliverUntil(() -> !Api.asAdmin().get("/api/v1/webhooks/" + hook).<Boolean>path("active"));
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook)
            .then()
            .body("disabledReason", containsString("in a row"));
        assertTrue(receiver.received().size() >= 4, "the test profile disables after 4");
        assertEquals(
            "PENDING",
            log(hook, "").getString("data[0].status"),
            "the delivery waits for the subscription to be enabled again");
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void duringARotationBothSecretsSign() throws Exception {
    String name = Api.uniqueCode("WH-ROT");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String hook =
          subscribe("admin.li", receiver.url(), List.of("customer.created"), byName(name));
      try {
        String old = secret(hook);
        JsonPath rotated =
            Api.asAdmin()
                .body(Map.of("overlapHours", 2))
                .post("/api/v1/webhooks/" + hook + "/rotate-secret")
                .then()
                .statusCode(200)
                .body("previousSecret", equalTo(old))
                .extract()
                .jsonPath();
        String fresh = rotated.getString("secret");
        assertFalse(fresh.equals(old));
        assertTrue(fresh.startsWith("whsec_"));
        Api.asAdmin()
            .get("/api/v1/webhooks/" + hook)
            .then()
            .body("version", equalTo(1))
            .body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue());

        customer("rep.zhang", name);
        deliverUntil(() -> receiver.succeeded().size() == 1);
        Received r = receiver.succeeded().get(0);
        assertEquals(2, r.header("webhook-signature").split(" ").length);
        assertTrue(signedWith(r, old), "the old secret still signs");
        assertTrue(signedWith(r, fresh), "the new one signs");

        Api.asAdmin()
            .body(Map.of("overlapHours", 0))
            .post("/api/v1/webhooks/" + hook + "/rotate-secret")
            .then()
            .statusCode(200)
            .body("previousSecret", org.hamcrest.Matchers.nullValue());
        Api.asAdmin()
            .contentType("application/merge-patch+json")
            .body(Map.of("secret", WebhookSignatures.newSecret()))
            .patch("/api/v1/webhooks/" + hook)
            .then()
            .statusCode(422)
            .body("errors[0].field", equalTo("secret"));
        Api.asAdmin()
            .body(Map.of("overlapHours", 500))
            .post("/api/v1/webhooks/" + hook + "/rotate-secret")
            .then()
            .statusCode(422);
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void payloadsAreWhatTheOwnerMaySee() throws Exception {
    List<String> before = Api.permissions("sales-rep");
    String name = Api.uniqueCode("WH-SCOPE");
    List<String> granted = new ArrayList<>(before);
    granted.addAll(List.of("webhook:read", "webhook:create", "webhook:update", "webhook:delete"));
    Api.permissions("sales-rep", granted);
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String hook =
          subscribe("rep.chen", receiver.url(), List.of("customer.created"), byName(name));
      try {
        String zhangs = customer("rep.zhang", name);
        // rep.chen's own customer, with a credit limit, which sales reps may not see.
        String chens =
            Api.asAdmin()
                .body(Map.of("name", name, "ownerId", REP_CHEN, "creditLimit", 120000))
                .post("/api/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        deliverUntil(() -> receiver.succeeded().size() == 1);
        for (int i = 0; i < 3; i++) {
          deliver();
        }
        assertEquals(1, receiver.received().size(), "rep.chen does not see rep.zhang's customer");
        JsonPath event = JsonPath.from(receiver.received().get(0).body());
        assertEquals(chens, event.getString("resourceId"));
        assertEquals(REP_CHEN, event.getString("data.ownerId"));
        assertFalse(event.getMap("data").containsKey("creditLimit"), "a field hidden from reps");
        assertFalse(receiver.received().get(0).body().contains(zhangs));
        assertFalse(receiver.received().get(0).body().contains("120000"));
      } finally {
        unsubscribe(hook);
      }
    } finally {
      Api.permissions("sales-rep", before);
    }
  }

  @Test
  void theDeliveryLogIsKeptForItsRetentionThenPurged() throws Exception {
    String name = Api.uniqueCode("WH-PURGE");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String hook =
          subscribe("admin.li", receiver.url(), List.of("customer.created"), byName(name));
      try {
        customer("rep.zhang", name);
        deliverUntil(() -> receiver.succeeded().size() == 1);
        purger.purgeBefore(Instant.now().minus(Duration.ofDays(30)));
        assertEquals(1, log(hook, "").getList("data").size(), "younger than 30 days: kept");
        purger.purgeBefore(Instant.now().plusSeconds(1));
        assertEquals(0, log(hook, "").getList("data").size(), "older than the cutoff: purged");
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void aSenderThatDiesMidDeliveryLosesNothingAndTwoSendersNeverMakeTheSameAttempt()
      throws Exception {
    String name = Api.uniqueCode("WH-KILL");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      String hook =
          subscribe("admin.li", receiver.url(), List.of("customer.created"), byName(name));
      try {
        for (int i = 0; i < 12; i++) {
          customer("rep.zhang", name);
        }
        publisher.publishPending();
        dispatcher.fanOut();

        // Two senders (as two replicas would) claim at the same moment.
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<List<WebhookSender.Claim>>> claims = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          claims.add(
              two.submit(
                  () -> {
                    together.await();
                    return sender.claim(100);
                  }));
        }
        java.util.UUID mine = java.util.UUID.fromString(hook);
        List<WebhookSender.Claim> a = new ArrayList<>();
        List<WebhookSender.Claim> b = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          for (WebhookSender.Claim c : claims.get(i).get()) {
            if (c.subscriptionId().equals(mine)) {
              (i == 0 ? a : b).add(c);
            } else {
              sender.finish(c, sender.send(c)); // another test's leftover: not this test's business
            }
          }
        }
        two.shutdown();
        Set<java.util.UUID> seen = new HashSet<>();
        for (WebhookSender.Claim c : a) {
          seen.add(c.deliveryId());
        }
        for (WebhookSender.Claim c : b) {
          assertTrue(seen.add(c.deliveryId()), "claimed by both senders: " + c.deliveryId());
        }
        assertEquals(
            4, seen.size(), "claimed once each, up to the subscription's 4 in flight at once");

        // The first sender sends its share; the second dies without sending anything.
        for (WebhookSender.Claim c : a) {
          sender.finish(c, sender.send(c));
        }
        assertEquals(a.size(), receiver.received().size());
        sender.sendDue();
        Set<String> held = new HashSet<>();
        for (WebhookSender.Claim c : b) {
          held.add(c.eventId().toString());
        }
        for (Received r : receiver.received()) {
          assertFalse(held.contains(r.header("webhook-id")), "a held lease is not taken over");
        }

        // Past the lease, another sender takes the dead one's deliveries over.
        Clock.use(java.time.Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC));
        try {
          sender.sendDue();
        } finally {
          Clock.reset();
        }
        assertEquals(12, receiver.received().size());
        Set<String> ids = new HashSet<>();
        for (Received r : receiver.received()) {
          ids.add(r.header("webhook-id"));
        }
        assertEquals(12, ids.size(), "each event exactly once");
        if (!b.isEmpty()) {
          JsonPath log = log(hook, "?limit=50");
          int taken = 0;
          for (int i = 0; i < 12; i++) {
            List<String> outcomes = log.getList("data[" + i + "].attempts.outcome");
            if (outcomes.size() == 2) {
              assertEquals(List.of("INTERRUPTED", "SUCCEEDED"), outcomes);
              taken++;
            }
          }
          assertEquals(b.size(), taken);
        }
      } finally {
        unsubscribe(hook);
      }
    }
  }

  @Test
  void aSlowReceiverHoldsOnlyItsOwnSlotsNotAnotherSubscriptionsDeliveries() throws Exception {
    String name = Api.uniqueCode("WH-SLOW");
    try (WebhookReceiver slow = new WebhookReceiver();
        WebhookReceiver fast = new WebhookReceiver()) {
      slow.always(Answer.slow(Duration.ofSeconds(3))); // past the tests' 2 s timeout
      String slowHook =
          subscribe("admin.li", slow.url(), List.of("customer.created"), byName(name));
      String fastHook =
          subscribe("admin.li", fast.url(), List.of("customer.created"), byName(name));
      try {
        for (int i = 0; i < 6; i++) {
          customer("rep.zhang", name);
        }
        publisher.publishPending();
        dispatcher.fanOut();
        Instant start = Instant.now();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<Integer> sending = background.submit(() -> sender.sendDue());
        await().atMost(PATIENCE).until(() -> fast.succeeded().size() == 6);
        Duration took = Duration.between(start, Instant.now());
        assertTrue(
            took.toMillis() < 1900,
            "the fast receiver's six did not wait for the slow one's timeouts: " + took);
        assertTrue(slow.received().size() <= 4, "at most 4 of one subscription in flight at once");
        unsubscribe(slowHook);
        sending.get();
        background.shutdown();
      } finally {
        Api.asAdmin().delete("/api/v1/webhooks/" + slowHook);
        unsubscribe(fastHook);
      }
    }
  }

  @Test
  void badSubscriptionsAre422AndOnlyAdministratorsAndIntegrationsManageThem() {
    Map<String, Object> good =
        Map.of("url", "https://erp.example.com/hooks", "eventTypes", List.of("customer.*"));
    record Bad(String field, Map<String, Object> change) {}
    List<Bad> bad =
        List.of(
            new Bad("url", Map.of("url", "ftp://erp.example.com/hooks")),
            new Bad("url", Map.of("url", "https://user:pw@erp.example.com/hooks")),
            new Bad("eventTypes", Map.of("eventTypes", List.of("customer.*.x*"))),
            new Bad("eventTypes", Map.of("eventTypes", List.of())),
            new Bad(
                "filter",
                Map.of("filter", "level==A", "eventTypes", List.of("customer.*", "contact.*"))),
            new Bad("filter", Map.of("filter", "noSuchField==1")),
            new Bad("secret", Map.of("secret", "whsec_short")));
    for (Bad b : bad) {
      Map<String, Object> body = new java.util.HashMap<>(good);
      body.putAll(b.change());
      Api.asAdmin()
          .body(body)
          .post("/api/v1/webhooks")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", org.hamcrest.Matchers.hasItem(b.field()));
    }
    Api.as("rep.zhang").body(good).post("/api/v1/webhooks").then().statusCode(403);
    String id =
        Api.asIntegration()
            .body(good)
            .post("/api/v1/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").get("/api/v1/webhooks/" + id + "/secret").then().statusCode(403);
    Api.asIntegration()
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
    Api.asIntegration()
        .body(
            Map.of(
                "query",
                "{ webhookDeliveries(id: \""
                    + id
                    + "\") { deliveries { id } hasMore } "
                    + "webhookSecret(id: \""
                    + id
                    + "\") { secret } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.webhookDeliveries.deliveries", hasSize(0))
        .body("data.webhookSecret.secret", org.hamcrest.Matchers.startsWith("whsec_"));
    Api.asIntegration().delete("/api/v1/webhooks/" + id).then().statusCode(204);
  }
}
