package dev.headlesscrm.marketing;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaigns and their target lists (营销活动, 目标客户列表), and the care rule of issue 13 that they feed:
 * care planned within care-before-marketing-days before a marketing contact to the same customer is
 * flagged, and the flag follows every change of the contacts.
 */
@QuarkusTest
class CampaignTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  static String customer(String name) {
    return Api.as("rep.zhang")
        .body(Map.of("name", name + " " + System.nanoTime()))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String campaign(String name) {
    return Api.as("marketing.zhao")
        .body(Map.of("name", name, "type", "PROMOTION", "channel", "WECHAT"))
        .post("/api/v1/campaigns")
        .then()
        .statusCode(201)
        .body("status", equalTo("PLANNED"))
        .extract()
        .path("id");
  }

  static String member(String campaign, String customer, Instant at) {
    return Api.as("marketing.zhao")
        .body(Map.of("campaignId", campaign, "customerId", customer, "plannedAt", at.toString()))
        .post("/api/v1/campaign-members")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static JsonPath care(String id) {
    return Api.as("rep.zhang")
        .get("/api/v1/customer-cares/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static String newCare(String customer, Instant at) {
    return Api.as("rep.zhang")
        .body(
            Map.of(
                "customerId",
                customer,
                "kind",
                "GIFT",
                "occasion",
                "HOLIDAY",
                "plannedAt",
                at.toString()))
        .post("/api/v1/customer-cares")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static List<String> careHistory(String id) {
    return Api.asAdmin()
        .get("/api/v1/customer-cares/" + id + "/history")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.action");
  }

  @Test
  void campaignsMoveThroughTheirStatusesOnly() {
    String id = campaign("双十一老客户回馈");
    Map<String, Object> bad = new HashMap<>();
    bad.put("name", "日期颠倒");
    bad.put("type", "PROMOTION");
    bad.put("startDate", "2026-12-10");
    bad.put("endDate", "2026-12-01");
    Api.as("marketing.zhao")
        .body(bad)
        .post("/api/v1/campaigns")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("endDate"));
    Api.as("marketing.zhao")
        .body(Map.of("name", "未知类型", "type", "FLASH_MOB"))
        .post("/api/v1/campaigns")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("type"));
    // A sales rep reads campaigns but does not run them.
    Api.as("rep.zhang").get("/api/v1/campaigns/" + id).then().statusCode(200);
    Api.as("rep.zhang")
        .body(Map.of("name", "销售自办", "type", "PROMOTION"))
        .post("/api/v1/campaigns")
        .then()
        .statusCode(403);
    // Status is not writable; it moves by actions, and a repeated one is a 409.
    Api.as("marketing.zhao")
        .contentType("application/merge-patch+json")
        .body(Map.of("status", "COMPLETED"))
        .patch("/api/v1/campaigns/" + id)
        .then()
        .statusCode(422);
    Api.as("marketing.zhao").post("/api/v1/campaigns/" + id + "/complete").then().statusCode(409);
    Api.as("marketing.zhao")
        .post("/api/v1/campaigns/" + id + "/launch")
        .then()
        .statusCode(200)
        .body("status", equalTo("ACTIVE"))
        .body("launchedAt", notNullValue());
    Api.as("marketing.zhao").post("/api/v1/campaigns/" + id + "/launch").then().statusCode(409);
    Api.as("marketing.zhao")
        .post("/api/v1/campaigns/" + id + "/complete")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("closedAt", notNullValue());
    // A completed campaign takes no new customers.
    String customer = customer("活动后客户");
    Api.as("marketing.zhao")
        .body(Map.of("campaignId", id, "customerId", customer))
        .post("/api/v1/campaign-members")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("campaignId"));
    Api.as("marketing.zhao")
        .get("/api/v1/campaigns?filter=status==COMPLETED;id==" + id)
        .then()
        .statusCode(200)
        .body("data.id", hasItem(id));
  }

  @Test
  void aTargetListHoldsEachCustomerOnceWithItsContactAndResponse() {
    String campaign = campaign("新品发布会");
    String customer = customer("目标客户");
    String contact =
        Api.as("rep.zhang")
            .body(Map.of("customerId", customer, "name", "王经理"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String stranger =
        Api.as("rep.zhang")
            .body(Map.of("customerId", customer("别家"), "name", "李经理"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("marketing.zhao")
        .body(Map.of("campaignId", campaign, "customerId", customer, "contactId", stranger))
        .post("/api/v1/campaign-members")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contactId"));
    Instant at = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String member =
        Api.as("marketing.zhao")
            .body(
                Map.of(
                    "campaignId",
                    campaign,
                    "customerId",
                    customer,
                    "contactId",
                    contact,
                    "plannedAt",
                    at.toString()))
            .post("/api/v1/campaign-members")
            .then()
            .statusCode(201)
            .body("plannedAt", equalTo(at.toString()))
            .body("respondedAt", nullValue())
            .extract()
            .path("id");
    Api.as("marketing.zhao")
        .body(Map.of("campaignId", campaign, "customerId", customer))
        .post("/api/v1/campaign-members")
        .then()
        .statusCode(409);
    Api.as("marketing.zhao")
        .contentType("application/merge-patch+json")
        .body(Map.of("response", "REGISTERED"))
        .patch("/api/v1/campaign-members/" + member)
        .then()
        .statusCode(200)
        .body("response", equalTo("REGISTERED"))
        .body("respondedAt", notNullValue());
    Api.as("marketing.zhao")
        .contentType("application/merge-patch+json")
        .body(Map.of("customerId", customer("换人")))
        .patch("/api/v1/campaign-members/" + member)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("customerId"));
    Api.as("marketing.zhao")
        .contentType("application/merge-patch+json")
        .body(Map.of("response", "MAYBE"))
        .patch("/api/v1/campaign-members/" + member)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("response"));
    // It belongs to the customer's owner, who sees it; another rep does not.
    Api.as("rep.zhang")
        .get("/api/v1/campaign-members/" + member)
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(ZHANG));
    Api.as("rep.chen").get("/api/v1/campaign-members/" + member).then().statusCode(404);
    // On the customer's timeline, titled by the campaign.
    Api.as("rep.zhang")
        .queryParam("kind", "marketing")
        .get("/api/v1/customers/" + customer + "/timeline")
        .then()
        .statusCode(200)
        .body("data.recordId", hasItem(member))
        .body("data.title", hasItem("新品发布会"));
    // Deleting the campaign takes its list with it; restoring it brings the list back.
    Api.as("marketing.zhao").delete("/api/v1/campaigns/" + campaign).then().statusCode(204);
    Api.as("marketing.zhao").get("/api/v1/campaign-members/" + member).then().statusCode(404);
    Api.as("marketing.zhao")
        .post("/api/v1/campaigns/" + campaign + "/restore")
        .then()
        .statusCode(200);
    Api.as("marketing.zhao").get("/api/v1/campaign-members/" + member).then().statusCode(200);
  }

  @Test
  void careRightBeforeAMarketingContactIsFlaggedAndTheFlagFollowsTheContact() {
    String customer = customer("关怀营销冲突");
    Instant day = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String campaign = campaign("周年庆促销");
    String contact = member(campaign, customer, day);

    // Written against a planned contact: within 7 days (the default) before it is flagged.
    String before = newCare(customer, day.minus(2, ChronoUnit.DAYS));
    JsonPath flagged = care(before);
    assertEquals(day.toString(), flagged.getString("marketingConflictAt"));
    assertEquals(campaign, flagged.getString("marketingConflictCampaignId"));
    assertEquals(contact, flagged.getString("marketingConflictMemberId"));
    // Long before, or after the contact: not flagged.
    String early = newCare(customer, day.minus(20, ChronoUnit.DAYS));
    assertEquals(null, care(early).getString("marketingConflictAt"));
    String after = newCare(customer, day.plus(1, ChronoUnit.DAYS));
    assertEquals(null, care(after).getString("marketingConflictAt"));
    // Another customer's care on the same day: not flagged.
    String other = newCare(customer("别的客户"), day.minus(2, ChronoUnit.DAYS));
    assertEquals(null, care(other).getString("marketingConflictAt"));

    // Marketing moves the contact 15 days earlier: the early care is now 5 days before it.
    long version = care(early).getLong("version");
    Api.as("marketing.zhao")
        .contentType("application/merge-patch+json")
        .body(Map.of("plannedAt", day.minus(15, ChronoUnit.DAYS).toString()))
        .patch("/api/v1/campaign-members/" + contact)
        .then()
        .statusCode(200);
    JsonPath moved = care(early);
    assertEquals(day.minus(15, ChronoUnit.DAYS).toString(), moved.getString("marketingConflictAt"));
    assertEquals(version + 1, moved.getLong("version"), "through the care's version");
    assertTrue(careHistory(early).contains("marketing-conflict-checked"));
    assertEquals(null, care(before).getString("marketingConflictAt"), "now after the contact");
    // The care's owner is told.
    List<Map<String, Object>> notes =
        Api.as("rep.zhang")
            .queryParam("limit", 100)
            .get("/api/v1/me/notifications")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    assertTrue(
        notes.stream()
            .anyMatch(
                n ->
                    early.equals(n.get("recordId"))
                        && "care-marketing-conflict".equals(n.get("kind"))),
        notes.toString());
    // Flagged care is a filter away.
    Api.as("rep.zhang")
        .get(
            "/api/v1/customer-cares?filter=customerId=="
                + customer
                + ";marketingConflictAt=isnull=false")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(early)));

    // Cancelling the campaign clears the flag; planning it again brings it back.
    Api.as("marketing.zhao")
        .post("/api/v1/campaigns/" + campaign + "/cancel")
        .then()
        .statusCode(200);
    assertEquals(null, care(early).getString("marketingConflictAt"));
    Api.as("marketing.zhao")
        .post("/api/v1/campaigns/" + campaign + "/replan")
        .then()
        .statusCode(200);
    assertEquals(
        day.minus(15, ChronoUnit.DAYS).toString(), care(early).getString("marketingConflictAt"));
    // Taking the customer off the list clears it; putting it back (restore) flags it again.
    Api.as("marketing.zhao").delete("/api/v1/campaign-members/" + contact).then().statusCode(204);
    assertEquals(null, care(early).getString("marketingConflictAt"));
    Api.as("marketing.zhao")
        .post("/api/v1/campaign-members/" + contact + "/restore")
        .then()
        .statusCode(200);
    assertEquals(
        day.minus(15, ChronoUnit.DAYS).toString(), care(early).getString("marketingConflictAt"));

    // Over GraphQL, with the campaign it clashes with.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ customerCare(id: \""
                    + early
                    + "\") { marketingConflictAt marketingConflictCampaign { name status } } }"))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.customerCare.marketingConflictCampaign.name", equalTo("周年庆促销"));
  }

  @Test
  void theRuleReadsItsDaysFromTheSystemParameter() {
    String customer = customer("参数客户");
    Instant day = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    member(campaign("参数活动"), customer, day);
    try {
      Api.asAdmin()
          .body(Map.of("value", 0))
          .put("/api/v1/settings/care-before-marketing-days")
          .then()
          .statusCode(200);
      assertEquals(
          null,
          care(newCare(customer, day.minus(1, ChronoUnit.DAYS))).getString("marketingConflictAt"));
      Api.asAdmin()
          .body(Map.of("value", 30))
          .put("/api/v1/settings/care-before-marketing-days")
          .then()
          .statusCode(200);
      assertEquals(
          day.toString(),
          care(newCare(customer, day.minus(20, ChronoUnit.DAYS))).getString("marketingConflictAt"));
    } finally {
      Api.asAdmin()
          .body(Map.of("value", 7))
          .put("/api/v1/settings/care-before-marketing-days")
          .then()
          .statusCode(200);
    }
  }
}
