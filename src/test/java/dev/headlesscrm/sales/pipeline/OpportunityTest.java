package dev.headlesscrm.sales.pipeline;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Opportunities (商机): lines and amounts, stage moves, reasons, status and stage history. */
@QuarkusTest
public class OpportunityTest {

  static String customer(String user) {
    return Api.as(user)
        .body(Map.of("name", "商机客户" + UUID.randomUUID().toString().substring(0, 6)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public static Map<String, String> stages() {
    JsonPath p =
        Api.as("rep.zhang")
            .get("/api/v1/pipelines?filter=defaultPipeline==true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> codes = p.getList("data[0].stages.code");
    List<String> ids = p.getList("data[0].stages.id");
    Map<String, String> out = new java.util.HashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      out.put(codes.get(i), ids.get(i));
    }
    return out;
  }

  @Test
  void theDefaultPipelineHasTheSeedsStages() {
    Api.as("rep.zhang")
        .get("/api/v1/pipelines?filter=defaultPipeline==true")
        .then()
        .body(
            "data[0].stages.code",
            equalTo(
                List.of(
                    "LEAD_ACQUISITION",
                    "NURTURING",
                    "NEEDS_CONFIRMED",
                    "PROPOSAL",
                    "NEGOTIATION",
                    "CONTRACT_SIGNING",
                    "PAYMENT_COLLECTION",
                    "WON",
                    "LOST",
                    "INVALID")))
        .body("data[0].stages.kind[8]", equalTo("LOST"))
        .body("data[0].stages.requiresReason[8]", equalTo(true));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "name",
                "不许建",
                "stages",
                List.of(Map.of("code", "A", "name", "A", "probability", 10, "kind", "OPEN"))))
        .post("/api/v1/pipelines")
        .then()
        .statusCode(403);
    Api.asAdmin()
        .body(
            Map.of(
                "name",
                "缺阶段" + UUID.randomUUID(),
                "stages",
                List.of(Map.of("code", "A", "name", "A", "probability", 10, "kind", "OPEN"))))
        .post("/api/v1/pipelines")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stages"));
  }

  @Test
  void linesMakeTheAmountAndStagesMoveWithHistoryAndReasons() {
    Map<String, String> stage = stages();
    String customer = customer("rep.zhang");
    String id =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "ERP 项目",
                    "customerId",
                    customer,
                    "amount",
                    1,
                    "lines",
                    List.of(
                        Map.of(
                            "description", "实施服务",
                            "quantity", 3,
                            "unitPrice", 100,
                            "discountPercent", 10),
                        Map.of("description", "许可证", "quantity", 1, "unitPrice", 99.995))))
            .post("/api/v1/opportunities")
            .then()
            .statusCode(201)
            .body("number", org.hamcrest.Matchers.matchesPattern("SJ\\d{8}\\d{4,}"))
            .body("status", equalTo("OPEN"))
            .body("stageCode", equalTo("LEAD_ACQUISITION"))
            .body("probability", equalTo(10.0f))
            .body("lines[0].amount", equalTo(270.00f))
            .body("lines[1].amount", equalTo(100.00f))
            .body("amount", equalTo(370.00f))
            .body("currency", equalTo("CNY"))
            .extract()
            .path("id");

    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("PROPOSAL")))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(200)
        .body("stageCode", equalTo("PROPOSAL"))
        .body("probability", equalTo(60.0f));
    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("LOST")))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("lossReason"));
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("LOST"), "lossReason", "PRICE"))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("LOST"))
        .body("actualCloseDate", equalTo(today));
    // Reopened, then won; a won opportunity is final.
    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("NEGOTIATION")))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("OPEN"))
        .body("actualCloseDate", nullValue())
        .body("lossReason", nullValue());
    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("WON")))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("WON"));
    Api.as("rep.zhang")
        .body(Map.of("stageId", stage.get("NEGOTIATION")))
        .patch("/api/v1/opportunities/" + id)
        .then()
        .statusCode(409);

    Api.as("rep.zhang")
        .get("/api/v1/opportunities/" + id + "/stage-history")
        .then()
        .statusCode(200)
        .body(
            "stageCode",
            equalTo(List.of("LEAD_ACQUISITION", "PROPOSAL", "LOST", "NEGOTIATION", "WON")))
        .body("leftAt[0]", notNullValue())
        .body("leftAt[4]", nullValue())
        .body("enteredBy[1]", equalTo("0193a000-0000-7000-8000-0000000000e3"));
    Api.as("rep.chen").get("/api/v1/opportunities/" + id + "/stage-history").then().statusCode(404);

    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "{ opportunity(id: \""
                    + id
                    + "\") { name status customer { id } stageHistory { stageCode } } }"))
        .post("/graphql")
        .then()
        .body("errors", nullValue())
        .body("data.opportunity.customer.id", equalTo(customer))
        .body("data.opportunity.stageHistory.size()", equalTo(5));
  }

  @Test
  void theCustomerMustBeVisibleAndTheContactItsOwn() {
    String chens = customer("rep.chen");
    Api.as("rep.zhang")
        .body(Map.of("name", "看不见的客户", "customerId", chens))
        .post("/api/v1/opportunities")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("customerId"));
    String mine = customer("rep.zhang");
    String other = customer("rep.zhang");
    String contact =
        Api.as("rep.zhang")
            .body(Map.of("customerId", other, "name", "别家联系人"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(Map.of("name", "错联系人", "customerId", mine, "primaryContactId", contact))
        .post("/api/v1/opportunities")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("primaryContactId"));
    Api.as("rep.zhang")
        .body(Map.of("name", "坏阶段", "customerId", mine, "stageId", UUID.randomUUID().toString()))
        .post("/api/v1/opportunities")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("stageId"));
  }

  @Test
  void aLineWhoseAmountCannotBeStoredIsAProblemAndWritesNothing() {
    String customer = customer("rep.zhang");
    String name = "超大金额" + UUID.randomUUID();
    // Each factor fits its column (12 integer digits); the product, 10^24, does not.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "name",
                name,
                "customerId",
                customer,
                "lines",
                List.of(
                    Map.of(
                        "description",
                        "许可证",
                        "quantity",
                        999999999999L,
                        "unitPrice",
                        999999999999L))))
        .post("/api/v1/opportunities")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("lines[0].amount"))
        .body("errors[0].code", equalTo("out-of-range"));
    Api.as("rep.zhang")
        .queryParam("filter", "name==\"" + name + "\"")
        .get("/api/v1/opportunities")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }
}
