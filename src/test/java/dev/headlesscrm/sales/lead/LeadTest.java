package dev.headlesscrm.sales.lead;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Leads (线索): their status machine, the duplicate check and conversion in one step. */
@QuarkusTest
class LeadTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  static String lead(String user, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "李雷");
    body.put("company", "云帆科技" + UUID.randomUUID().toString().substring(0, 6));
    body.put("source", "WEB");
    body.putAll(extra);
    return Api.as(user)
        .body(body)
        .post("/api/v1/leads")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void leadsMoveOnlyAsTheirStatusMachineAllows() {
    String id = lead("rep.zhang", Map.of());
    Api.as("rep.zhang")
        .get("/api/v1/leads/" + id)
        .then()
        .body("status", equalTo("NEW"))
        .body("ownerId", equalTo(ZHANG));
    Api.as("rep.zhang")
        .body(Map.of("status", "QUALIFIED"))
        .patch("/api/v1/leads/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("QUALIFIED"));
    Api.as("rep.zhang")
        .body(Map.of("status", "CONTACTED"))
        .patch("/api/v1/leads/" + id)
        .then()
        .statusCode(409)
        .body("allowed", equalTo(List.of("UNQUALIFIED", "CONVERTED")));
    Api.as("rep.zhang")
        .body(Map.of("status", "CONVERTED"))
        .patch("/api/v1/leads/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("status"));
    Api.as("rep.zhang")
        .body(Map.of("name", "坏来源", "source", "TV"))
        .post("/api/v1/leads")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("source"));
    Api.as("rep.chen").get("/api/v1/leads/" + id).then().statusCode(404);
  }

  @Test
  void duplicatesAreFoundByPhoneEmailAndCompany() {
    String phone = "139" + (10000000 + new java.util.Random().nextInt(89999999));
    String first = lead("rep.zhang", Map.of("mobile", phone));
    Api.as("rep.zhang")
        .body(Map.of("mobile", phone))
        .post("/api/v1/leads/duplicates")
        .then()
        .statusCode(200)
        .body("leads.id", hasItem(first));
    // Customers count too: a customer with that phone is found before the lead is created.
    String customer =
        Api.as("rep.zhang")
            .body(Map.of("name", "查重客户" + phone, "mainPhone", phone))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .body(Map.of("name", "某人", "mobile", phone))
        .post("/api/v1/leads/duplicates")
        .then()
        .body("customers.id", hasItem(customer))
        .body("leads.id", hasItem(first));
    // Not what the caller cannot see.
    Api.as("rep.chen")
        .body(Map.of("mobile", phone))
        .post("/api/v1/leads/duplicates")
        .then()
        .body("customers.size()", equalTo(0))
        .body("leads.size()", equalTo(0));
  }

  @Test
  void conversionMakesCustomerContactAndOpportunityAndFreezesTheLead() {
    long head = events.head();
    String id =
        lead("rep.zhang", Map.of("title", "采购经理", "mobile", "13800001111", "email", "li@yf.cn"));
    Api.as("analyst.liu")
        .body(Map.of())
        .post("/api/v1/leads/" + id + "/convert")
        .then()
        .statusCode(403);
    Api.as("rep.chen")
        .body(Map.of())
        .post("/api/v1/leads/" + id + "/convert")
        .then()
        .statusCode(404);
    var converted =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "createOpportunity", true, "amount", 50000, "expectedCloseDate", "2027-03-31"))
            .post("/api/v1/leads/" + id + "/convert")
            .then()
            .statusCode(200)
            .body("lead.status", equalTo("CONVERTED"))
            .body("customer.name", org.hamcrest.Matchers.startsWith("云帆科技"))
            .body("customer.ownerId", equalTo(ZHANG))
            .body("contact.name", equalTo("李雷"))
            .body("contact.title", equalTo("采购经理"))
            .body("opportunity.amount", equalTo(50000.00f))
            .body("opportunity.stageCode", equalTo("LEAD_ACQUISITION"))
            .body("opportunity.leadId", equalTo(id))
            .extract()
            .jsonPath();
    String customer = converted.getString("customer.id");
    String contact = converted.getString("contact.id");
    String opportunity = converted.getString("opportunity.id");
    Api.as("rep.zhang")
        .get("/api/v1/leads/" + id)
        .then()
        .body("convertedCustomerId", equalTo(customer))
        .body("convertedContactId", equalTo(contact))
        .body("convertedOpportunityId", equalTo(opportunity))
        .body("convertedAt", notNullValue());
    Api.as("rep.zhang")
        .get("/api/v1/contacts/" + contact)
        .then()
        .body("customerId", equalTo(customer));
    Api.as("rep.zhang")
        .body(Map.of("notes", "再改"))
        .patch("/api/v1/leads/" + id)
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .body(Map.of())
        .post("/api/v1/leads/" + id + "/convert")
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .get("/api/v1/leads/" + id + "/history")
        .then()
        .body("data[0].action", equalTo("converted"))
        .body("data[0].changes.status.new", equalTo("CONVERTED"));
    publisher.publishPending();
    Api.as("rep.zhang")
        .get("/api/v1/events?types=lead.converted&limit=1000&after=" + head)
        .then()
        .body("data.resourceId", hasItem(id));
  }

  @Test
  void conversionCanAttachToAnExistingCustomerAndRollsBackWhole() {
    String existing =
        Api.as("rep.zhang")
            .body(Map.of("name", "已有客户" + UUID.randomUUID().toString().substring(0, 6)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String id = lead("rep.zhang", Map.of());
    Api.as("rep.zhang")
        .body(Map.of("customerId", existing))
        .post("/api/v1/leads/" + id + "/convert")
        .then()
        .statusCode(200)
        .body("customer.id", equalTo(existing))
        .body("contact.customerId", equalTo(existing))
        .body("opportunity", nullValue());

    // A bad pipeline fails the whole conversion: no customer, no contact, lead untouched.
    String marker = "回滚" + UUID.randomUUID().toString().substring(0, 6);
    String second = lead("rep.zhang", Map.of("company", marker));
    Api.as("rep.zhang")
        .body(Map.of("createOpportunity", true, "pipelineId", UUID.randomUUID().toString()))
        .post("/api/v1/leads/" + second + "/convert")
        .then()
        .statusCode(422);
    Api.as("rep.zhang")
        .get("/api/v1/leads/" + second)
        .then()
        .body("status", equalTo("NEW"))
        .body("convertedCustomerId", nullValue());
    Api.as("rep.zhang")
        .queryParam("filter", "name==" + marker)
        .get("/api/v1/customers")
        .then()
        .body("data.size()", equalTo(0));
  }
}
