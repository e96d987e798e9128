package dev.headlesscrm.platform.graphql;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.events.EventPublisher;
import dev.headlesscrm.platform.events.EventsTestSupport;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operations GraphQL derives from each resource's routes (platform/graphql/DerivedOperations)
 * do what their REST twins do: same service, versions, permissions, problems, history and events.
 */
@QuarkusTest
class DerivedGraphQlTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";

  @Inject EventPublisher publisher;
  @Inject EventsTestSupport events;

  static ValidatableResponse graphql(RequestSpecification as, String query, Map<String, ?> vars) {
    return as.body(Map.of("query", query, "variables", vars))
        .post("/graphql")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  private static String customer() {
    return Api.as("rep.zhang")
        .body(Map.of("name", "图谱派生客户" + UUID.randomUUID().toString().substring(0, 6)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String contract(String customer) {
    return graphql(
            Api.as("rep.zhang"),
            "mutation($in: ContractInput!) { createContract(input: $in) { id status version } }",
            Map.of("in", Map.of("name", "派生合同", "customerId", customer, "amount", 1000)))
        .body("errors", nullValue())
        .body("data.createContract.status", equalTo("DRAFT"))
        .body("data.createContract.version", equalTo(0))
        .extract()
        .path("data.createContract.id");
  }

  @Test
  void aDerivedUpdateWritesDatesDecimalsAndCustomFieldsAndGuardsTheVersion() {
    // Custom values need their definition; a second run finds it already there (409).
    Api.asAdmin()
        .body(Map.of("resource", "contract", "key", "region", "type", "TEXT", "labelZh", "区域"))
        .post("/api/v1/custom-fields")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    String id = contract(customer());
    String update =
        "mutation($id: ID!, $in: ContractInput!, $v: BigInteger) {"
            + " updateContract(id: $id, input: $in, expectedVersion: $v) {"
            + " version amount startDate endDate notes custom { key value } } }";
    Map<String, Object> in = new HashMap<>();
    in.put("name", "派生合同（改）");
    in.put("customerId", customer());
    in.put("amount", "2345.67");
    in.put("startDate", "2026-01-01");
    in.put("endDate", "2026-12-31");
    in.put("custom", List.of(Map.of("key", "region", "value", "华东")));
    int version =
        graphql(Api.as("rep.zhang"), update, Map.of("id", id, "in", in, "v", 0))
            .body("errors", nullValue())
            .body("data.updateContract.version", greaterThan(0))
            .body("data.updateContract.amount", equalTo(2345.67f))
            .body("data.updateContract.startDate", equalTo("2026-01-01"))
            .body("data.updateContract.custom[0].value", equalTo("华东"))
            .extract()
            .path("data.updateContract.version");
    // REST reads what GraphQL wrote, the custom map as a JSON object; fields left out stay.
    Api.as("rep.zhang")
        .get("/api/v1/contracts/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("派生合同（改）"))
        .body("endDate", equalTo("2026-12-31"))
        .body("custom.region", equalTo("华东"))
        .body("version", equalTo(version));

    // A stale version is the REST 412, as a GraphQL error with the problem's code and status.
    graphql(Api.as("rep.zhang"), update, Map.of("id", id, "in", in, "v", 0))
        .body("data.updateContract", nullValue())
        .body("errors[0].extensions.code", equalTo("precondition-failed"))
        .body("errors[0].extensions.status", equalTo(412))
        .body("errors[0].path", equalTo(List.of("updateContract")));
    // Invalid input is the REST 422, naming the field.
    in.put("currency", "rmb");
    graphql(Api.as("rep.zhang"), update, Map.of("id", id, "in", in))
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.status", equalTo(422));
    Api.as("rep.zhang").get("/api/v1/contracts/" + id).then().body("version", equalTo(version));
    // Another rep does not see it (data scope), exactly as REST answers 404.
    graphql(Api.as("rep.chen"), "{ contract(id: \"" + id + "\") { id } }", Map.of())
        .body("data.contract", nullValue())
        .body("errors[0].extensions.status", equalTo(404));
  }

  @Test
  void deleteRestoreTeamAndTransferAreDerivedForEveryOwnedResource() {
    String id = contract(customer());
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!) { addContractTeamMember(id: $id, input: {employeeId: \""
                + CHEN
                + "\", access: READ}) { employeeId access } }",
            Map.of("id", id))
        .body("errors", nullValue())
        .body("data.addContractTeamMember.access", equalTo("READ"));
    graphql(Api.as("rep.chen"), "{ contract(id: \"" + id + "\") { id } }", Map.of())
        .body("data.contract.id", equalTo(id));
    graphql(
            Api.as("rep.zhang"),
            "{ contractTeamMembers(id: \"" + id + "\") { employeeId } }",
            Map.of())
        .body("data.contractTeamMembers.employeeId", hasItem(CHEN));
    graphql(
            Api.as("rep.zhang"),
            "mutation { removeContractTeamMember(id: \""
                + id
                + "\", employeeId: \""
                + CHEN
                + "\") }",
            Map.of())
        .body("data.removeContractTeamMember", equalTo(true));
    Api.as("rep.chen").get("/api/v1/contracts/" + id).then().statusCode(404);

    // Delete with the version, then restore: both through the record machinery.
    int version =
        Api.as("rep.zhang").get("/api/v1/contracts/" + id).then().extract().path("version");
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!, $v: BigInteger) { deleteContract(id: $id, expectedVersion: $v) }",
            Map.of("id", id, "v", version))
        .body("errors", nullValue())
        .body("data.deleteContract", equalTo(true));
    Api.as("rep.zhang").get("/api/v1/contracts/" + id).then().statusCode(404);
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!) { restoreContract(id: $id) { id deletedAt } }",
            Map.of("id", id))
        .body("errors", nullValue())
        .body("data.restoreContract.deletedAt", nullValue());
    Api.as("rep.zhang").get("/api/v1/contracts/" + id).then().statusCode(200);

    // Transfer: the new owner has it, the old one no longer sees it.
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!) { transferContract(id: $id, input: {ownerId: \""
                + CHEN
                + "\"}) { ownerId } }",
            Map.of("id", id))
        .body("errors", nullValue())
        .body("data.transferContract.ownerId", equalTo(CHEN));
    Api.as("rep.chen").get("/api/v1/contracts/" + id).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/contracts/" + id).then().statusCode(404);

    // Each of these changes is in the record's history, as REST writes it.
    List<String> actions =
        Api.as("rep.chen")
            .get("/api/v1/contracts/" + id + "/history?limit=50")
            .then()
            .statusCode(200)
            .extract()
            .path("data.action");
    assertTrue(
        actions.containsAll(List.of("deleted", "restored", "transferred")), "history: " + actions);
  }

  @Test
  void upsertByExternalIdAndStateActionsAreReachable() {
    String external = "ERP-" + UUID.randomUUID();
    String upsert =
        "mutation($x: String!, $in: CustomerInput!) { upsertCustomer(externalId: $x, input: $in)"
            + " { id name externalId } }";
    String first =
        graphql(Api.as("rep.zhang"), upsert, Map.of("x", external, "in", Map.of("name", "ERP 客户一")))
            .body("errors", nullValue())
            .body("data.upsertCustomer.externalId", equalTo(external))
            .extract()
            .path("data.upsertCustomer.id");
    graphql(Api.as("rep.zhang"), upsert, Map.of("x", external, "in", Map.of("name", "ERP 客户二")))
        .body("data.upsertCustomer.id", equalTo(first))
        .body("data.upsertCustomer.name", equalTo("ERP 客户二"));

    String id = contract(first);
    Api.as("rep.zhang").post("/api/v1/contracts/" + id + "/submit").then().statusCode(200);
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!) { activateContract(id: $id) { status } }",
            Map.of("id", id))
        .body("errors", nullValue())
        .body("data.activateContract.status", equalTo("ACTIVE"));
    // The state machine refuses what REST refuses, with the same problem: a draft cannot complete.
    graphql(
            Api.as("rep.zhang"),
            "mutation($id: ID!) { completeContract(id: $id) { status } }",
            Map.of("id", contract(first)))
        .body("data.completeContract", nullValue())
        .body("errors[0].extensions.status", equalTo(409));
  }

  @Test
  void settingsDictionariesRolesNumberingRulesAndTheFeedAreReachable() {
    long head = events.head();
    graphql(Api.asAdmin(), "{ settings { key version value } }", Map.of())
        .body("errors", nullValue())
        .body("data.settings.key", hasItem("receivable-reminder-days"));
    String setting = "receivable-reminder-days";
    Map<String, Object> one =
        graphql(
                Api.asAdmin(),
                "query($k: String!) { setting(key: $k) { key value version } }",
                Map.of("k", setting))
            .body("errors", nullValue())
            .extract()
            .path("data.setting");
    String put =
        "mutation($k: String!, $v: String!, $e: BigInteger) { putSetting(key: $k, value: $v,"
            + " expectedVersion: $e) { value version } }";
    int changed = Integer.parseInt((String) one.get("value")) + 1;
    // A change goes through the version, like REST's PUT with If-Match; a stale one is refused.
    graphql(
            Api.asAdmin(),
            put,
            Map.of("k", setting, "v", String.valueOf(changed), "e", one.get("version")))
        .body("errors", nullValue())
        .body("data.putSetting.value", equalTo(String.valueOf(changed)))
        .body("data.putSetting.version", equalTo(((Integer) one.get("version")) + 1));
    graphql(
            Api.asAdmin(),
            put,
            Map.of("k", setting, "v", one.get("value"), "e", one.get("version")))
        .body("errors[0].extensions.status", equalTo(412));
    graphql(Api.asAdmin(), put, Map.of("k", setting, "v", one.get("value")))
        .body("data.putSetting.value", equalTo(one.get("value")));
    graphql(
            Api.as("rep.zhang"),
            "mutation($k: String!, $v: String!) { putSetting(key: $k, value: $v) { version } }",
            Map.of("k", setting, "v", one.get("value")))
        .body("errors[0].extensions.code", equalTo("forbidden"));
    graphql(
            Api.asAdmin(),
            "mutation($k: String!) { putSetting(key: $k, value: \"{not json\") { version } }",
            Map.of("k", setting))
        .body("errors[0].extensions.status", equalTo(400));

    String kind =
        graphql(Api.as("rep.zhang"), "{ dictionaries { field kind } }", Map.of())
            .body("errors", nullValue())
            .extract()
            .path("data.dictionaries[0].kind");
    graphql(
            Api.as("rep.zhang"),
            "query($k: String!) { dictionary(kind: $k) { code nameZh active } }",
            Map.of("k", kind))
        .body("errors", nullValue())
        .body("data.dictionary.size()", not(equalTo(0)));

    graphql(Api.asAdmin(), "{ roles { role scope permissions } }", Map.of())
        .body("errors", nullValue())
        .body("data.roles.role", hasItem("sales-rep"));
    graphql(Api.asAdmin(), "{ role(role: \"sales-rep\") { role permissions } }", Map.of())
        .body("data.role.permissions", hasItem("customer:read"));

    graphql(Api.asAdmin(), "{ numberingRules { key pattern } }", Map.of())
        .body("errors", nullValue())
        .body("data.numberingRules.key", hasItem("customer"));
    graphql(Api.asAdmin(), "{ numberingRule(key: \"customer\") { key pattern version } }", Map.of())
        .body("data.numberingRule.pattern", notNullValue());

    publisher.publishPending();
    List<String> types =
        graphql(
                Api.asAdmin(),
                "query($a: BigInteger) { events(after: $a, types: \"setting.*\", first: 50)"
                    + " { data { type resource changes } page { nextAfter hasMore } } }",
                Map.of("a", head))
            .body("errors", nullValue())
            .extract()
            .path("data.events.data.type");
    assertTrue(types.contains("setting.updated"), "events: " + types);
    assertEquals(types.stream().filter(t -> !t.startsWith("setting.")).count(), 0L);
  }
}
