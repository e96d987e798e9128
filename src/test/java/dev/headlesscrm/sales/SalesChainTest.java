package dev.headlesscrm.sales;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.sales.receivable.application.PaymentPlanService;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Quotes, contracts, payment plans and payments: exact totals, the status actions, the contract
 * amount as a ceiling (also under concurrent submissions), overdue detection and receivables.
 */
@QuarkusTest
public class SalesChainTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;
  @Inject PaymentPlanService plans;
  @Inject dev.headlesscrm.sales.order.application.QuoteService quotes;

  public static String customer(String user) {
    return Api.as(user)
        .body(Map.of("name", "链路客户" + UUID.randomUUID().toString().substring(0, 6)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** An approved contract of this amount (no lines), owned by the user. */
  static String approvedContract(String user, String customer, Object amount) {
    String id =
        Api.as(user)
            .body(Map.of("name", "框架合同", "customerId", customer, "amount", amount))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .extract()
            .path("id");
    Api.as(user)
        .post("/api/v1/contracts/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    return id;
  }

  @Test
  void quoteAmountsTooLargeToStoreAreProblemsNamingTheField() {
    String customer = customer("rep.zhang");
    Map<String, Object> big =
        Map.of("description", "许可证", "quantity", 999999999999L, "unitPrice", 999999999999L);
    Map<String, Object> half =
        Map.of("description", "许可证", "quantity", 1, "unitPrice", 600000000000L);
    // A line whose product does not fit, and two lines that fit alone but not summed.
    for (var lines : List.of(List.of(big), List.of(half, half))) {
      String field = lines.size() == 1 ? "lines[0].subtotal" : "subtotal";
      Api.as("rep.zhang")
          .body(
              Map.of(
                  "name",
                  "超大报价",
                  "customerId",
                  customer,
                  "validUntil",
                  TODAY.plusDays(30).toString(),
                  "lines",
                  lines))
          .post("/api/v1/quotes")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(field))
          .body("errors[0].code", equalTo("out-of-range"));
    }
    Api.as("rep.zhang")
        .queryParam("filter", "customerId==" + customer)
        .get("/api/v1/quotes")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }

  @Test
  void quoteTotalsAreExactAndTheQuoteBecomesAContractThatWinsTheCustomer() {
    long head = events.head();
    String customer = customer("rep.zhang");
    String quote =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "ERP 报价",
                    "customerId",
                    customer,
                    "validUntil",
                    TODAY.plusDays(30).toString(),
                    "lines",
                    List.of(
                        Map.of(
                            "description",
                            "许可证",
                            "quantity",
                            10,
                            "unitPrice",
                            1234.56,
                            "discountPercent",
                            5,
                            "taxRate",
                            0.13),
                        Map.of(
                            "description",
                            "实施",
                            "quantity",
                            3,
                            "unitPrice",
                            999.99,
                            "discountPercent",
                            25,
                            "taxRate",
                            0.06))))
            .post("/api/v1/quotes")
            .then()
            .statusCode(201)
            .body("status", equalTo("DRAFT"))
            .body("revision", equalTo(1))
            .body("lines[0].subtotal", equalTo(12345.60f))
            .body("lines[0].discountAmount", equalTo(617.28f))
            .body("lines[0].taxAmount", equalTo(1524.68f))
            .body("lines[0].total", equalTo(13253.00f))
            .body("lines[1].discountAmount", equalTo(749.99f))
            .body("lines[1].taxAmount", equalTo(135.00f))
            .body("lines[1].total", equalTo(2384.98f))
            .body("subtotal", equalTo(15345.57f))
            .body("discountTotal", equalTo(1367.27f))
            .body("taxTotal", equalTo(1659.68f))
            .body("grandTotal", equalTo(15637.98f))
            .body("maxDiscount", equalTo(25))
            .extract()
            .path("id");
    // Revised: a new version with the same number; the old one is read-only.
    JsonPath revised =
        Api.as("rep.zhang")
            .post("/api/v1/quotes/" + quote + "/revise")
            .then()
            .statusCode(201)
            .body("revision", equalTo(2))
            .body("revisionOfId", equalTo(quote))
            .body("grandTotal", equalTo(15637.98f))
            .extract()
            .jsonPath();
    String v2 = revised.getString("id");
    Api.as("rep.zhang")
        .body(Map.of("name", "改旧版本"))
        .patch("/api/v1/quotes/" + quote)
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .get("/api/v1/quotes/" + quote)
        .then()
        .body("superseded", equalTo(true))
        .body("number", equalTo(revised.getString("number")));

    Api.as("rep.zhang").post("/api/v1/quotes/" + v2 + "/accept").then().statusCode(409);
    // A 25 % discount is above quote-approval-discount-percent (20) and no quote approval flow is
    // active: nobody could approve it, so the submit is refused rather than approved at once.
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + v2 + "/submit")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("threshold", equalTo("20"))
        .body("maxDiscount", equalTo("25"));
    Api.as("rep.zhang").get("/api/v1/quotes/" + v2).then().body("status", equalTo("DRAFT"));
    Api.asAdmin()
        .body(Map.of("value", 30))
        .put("/api/v1/settings/quote-approval-discount-percent")
        .then()
        .statusCode(200);
    try {
      Api.as("rep.zhang")
          .post("/api/v1/quotes/" + v2 + "/submit")
          .then()
          .statusCode(200)
          .body("status", equalTo("APPROVED"));
    } finally {
      Api.asAdmin()
          .body(Map.of("value", 20))
          .put("/api/v1/settings/quote-approval-discount-percent")
          .then()
          .statusCode(200);
    }
    // Submitting it again has nothing to do: 409 naming its state, no second event.
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + v2 + "/submit")
        .then()
        .statusCode(409)
        .body("state", equalTo("APPROVED"));
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + v2 + "/send")
        .then()
        .body("status", equalTo("SENT"));
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + v2 + "/accept")
        .then()
        .body("status", equalTo("ACCEPTED"));

    String contract =
        Api.as("rep.zhang")
            .post("/api/v1/contracts/from-quote/" + v2)
            .then()
            .statusCode(201)
            .body("number", org.hamcrest.Matchers.matchesPattern("HT\\d{8}\\d{3,}"))
            .body("quoteId", equalTo(v2))
            .body("customerId", equalTo(customer))
            .body("amount", equalTo(15637.98f))
            .body("lines.size()", equalTo(2))
            .body("status", equalTo("DRAFT"))
            .extract()
            .path("id");
    Api.as("rep.zhang").get("/api/v1/customers/" + customer).then().body("status", equalTo(null));
    Api.as("rep.zhang")
        .post("/api/v1/contracts/" + contract + "/submit")
        .then()
        .statusCode(200)
        .body("status", equalTo("APPROVED"));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + customer)
        .then()
        .body("status", equalTo("WON"))
        .body("lifecycleStage", equalTo("NEW"));
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + customer + "/history")
        .then()
        .body("data[0].action", equalTo("won"));

    // Three plan periods up to the contract amount; a fourth would exceed it.
    String[] periods = new String[3];
    Object[] amounts = {5000, 5000, 5637.98};
    for (int i = 0; i < 3; i++) {
      periods[i] =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "contractId",
                      contract,
                      "dueDate",
                      TODAY.plusDays(10L * (i + 1)).toString(),
                      "amount",
                      amounts[i]))
              .post("/api/v1/payment-plans")
              .then()
              .statusCode(201)
              .body("period", equalTo(i + 1))
              .body("status", equalTo("PENDING"))
              .extract()
              .path("id");
    }
    Api.as("rep.zhang")
        .body(Map.of("contractId", contract, "dueDate", TODAY.plusDays(90).toString(), "amount", 1))
        .post("/api/v1/payment-plans")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("exceeds-contract"));

    List<String> payments = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String payment =
          Api.as("rep.zhang")
              .body(
                  Map.of(
                      "contractId",
                      contract,
                      "planId",
                      periods[i],
                      "paidOn",
                      TODAY.toString(),
                      "amount",
                      amounts[i],
                      "method",
                      "BANK_TRANSFER"))
              .post("/api/v1/payments")
              .then()
              .statusCode(201)
              .body("number", org.hamcrest.Matchers.matchesPattern("HK\\d{8}\\d{3,}"))
              .body("status", equalTo("DRAFT"))
              .extract()
              .path("id");
      Api.as("rep.zhang")
          .post("/api/v1/payments/" + payment + "/submit")
          .then()
          .statusCode(200)
          .body("status", equalTo("APPROVED"));
      payments.add(payment);
    }
    Api.as("rep.zhang")
        .body(
            Map.of(
                "contractId",
                contract,
                "paidOn",
                TODAY.toString(),
                "amount",
                0.01,
                "method",
                "CASH"))
        .post("/api/v1/payments")
        .then()
        .statusCode(409)
        .body("contractAmount", equalTo(15637.98f));
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract)
        .then()
        .body("receivedAmount", equalTo(15637.98f))
        .body("outstandingAmount", equalTo(0.00f));
    Api.as("rep.zhang")
        .get("/api/v1/payment-plans/" + periods[2])
        .then()
        .body("status", equalTo("RECEIVED"))
        .body("outstandingAmount", equalTo(0.00f));

    // Voiding a payment gives its amount back to the contract and the period.
    Api.as("rep.zhang")
        .post("/api/v1/payments/" + payments.get(2) + "/void")
        .then()
        .statusCode(200)
        .body("status", equalTo("VOID"));
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract)
        .then()
        .body("receivedAmount", equalTo(10000.00f))
        .body("outstandingAmount", equalTo(5637.98f));
    Api.as("rep.zhang")
        .get("/api/v1/payment-plans/" + periods[2])
        .then()
        .body("status", equalTo("PENDING"));

    publisher.publishPending();
    List<String> found =
        Api.as("rep.zhang")
            .get("/api/v1/events?types=contract.*&limit=1000&after=" + head)
            .then()
            .extract()
            .jsonPath()
            .getList("data.findAll { it.resourceId == '" + contract + "' }.type", String.class);
    assertEquals(
        List.of(
            "contract.created",
            "contract.quoted",
            "contract.approved",
            "contract.received",
            "contract.received",
            "contract.received",
            "contract.received"),
        found);
  }

  @Test
  void concurrentPaymentsNeverExceedTheContract() throws Exception {
    String customer = customer("rep.zhang");
    String contract = approvedContract("rep.zhang", customer, 1000);
    int threads = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Callable<Integer> register =
          () -> {
            start.await();
            return Api.as("rep.zhang")
                .body(
                    Map.of(
                        "contractId",
                        contract,
                        "paidOn",
                        TODAY.toString(),
                        "amount",
                        150,
                        "method",
                        "BANK_TRANSFER"))
                .post("/api/v1/payments")
                .statusCode();
          };
      results.add(pool.submit(register));
    }
    start.countDown();
    int created = 0;
    int refused = 0;
    for (Future<Integer> f : results) {
      int status = f.get();
      if (status == 201) {
        created++;
      } else if (status == 409) {
        refused++;
      }
    }
    pool.shutdown();
    assertEquals(6, created, "1000 / 150 = 6 payments fit");
    assertEquals(4, refused);
    // Approving them all at once, too, stays within the contract.
    List<String> ids =
        Api.as("rep.zhang")
            .get("/api/v1/payments?filter=contractId==" + contract)
            .then()
            .extract()
            .path("data.id");
    ExecutorService approvers = Executors.newFixedThreadPool(ids.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> approvals = new ArrayList<>();
    for (String id : ids) {
      approvals.add(
          approvers.submit(
              () -> {
                go.await();
                return Api.as("rep.zhang").post("/api/v1/payments/" + id + "/submit").statusCode();
              }));
    }
    go.countDown();
    for (Future<Integer> f : approvals) {
      assertEquals(200, f.get());
    }
    approvers.shutdown();
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + contract)
        .then()
        .body("receivedAmount", equalTo(900.00f));
  }

  @Test
  void overduePeriodsAreFoundAndReceivablesDueListed() {
    long head = events.head();
    String customer = customer("rep.zhang");
    String contract = approvedContract("rep.zhang", customer, 3000);
    String soon =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "contractId",
                    contract,
                    "dueDate",
                    TODAY.plusDays(5).toString(),
                    "amount",
                    1000))
            .post("/api/v1/payment-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String later =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "contractId",
                    contract,
                    "dueDate",
                    TODAY.plusDays(60).toString(),
                    "amount",
                    1000))
            .post("/api/v1/payment-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .get("/api/v1/receivables/due?withinDays=30&limit=500")
        .then()
        .statusCode(200)
        .body("data.id", hasItem(soon))
        .body("data.id", org.hamcrest.Matchers.not(hasItem(later)));
    Api.as("rep.chen")
        .get("/api/v1/receivables/due?withinDays=30&limit=500")
        .then()
        .body("data.id", org.hamcrest.Matchers.not(hasItem(soon)));

    // Time passes: the due date moves into the past, the daily job runs.
    events.execute(
        "UPDATE payment_plans SET due_date = CAST(?1 AS date) WHERE id = CAST(?2 AS uuid)",
        TODAY.minusDays(1).toString(),
        soon);
    int marked = plans.markOverdue();
    org.junit.jupiter.api.Assertions.assertTrue(marked >= 1);
    Api.as("rep.zhang")
        .get("/api/v1/payment-plans/" + soon)
        .then()
        .body("status", equalTo("OVERDUE"));
    publisher.publishPending();
    Api.as("rep.zhang")
        .get("/api/v1/events?types=payment-plan.overdue&limit=1000&after=" + head)
        .then()
        .body("data.resourceId", hasItem(soon));
  }

  @Test
  void quotesPastTheirValidityExpire() {
    String customer = customer("rep.zhang");
    String quote =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "过期报价",
                    "customerId",
                    customer,
                    "validUntil",
                    TODAY.minusDays(1).toString(),
                    "lines",
                    List.of(Map.of("description", "服务", "quantity", 1, "unitPrice", 100))))
            .post("/api/v1/quotes")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .post("/api/v1/quotes/" + quote + "/submit")
        .then()
        .body("status", equalTo("APPROVED"));
    Api.as("rep.zhang").post("/api/v1/quotes/" + quote + "/send").then().statusCode(409);
    org.junit.jupiter.api.Assertions.assertTrue(quotes.expire() >= 1);
    Api.as("rep.zhang").get("/api/v1/quotes/" + quote).then().body("status", equalTo("EXPIRED"));
    Api.as("rep.zhang")
        .get("/api/v1/quotes/" + quote + "/history")
        .then()
        .body("data[0].action", equalTo("expired"));
  }

  @Test
  void aCustomerTransferCarriesItsOpportunitiesContractsAndTheirMoney() {
    String customer = customer("rep.zhang");
    String opportunity =
        Api.as("rep.zhang")
            .body(Map.of("name", "随客户转移的商机", "customerId", customer))
            .post("/api/v1/opportunities")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String contract = approvedContract("rep.zhang", customer, 1000);
    String plan =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "contractId",
                    contract,
                    "dueDate",
                    TODAY.plusDays(20).toString(),
                    "amount",
                    400))
            .post("/api/v1/payment-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String payment =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "contractId",
                    contract,
                    "paidOn",
                    TODAY.toString(),
                    "amount",
                    400,
                    "method",
                    "CASH"))
            .post("/api/v1/payments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(
            Map.of(
                "ownerId",
                "0193a000-0000-7000-8000-0000000000e4",
                "carry",
                List.of("opportunities", "contracts", "quotes", "sales-orders")))
        .post("/api/v1/customers/" + customer + "/transfer")
        .then()
        .statusCode(200);
    for (String path :
        List.of(
            "/api/v1/customers/" + customer,
            "/api/v1/opportunities/" + opportunity,
            "/api/v1/contracts/" + contract,
            "/api/v1/payment-plans/" + plan,
            "/api/v1/payments/" + payment)) {
      Api.as("rep.chen")
          .get(path)
          .then()
          .statusCode(200)
          .body("ownerId", equalTo("0193a000-0000-7000-8000-0000000000e4"));
      Api.as("rep.zhang").get(path).then().statusCode(404);
    }
  }
}
