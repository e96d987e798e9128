package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.sales.SalesChainTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Satisfaction surveys and return visits (issue 15 point 11): asked once when a request closes,
 * answered once, low answers open a follow-up task for the customer's owner, and answers show on
 * the customer's timeline.
 */
@QuarkusTest
class SatisfactionSurveyTest {

  static final String SUN = "0193a000-0000-7000-8000-0000000000e7";
  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  static String closedRequest(String customer) {
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customer);
    body.put("channel", "PHONE");
    body.put("type", "CONSULTATION");
    body.put("subject", "咨询保修政策");
    body.put("ownerId", SUN);
    String id =
        Api.as("admin.li")
            .body(body)
            .post("/api/v1/service-requests")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("agent.sun")
        .body(Map.of("resolution", "已说明"))
        .post("/api/v1/service-requests/" + id + "/resolve")
        .then()
        .statusCode(200);
    Api.as("agent.sun").post("/api/v1/service-requests/" + id + "/close").then().statusCode(200);
    return id;
  }

  static JsonPath surveyOf(String request) {
    return Api.as("agent.sun")
        .get("/api/v1/satisfaction-surveys?filter=requestId==" + request)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void aClosedRequestAsksOnceAndALowAnswerOpensAFollowUpForTheOwner() {
    String customer = SalesChainTest.customer("rep.zhang");
    String request = closedRequest(customer);
    JsonPath surveys = surveyOf(request);
    assertEquals(1, surveys.getList("data").size());
    assertEquals("PENDING", surveys.getString("data[0].status"));
    assertEquals("SERVICE", surveys.getString("data[0].kind"));
    String survey = surveys.getString("data[0].id");
    // Reopened and closed again: still one survey.
    Api.as("agent.sun")
        .post("/api/v1/service-requests/" + request + "/reopen")
        .then()
        .statusCode(200);
    Api.as("agent.sun")
        .body(Map.of("resolution", "再次说明"))
        .post("/api/v1/service-requests/" + request + "/resolve")
        .then()
        .statusCode(200);
    Api.as("agent.sun")
        .post("/api/v1/service-requests/" + request + "/close")
        .then()
        .statusCode(200);
    assertEquals(1, surveyOf(request).getList("data").size());
    // Out of range and empty answers are refused.
    Api.as("agent.sun")
        .body(Map.of("score", 9))
        .post("/api/v1/satisfaction-surveys/" + survey + "/answer")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("score"));
    Api.as("agent.sun")
        .body(Map.of())
        .post("/api/v1/satisfaction-surveys/" + survey + "/answer")
        .then()
        .statusCode(422);
    String task =
        Api.as("agent.sun")
            .body(Map.of("score", 2, "nps", 3, "comment", "等了太久"))
            .post("/api/v1/satisfaction-surveys/" + survey + "/answer")
            .then()
            .statusCode(200)
            .body("status", equalTo("ANSWERED"))
            .body("answeredAt", notNullValue())
            .body("version", equalTo(1))
            .body("followUpTaskId", notNullValue())
            .extract()
            .path("followUpTaskId");
    // The customer's owner has the follow-up.
    Api.as("rep.zhang")
        .get("/api/v1/tasks/" + task)
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(ZHANG))
        .body("customerId", equalTo(customer));
    // Answered once.
    Api.as("agent.sun")
        .body(Map.of("score", 5))
        .post("/api/v1/satisfaction-surveys/" + survey + "/answer")
        .then()
        .statusCode(409);
    // On the customer's timeline.
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + customer + "/timeline")
        .then()
        .statusCode(200)
        .body("data.kind", hasItem("satisfaction"))
        .body("data.find { it.kind == 'satisfaction' }.detail.score.toString()", equalTo("2"));
  }

  @Test
  void aHappyReturnVisitIsAnsweredAtOnceWithoutAFollowUp() {
    String customer = SalesChainTest.customer("rep.zhang");
    // (An agent's scope does not reach a rep's customer; the administrator records the visits.)
    Api.as("admin.li")
        .body(Map.of("customerId", customer, "score", 5, "nps", 9, "comment", "很满意"))
        .post("/api/v1/satisfaction-surveys")
        .then()
        .statusCode(201)
        .body("kind", equalTo("RETURN_VISIT"))
        .body("status", equalTo("ANSWERED"))
        .body("followUpTaskId", nullValue());
    // A contact of another customer is refused.
    String other =
        Api.as("rep.zhang")
            .body(Map.of("customerId", SalesChainTest.customer("rep.zhang"), "name", "别家联系人"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("admin.li")
        .body(Map.of("customerId", customer, "contactId", other, "score", 4))
        .post("/api/v1/satisfaction-surveys")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("contactId"));
    // A request that is not the customer's is refused.
    Api.as("admin.li")
        .body(
            Map.of(
                "customerId",
                customer,
                "requestId",
                closedRequest(SalesChainTest.customer("rep.zhang")),
                "score",
                4))
        .post("/api/v1/satisfaction-surveys")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("requestId"));
    // A detractor's NPS alone calls for a follow-up.
    Api.as("admin.li")
        .body(Map.of("customerId", customer, "nps", 4))
        .post("/api/v1/satisfaction-surveys")
        .then()
        .statusCode(201)
        .body("followUpTaskId", notNullValue());
  }

  @Test
  void anOrderDeliveredInFullAsksOnce() {
    String contract =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "满意度合同",
                    "customerId",
                    SalesChainTest.customer("rep.zhang"),
                    "lines",
                    List.of(Map.of("description", "机柜", "quantity", 4, "unitPrice", 100))))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang").post("/api/v1/contracts/" + contract + "/submit").then().statusCode(200);
    JsonPath order =
        Api.as("rep.zhang")
            .post("/api/v1/sales-orders/from-contract/" + contract)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = order.getString("id");
    Api.as("rep.zhang").post("/api/v1/sales-orders/" + id + "/confirm").then().statusCode(200);
    Map<String, Object> half =
        Map.of("lines", List.of(Map.of("lineId", order.getString("lines[0].id"), "quantity", 2)));
    Api.as("rep.zhang")
        .body(half)
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(200);
    Api.as("agent.sun")
        .get("/api/v1/satisfaction-surveys?filter=orderId==" + id)
        .then()
        .body("data.size()", equalTo(0));
    Api.as("rep.zhang")
        .body(half)
        .post("/api/v1/sales-orders/" + id + "/deliver")
        .then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"));
    Api.as("agent.sun")
        .get("/api/v1/satisfaction-surveys?filter=orderId==" + id)
        .then()
        .body("data.size()", equalTo(1))
        .body("data[0].kind", equalTo("DELIVERY"));
  }
}
