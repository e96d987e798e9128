package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 团队成员 and 转移: sharing opens a record beyond the data scope (read-only or read-write, until a
 * date), transfer moves it and optionally its contacts to a new owner; both over REST and GraphQL,
 * each change in history and the change feed.
 */
@QuarkusTest
class TeamAndTransferTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";
  static final String SUN = "0193a000-0000-7000-8000-0000000000e7";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  private static String customerOf(String user, String name) {
    return Api.as(user)
        .body(Map.of("name", name + UUID.randomUUID().toString().substring(0, 6)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aSharedRecordIsVisibleToTheMemberAndOnlyAsFarAsTheAccessGoes() {
    long head = events.head();
    String id = customerOf("rep.zhang", "共享客户");
    Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(404);

    // Read-only membership: chen reads, lists, but may not edit.
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ"))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(200)
        .body("employeeId", equalTo(CHEN))
        .body("access", equalTo("READ"))
        .body("addedBy", equalTo(ZHANG));
    Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(200);
    Api.as("rep.chen")
        .get("/api/v1/customers?filter=id==" + id)
        .then()
        .body("data.id", equalTo(List.of(id)));
    Api.as("rep.chen")
        .body(Map.of("city", "北京"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(403)
        .body("detail", containsString("read-only"));
    // A member cannot share further.
    Api.as("rep.chen")
        .body(Map.of("employeeId", SUN))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(403);

    // Read-write: chen edits, but may not delete or transfer.
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ_WRITE"))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(200)
        .body("access", equalTo("READ_WRITE"));
    Api.as("rep.chen")
        .body(Map.of("city", "北京"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("city", equalTo("北京"));
    Api.as("rep.chen").delete("/api/v1/customers/" + id).then().statusCode(403);
    Api.as("rep.chen")
        .body(Map.of("ownerId", CHEN))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(403);

    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(200)
        .body("employeeId", equalTo(List.of(CHEN)));

    // Removed: gone again for chen.
    Api.as("rep.zhang").delete("/api/v1/customers/" + id + "/team/" + CHEN).then().statusCode(204);
    Api.as("rep.zhang").delete("/api/v1/customers/" + id + "/team/" + CHEN).then().statusCode(404);
    Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(404);

    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id + "/history")
        .then()
        .body(
            "data.action",
            hasItems("created", "team-member-added", "team-member-changed", "team-member-removed"))
        .body(
            "data.find { it.action == 'team-member-added' }.changes.'team." + CHEN + "'.new.access",
            equalTo("READ"));
    publisher.publishPending();
    Api.as("rep.zhang")
        .get("/api/v1/events?types=customer.team-*&limit=1000&after=" + head)
        .then()
        .body(
            "data.findAll { it.resourceId == '" + id + "' }.type",
            equalTo(
                List.of(
                    "customer.team-member-added",
                    "customer.team-member-changed",
                    "customer.team-member-removed")));
  }

  @Test
  void membershipsEndAfterTheirLastDayAndBadMembersAreRefused() {
    String id = customerOf("rep.zhang", "限期共享");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "until", today.minusDays(1).toString()))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("until"));
    Api.as("rep.zhang")
        .body(Map.of("employeeId", ZHANG))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("owner"));
    Api.as("rep.zhang")
        .body(Map.of("employeeId", UUID.randomUUID().toString()))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("employeeId"));
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "until", today.toString()))
        .post("/api/v1/customers/" + id + "/team")
        .then()
        .statusCode(200);
    Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(200);
    // The last day passes (moved back in the database as time would).
    events.execute(
        "UPDATE record_team_members SET until = CAST(?1 AS date) WHERE record_id = CAST(?2 AS"
            + " uuid)",
        today.minusDays(1).toString(),
        id);
    // Written beside the API: each pod's held shares follow the trigger's version within its poll
    // (a real day passing changes the day they are held for at once).
    long deadline = System.nanoTime() + 1_000_000_000L;
    int status;
    do {
      status = Api.as("rep.chen").get("/api/v1/customers/" + id).statusCode();
    } while (status != 404 && System.nanoTime() < deadline);
    org.junit.jupiter.api.Assertions.assertEquals(404, status);
  }

  @Test
  void transferMovesTheCustomerWithItsContactsAndKeepsThePreviousOwnerIfAsked() {
    long head = events.head();
    String id = customerOf("rep.zhang", "转移客户");
    String contact =
        Api.as("rep.zhang")
            .body(Map.of("customerId", id, "name", "联系人甲"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .body("ownerId", equalTo(ZHANG))
            .extract()
            .path("id");
    Api.as("rep.chen").get("/api/v1/contacts/" + contact).then().statusCode(404);

    Api.as("rep.zhang")
        .body(Map.of("ownerId", CHEN, "carry", List.of("contacts"), "previousOwnerAccess", "READ"))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(CHEN))
        .body("ownerDepartmentId", equalTo(Api.SALES_NORTH));

    Api.as("rep.chen").get("/api/v1/customers/" + id).then().statusCode(200);
    Api.as("rep.chen")
        .get("/api/v1/contacts/" + contact)
        .then()
        .statusCode(200)
        .body("ownerId", equalTo(CHEN));
    // zhang keeps read access to both.
    Api.as("rep.zhang").get("/api/v1/customers/" + id).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/contacts/" + contact).then().statusCode(200);
    Api.as("rep.zhang")
        .body(Map.of("city", "上海"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(403);
    Api.as("rep.chen")
        .get("/api/v1/customers/" + id + "/team")
        .then()
        .body("employeeId", equalTo(List.of(ZHANG)))
        .body("access", equalTo(List.of("READ")));

    Api.as("rep.chen")
        .get("/api/v1/customers/" + id + "/history")
        .then()
        .body("data[0].action", equalTo("transferred"))
        .body("data[0].changes.ownerId.old", equalTo(ZHANG))
        .body("data[0].changes.ownerId.new", equalTo(CHEN));
    publisher.publishPending();
    Api.as("rep.chen")
        .get(
            "/api/v1/events?types=customer.transferred,contact.transferred&limit=1000&after="
                + head)
        .then()
        .body("data.resourceId", hasItems(id, contact));

    // Unknown carry names and departed owners are refused.
    Api.as("rep.chen")
        .body(Map.of("ownerId", ZHANG, "carry", List.of("orders")))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("carry"));
  }

  @Test
  void transferWithoutKeepingRemovesThePreviousOwnerAndNeedsThePermission() {
    String id = customerOf("rep.zhang", "彻底转移");
    Api.as("analyst.liu")
        .body(Map.of("ownerId", CHEN))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(403);
    Api.as("rep.chen")
        .body(Map.of("ownerId", CHEN))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(404);
    Api.as("manager.wang")
        .body(Map.of("ownerId", CHEN))
        .post("/api/v1/customers/" + id + "/transfer")
        .then()
        .statusCode(200);
    Api.as("rep.zhang").get("/api/v1/customers/" + id).then().statusCode(404);
    // A new owner through PATCH is a transfer too.
    Api.as("analyst.liu")
        .body(Map.of("ownerId", ZHANG))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(403);
  }

  @Test
  void creatingARecordForSomeoneElseIsATransferOnEveryPath() {
    String customer = customerOf("rep.zhang", "建档即转移");
    long before = contactsOf(customer);
    // The rep may not give a contact away by PATCH (contact:transfer), so not on create either.
    Api.as("rep.zhang")
        .body(Map.of("name", "别人的联系人", "customerId", customer, "ownerId", CHEN))
        .post("/api/v1/contacts")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "mutation($in: ContactInput!) { createContact(input: $in) { id } }",
                "variables",
                Map.of("in", Map.of("name", "别人的联系人", "customerId", customer, "ownerId", CHEN))))
        .post("/graphql")
        .then()
        .body("data.createContact", nullValue())
        .body("errors[0].extensions.code", equalTo("forbidden"));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "operations",
                List.of(
                    Map.of(
                        "op",
                        "create",
                        "data",
                        Map.of("name", "别人的联系人", "customerId", customer, "ownerId", CHEN)),
                    Map.of(
                        "op",
                        "upsert",
                        "externalId",
                        "give-away-" + UUID.randomUUID(),
                        "data",
                        Map.of("name", "别人的联系人", "customerId", customer, "ownerId", CHEN)))))
        .post("/api/v1/contacts/batch")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(403, 403)));
    Api.as("rep.zhang")
        .body(Map.of("name", "别人的联系人", "customerId", customer, "ownerId", CHEN))
        .put("/api/v1/contacts/external/give-away-" + UUID.randomUUID())
        .then()
        .statusCode(403);
    assertEquals(before, contactsOf(customer), "nothing was created");

    // Naming oneself is no transfer; a manager holding the right may create for a rep.
    Api.as("rep.zhang")
        .body(Map.of("name", "自己的联系人", "customerId", customer, "ownerId", ZHANG))
        .post("/api/v1/contacts")
        .then()
        .statusCode(201);
    Api.as("manager.wang")
        .body(Map.of("name", "经理代建" + UUID.randomUUID(), "ownerId", ZHANG))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .body("ownerId", equalTo(ZHANG));
  }

  private static long contactsOf(String customer) {
    return ((Number)
            Api.as("rep.zhang")
                .get("/api/v1/contacts?count=true&filter=customerId==" + customer)
                .then()
                .statusCode(200)
                .extract()
                .path("page.total"))
        .longValue();
  }

  @Test
  void batchTransferReportsEachRecord() {
    String mine = customerOf("rep.zhang", "批量转移一");
    String mine2 = customerOf("rep.zhang", "批量转移二");
    String chens = customerOf("rep.chen", "别人的");
    Api.as("rep.zhang")
        .body(Map.of("ids", List.of(mine, chens, mine2), "ownerId", Api.MANAGER_WANG))
        .post("/api/v1/customers/transfer")
        .then()
        .statusCode(200)
        .body("results.status", equalTo(List.of(200, 404, 200)))
        .body("results[1].problem.status", equalTo(404));
    Api.as("manager.wang")
        .get("/api/v1/customers?filter=id=in=(" + mine + "," + mine2 + ")")
        .then()
        .body("data.ownerId", equalTo(List.of(Api.MANAGER_WANG, Api.MANAGER_WANG)));
    Api.as("rep.chen").get("/api/v1/customers/" + chens).then().body("ownerId", equalTo(CHEN));
  }

  @Test
  void teamAndTransferOverGraphQl() {
    String id = customerOf("rep.zhang", "图谱客户");
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "mutation { addCustomerTeamMember(customerId: \""
                    + id
                    + "\", input: {employeeId: \""
                    + CHEN
                    + "\", access: READ}) { employeeId access } }"))
        .post("/graphql")
        .then()
        .body("errors", nullValue())
        .body("data.addCustomerTeamMember.access", equalTo("READ"));
    Api.as("rep.chen")
        .body(
            Map.of("query", "{ customer(id: \"" + id + "\") { name team { employeeId access } } }"))
        .post("/graphql")
        .then()
        .body("errors", nullValue())
        .body("data.customer.team.employeeId", equalTo(List.of(CHEN)));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "query",
                "mutation { transferCustomer(id: \""
                    + id
                    + "\", input: {ownerId: \""
                    + CHEN
                    + "\", carry: [\"contacts\"]}) { ownerId } }"))
        .post("/graphql")
        .then()
        .body("errors", nullValue())
        .body("data.transferCustomer.ownerId", equalTo(CHEN));
    // chen is the owner now and left the team; zhang (not kept) sees nothing.
    Api.as("rep.chen")
        .get("/api/v1/customers/" + id + "/team")
        .then()
        .body("employeeId", not(hasItem(CHEN)));
    Api.as("rep.zhang")
        .body(Map.of("query", "{ customer(id: \"" + id + "\") { name } }"))
        .post("/graphql")
        .then()
        .body("data.customer", nullValue())
        .body("errors[0].extensions.code", equalTo("not-found"));
    Api.as("rep.chen")
        .body(
            Map.of(
                "query",
                "mutation { removeCustomerTeamMember(customerId: \""
                    + id
                    + "\", employeeId: \""
                    + SUN
                    + "\") }"))
        .post("/graphql")
        .then()
        .body("errors[0].extensions.status", equalTo(404));
  }
}
