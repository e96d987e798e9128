package dev.headlesscrm.sales;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.sales.performance.SalesTargetTest;
import dev.headlesscrm.sales.pipeline.OpportunityTest;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole sales chain through the API, as an ERP script and a sales rep would walk it: products
 * upserted by the ERP; a lead created and converted; the opportunity moved through the stages; a
 * quote with discounts and tax (exact totals) approved by the manager; the contract made from it
 * and approved (the customer becomes won); three payment plan periods; three payments, a fourth
 * refused; the rep's commission computed and the month's target progress updated; every step in
 * history and in the change feed, in order.
 */
@QuarkusTest
class SalesScenarioTest {

  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  static final String MONTH = TODAY.substring(0, 7);
  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  @Test
  void fromProductsToPayments() {
    long started = System.nanoTime();
    long head = events.head();
    String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    List<String> flows = new ArrayList<>();
    String rule = null;
    String target = null;
    try {
      flows.add(SalesApprovalTest.flow("quote"));
      // The manager's plan for the month and the commission rule for the rep.
      rule =
          Api.asAdmin()
              .body(
                  Map.of(
                      "name",
                      "张伟 合同提成 " + run,
                      "basis",
                      "CONTRACT_AMOUNT",
                      "employeeId",
                      ZHANG,
                      "rate",
                      0.05,
                      "priority",
                      100))
              .post("/api/v1/commission-rules")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      target =
          Api.as("manager.wang")
              .body(
                  Map.of(
                      "employeeId",
                      ZHANG,
                      "period",
                      MONTH,
                      "metric",
                      "PAYMENTS_RECEIVED",
                      "target",
                      100000))
              .post("/api/v1/sales-targets")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      BigDecimal receivedBefore = actual(target);

      // 1. The ERP upserts two products (twice: the same records).
      Map<String, Object> license =
          Map.of("name", "CRM 企业版许可 " + run, "listPrice", 1234.56, "taxRate", 0.13, "unit", "套");
      Map<String, Object> service =
          Map.of(
              "name",
              "实施服务 " + run,
              "listPrice",
              999.99,
              "taxRate",
              0.06,
              "service",
              true,
              "unit",
              "人天");
      String licenseId = upsertProduct("ERP-P-" + run + "-1", license, 201);
      String serviceId = upsertProduct("ERP-P-" + run + "-2", service, 201);
      assertEquals(licenseId, upsertProduct("ERP-P-" + run + "-1", license, 200));

      // 2. A lead, converted into customer, contact and opportunity.
      String lead =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "name", "赵敏",
                      "company", "杭州云帆科技 " + run,
                      "mobile", "13912345678",
                      "source", "EXHIBITION"))
              .post("/api/v1/leads")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      JsonPath converted =
          Api.as("rep.zhang")
              .body(Map.of("createOpportunity", true, "opportunityName", "云帆 CRM 项目"))
              .post("/api/v1/leads/" + lead + "/convert")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      String customer = converted.getString("customer.id");
      String contact = converted.getString("contact.id");
      String opportunity = converted.getString("opportunity.id");

      // 3. Through the stages.
      Map<String, String> stage = OpportunityTest.stages();
      for (String code : List.of("NURTURING", "NEEDS_CONFIRMED", "PROPOSAL")) {
        Api.as("rep.zhang")
            .body(Map.of("stageId", stage.get(code)))
            .patch("/api/v1/opportunities/" + opportunity)
            .then()
            .statusCode(200)
            .body("stageCode", equalTo(code));
      }

      // 4. The quote: prices and tax rates from the products, discounts above the threshold.
      String quote =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "name", "云帆 CRM 报价",
                      "customerId", customer,
                      "contactId", contact,
                      "opportunityId", opportunity,
                      "lines",
                          List.of(
                              Map.of(
                                  "productId",
                                  licenseId,
                                  "description",
                                  "许可",
                                  "quantity",
                                  10,
                                  "discountPercent",
                                  5),
                              Map.of(
                                  "productId",
                                  serviceId,
                                  "description",
                                  "实施",
                                  "quantity",
                                  3,
                                  "discountPercent",
                                  25))))
              .post("/api/v1/quotes")
              .then()
              .statusCode(201)
              .body("lines[0].unitPrice", equalTo(1234.56f))
              .body("lines[1].taxRate", equalTo(0.06f))
              .body("subtotal", equalTo(15345.57f))
              .body("discountTotal", equalTo(1367.27f))
              .body("taxTotal", equalTo(1659.68f))
              .body("grandTotal", equalTo(15637.98f))
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .post("/api/v1/quotes/" + quote + "/submit")
          .then()
          .body("status", equalTo("IN_APPROVAL"));
      SalesApprovalTest.decide(SalesApprovalTest.pendingFor(quote), "approve");
      Api.as("rep.zhang").post("/api/v1/quotes/" + quote + "/send").then().statusCode(200);
      Api.as("rep.zhang")
          .post("/api/v1/quotes/" + quote + "/accept")
          .then()
          .body("status", equalTo("ACCEPTED"));
      Api.as("rep.zhang")
          .body(Map.of("stageId", stage.get("CONTRACT_SIGNING")))
          .patch("/api/v1/opportunities/" + opportunity)
          .then()
          .statusCode(200);

      // 5. The contract from the quote, approved: the customer is won.
      String contract =
          Api.as("rep.zhang")
              .post("/api/v1/contracts/from-quote/" + quote)
              .then()
              .statusCode(201)
              .body("amount", equalTo(15637.98f))
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .post("/api/v1/contracts/" + contract + "/submit")
          .then()
          .body("status", equalTo("APPROVED"));
      Api.as("rep.zhang")
          .get("/api/v1/customers/" + customer)
          .then()
          .body("status", equalTo("WON"));

      // 6. Three plan periods; three payments; a fourth would exceed the contract.
      Object[] amounts = {5000, 5000, 5637.98};
      List<String> periods = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        periods.add(
            Api.as("rep.zhang")
                .body(
                    Map.of(
                        "contractId",
                        contract,
                        "dueDate",
                        LocalDate.parse(TODAY).plusMonths(i + 1).toString(),
                        "amount",
                        amounts[i]))
                .post("/api/v1/payment-plans")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
      }
      for (int i = 0; i < 3; i++) {
        String payment =
            Api.asIntegration()
                .body(
                    Map.of(
                        "contractId",
                        contract,
                        "planId",
                        periods.get(i),
                        "paidOn",
                        TODAY,
                        "amount",
                        amounts[i],
                        "method",
                        "BANK_TRANSFER",
                        "externalId",
                        "ERP-PAY-" + run + "-" + i))
                .post("/api/v1/payments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as("rep.zhang")
            .post("/api/v1/payments/" + payment + "/submit")
            .then()
            .body("status", equalTo("APPROVED"));
      }
      Api.asIntegration()
          .body(
              Map.of(
                  "contractId",
                  contract,
                  "paidOn",
                  TODAY,
                  "amount",
                  100,
                  "method",
                  "BANK_TRANSFER"))
          .post("/api/v1/payments")
          .then()
          .statusCode(409);
      Api.as("rep.zhang")
          .get("/api/v1/contracts/" + contract)
          .then()
          .body("receivedAmount", equalTo(15637.98f))
          .body("outstandingAmount", equalTo(0.00f));
      // The rep's commission on the contract, and the target's progress by what was received.
      Api.as("rep.zhang")
          .queryParam("filter", "sourceId==" + contract)
          .get("/api/v1/commissions")
          .then()
          .statusCode(200)
          .body("data.size()", equalTo(1))
          .body("data[0].basisAmount", equalTo(15637.98f))
          .body("data[0].rate", equalTo(0.05f))
          .body("data[0].amount", equalTo(781.90f))
          .body("data[0].status", equalTo("CALCULATED"));
      assertEquals(
          0,
          receivedBefore.add(new BigDecimal("15637.98")).compareTo(actual(target)),
          "target progress grew by the payments received");
      Api.as("rep.zhang")
          .body(Map.of("stageId", stage.get("WON")))
          .patch("/api/v1/opportunities/" + opportunity)
          .then()
          .body("status", equalTo("WON"));

      // 7. Every step in the change feed, in order.
      publisher.publishPending();
      Set<String> ours = Set.of(lead, customer, contact, opportunity, quote, contract);
      List<Map<String, Object>> feed =
          Api.asAdmin()
              .get("/api/v1/events?limit=1000&after=" + head)
              .then()
              .statusCode(200)
              .extract()
              .path("data");
      List<String> types =
          feed.stream()
              .filter(e -> ours.contains((String) e.get("resourceId")))
              .map(e -> (String) e.get("type"))
              .toList();
      assertInOrder(
          types,
          List.of(
              "lead.created",
              "customer.created",
              "contact.created",
              "opportunity.created",
              "lead.converted",
              "opportunity.updated",
              "quote.created",
              "quote.submitted",
              "quote.approved",
              "quote.sent",
              "quote.accepted",
              "contract.created",
              "contract.quoted",
              "contract.approved",
              "customer.won",
              "contract.received",
              "opportunity.updated"));
      long previous = head;
      for (Map<String, Object> e : feed) {
        long sequence = ((Number) e.get("sequence")).longValue();
        assertTrue(sequence > previous, "the feed is in sequence order");
        previous = sequence;
      }
      Api.as("rep.zhang")
          .get("/api/v1/quotes/" + quote + "/history")
          .then()
          .body(
              "data.action",
              equalTo(List.of("accepted", "sent", "approved", "submitted", "created")));
    } finally {
      for (String f : flows) {
        Api.asAdmin().body(Map.of("active", false)).patch("/api/v1/approval-flows/" + f);
      }
      if (rule != null) {
        Api.asAdmin().delete("/api/v1/commission-rules/" + rule);
      }
      if (target != null) {
        Api.asAdmin().delete("/api/v1/sales-targets/" + target);
      }
    }
    System.out.printf(
        "SCENARIO sales chain walked in %.2f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** The actual of a target in this month's progress, as manager.wang sees it. */
  private static BigDecimal actual(String target) {
    List<Map<String, Object>> rows =
        Api.as("manager.wang")
            .get("/api/v1/sales-targets/progress?limit=500&period=" + MONTH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath(SalesTargetTest.BIG_DECIMALS)
            .getList("data");
    return rows.stream()
        .filter(r -> target.equals(r.get("id")))
        .map(r -> new BigDecimal(String.valueOf(r.get("actual"))))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no progress for target " + target));
  }

  private static String upsertProduct(String external, Map<String, Object> body, int status) {
    return Api.asIntegration()
        .body(body)
        .put("/api/v1/products/external/" + external)
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  /** Each expected type appears, in this order (other events may come in between). */
  private static void assertInOrder(List<String> actual, List<String> expected) {
    int at = 0;
    for (String type : expected) {
      int found = actual.subList(at, actual.size()).indexOf(type);
      assertTrue(found >= 0, type + " missing after position " + at + " in " + actual);
      at += found + 1;
    }
  }
}
