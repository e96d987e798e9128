package dev.headlesscrm.sales;

import static org.hamcrest.Matchers.equalTo;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Quotes above the discount threshold, contracts and payments go through the approval engine when
 * their flows are active: locked meanwhile, approved or rejected by the supervisor, and the outcome
 * lands in the record (approval of a contract marks its customer won).
 */
@QuarkusTest
class SalesApprovalTest {

  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

  static String flow(String resource) {
    return Api.asAdmin()
        .body(
            Map.of(
                "resource",
                resource,
                "name",
                resource + " 审批",
                "steps",
                List.of(Map.of("kind", "SUPERVISOR"))))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String pendingFor(String recordId) {
    List<Map<String, Object>> inbox =
        Api.as("manager.wang")
            .get("/api/v1/approvals/inbox?limit=500")
            .then()
            .statusCode(200)
            .extract()
            .path("data");
    return inbox.stream()
        .filter(a -> recordId.equals(a.get("recordId")))
        .map(a -> (String) a.get("id"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in manager.wang's inbox: " + recordId));
  }

  static void decide(String approval, String decision) {
    Api.as("manager.wang")
        .body(Map.of("comment", decision + " by 王芳"))
        .post("/api/v1/approvals/" + approval + "/" + decision)
        .then()
        .statusCode(200);
  }

  static String quote(String customer, int discount) {
    return Api.as("rep.zhang")
        .body(
            Map.of(
                "name",
                "审批报价",
                "customerId",
                customer,
                "lines",
                List.of(
                    Map.of(
                        "description",
                        "服务",
                        "quantity",
                        1,
                        "unitPrice",
                        10000,
                        "discountPercent",
                        discount,
                        "taxRate",
                        0.06))))
        .post("/api/v1/quotes")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void discountsAboveTheThresholdContractsAndPaymentsAreApprovedByTheSupervisor() {
    List<String> flows = new ArrayList<>();
    try {
      flows.add(flow("quote"));
      flows.add(flow("contract"));
      flows.add(flow("payment"));
      String customer =
          Api.as("rep.zhang")
              .body(Map.of("name", "审批客户" + UUID.randomUUID().toString().substring(0, 6)))
              .post("/api/v1/customers")
              .then()
              .statusCode(201)
              .extract()
              .path("id");

      // 10 % is within the 20 % threshold: approved at once.
      String modest = quote(customer, 10);
      Api.as("rep.zhang")
          .post("/api/v1/quotes/" + modest + "/submit")
          .then()
          .body("status", equalTo("APPROVED"));

      // 30 % needs approval; the quote is locked meanwhile.
      String generous = quote(customer, 30);
      Api.as("rep.zhang")
          .post("/api/v1/quotes/" + generous + "/submit")
          .then()
          .statusCode(200)
          .body("status", equalTo("IN_APPROVAL"));
      Api.as("rep.zhang")
          .body(Map.of("name", "审批中改名"))
          .patch("/api/v1/quotes/" + generous)
          .then()
          .statusCode(409);
      decide(pendingFor(generous), "approve");
      Api.as("rep.zhang")
          .get("/api/v1/quotes/" + generous)
          .then()
          .body("status", equalTo("APPROVED"));

      // Contract: rejected, corrected, approved; approval wins the customer.
      String contract =
          Api.as("rep.zhang")
              .body(Map.of("name", "审批合同", "customerId", customer, "amount", 20000))
              .post("/api/v1/contracts")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .post("/api/v1/contracts/" + contract + "/submit")
          .then()
          .body("status", equalTo("IN_APPROVAL"));
      decide(pendingFor(contract), "reject");
      Api.as("rep.zhang")
          .get("/api/v1/contracts/" + contract)
          .then()
          .body("status", equalTo("REJECTED"));
      Api.as("rep.zhang")
          .body(Map.of("amount", 18000))
          .patch("/api/v1/contracts/" + contract)
          .then()
          .statusCode(200)
          .body("status", equalTo("DRAFT"));
      Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
      Api.as("rep.zhang").get("/api/v1/customers/" + customer).then().body("status", equalTo(null));
      decide(pendingFor(contract), "approve");
      Api.as("rep.zhang")
          .get("/api/v1/contracts/" + contract)
          .then()
          .body("status", equalTo("APPROVED"));
      Api.as("rep.zhang")
          .get("/api/v1/customers/" + customer)
          .then()
          .body("status", equalTo("WON"));

      // Payment: counts as received only once approved.
      String payment =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "contractId",
                      contract,
                      "paidOn",
                      TODAY,
                      "amount",
                      8000,
                      "method",
                      "BANK_TRANSFER"))
              .post("/api/v1/payments")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .post("/api/v1/payments/" + payment + "/submit")
          .then()
          .body("status", equalTo("IN_APPROVAL"));
      Api.as("rep.zhang")
          .get("/api/v1/contracts/" + contract)
          .then()
          .body("receivedAmount", equalTo(0.00f));
      decide(pendingFor(payment), "approve");
      Api.as("rep.zhang")
          .get("/api/v1/contracts/" + contract)
          .then()
          .body("receivedAmount", equalTo(8000.00f))
          .body("outstandingAmount", equalTo(10000.00f));
    } finally {
      for (String f : flows) {
        Api.asAdmin().body(Map.of("active", false)).patch("/api/v1/approval-flows/" + f);
      }
    }
  }
}
