package dev.headlesscrm.platform.graphql;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Relations derived from the declarations, both ways, with no GraphQL code in the contexts: to-one
 * fields named as the relation, inverse lists on the target, the team of owned records; batched per
 * level, within the caller's permissions and data scope.
 */
@QuarkusTest
class DerivedRelationsTest {

  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";

  @Inject EntityManagerFactory emf;

  static ValidatableResponse graphql(RequestSpecification as, String query, Map<String, ?> vars) {
    return as.body(Map.of("query", query, "variables", vars))
        .post("/graphql")
        .then()
        .statusCode(200);
  }

  static String post(String path, Map<String, ?> body) {
    return Api.as("rep.zhang").body(body).post(path).then().statusCode(201).extract().path("id");
  }

  @Test
  void relationsGoBothWaysAndKeepTheCallersScope() {
    String parent = post("/api/v1/customers", Map.of("name", "关系上级公司"));
    String customer = post("/api/v1/customers", Map.of("name", "关系公司", "parentId", parent));
    String first = post("/api/v1/contacts", Map.of("customerId", customer, "name", "关系甲"));
    post("/api/v1/contacts", Map.of("customerId", customer, "name", "关系乙"));
    String deal =
        post(
            "/api/v1/opportunities",
            Map.of("name", "关系商机", "customerId", customer, "primaryContactId", first));
    Api.as("rep.zhang")
        .body(Map.of("employeeId", CHEN, "access", "READ"))
        .post("/api/v1/customers/" + customer + "/team")
        .then()
        .statusCode(200);

    String query =
        "query($id: ID!) { customer(id: $id) { name parent { name customersByParent { name } }"
            + " contacts { name customer { id } } one: contacts(first: 1) { name }"
            + " opportunities { id primaryContact { name } pipeline { name } owner { name }"
            + " stageHistory { stageCode } team { employeeId } }"
            + " team { employeeId access } } }";
    graphql(Api.as("rep.zhang"), query, Map.of("id", customer))
        .body("errors", nullValue())
        .body("data.customer.parent.name", equalTo("关系上级公司"))
        .body("data.customer.parent.customersByParent.name", contains("关系公司"))
        .body("data.customer.contacts.name", contains("关系甲", "关系乙"))
        .body("data.customer.contacts.customer.id", contains(customer, customer))
        .body("data.customer.one.name", contains("关系甲"))
        .body("data.customer.opportunities.id", contains(deal))
        .body("data.customer.opportunities[0].primaryContact.name", equalTo("关系甲"))
        .body("data.customer.opportunities[0].pipeline.name", notNullValue())
        .body("data.customer.opportunities[0].owner.name", equalTo("张伟"))
        .body("data.customer.opportunities[0].stageHistory", hasSize(1))
        .body("data.customer.opportunities[0].team", empty())
        .body("data.customer.team.employeeId", contains(CHEN))
        .body("data.customer.team.access", contains("READ"));

    // rep.chen sees the customer through the team, but not rep.zhang's contacts and deals: the
    // inverse lists apply the caller's data scope as the REST lists do.
    graphql(Api.as("rep.chen"), query, Map.of("id", customer))
        .body("data.customer.name", equalTo("关系公司"))
        .body("data.customer.contacts", empty())
        .body("data.customer.opportunities", empty())
        .body("data.customer.parent", nullValue());
    Api.as("rep.chen")
        .get("/api/v1/contacts?filter=customerId==" + customer)
        .then()
        .statusCode(200)
        .body("data", empty());

    // A bound outside 1–500 is refused on that field, as REST refuses limit.
    graphql(
            Api.as("rep.zhang"),
            "query($id: ID!) { customer(id: $id) { name contacts(first: 0) { name } } }",
            Map.of("id", customer))
        .body("data.customer.name", equalTo("关系公司"))
        .body("data.customer.contacts", nullValue())
        .body("errors[0].extensions.code", equalTo("malformed"))
        .body("errors[0].path", contains("customer", "contacts"));
  }

  @Test
  void aRelationToAResourceTheCallerMayNotReadIsRefusedOnThatFieldOnly() {
    String customer = post("/api/v1/customers", Map.of("name", "权限关系公司"));
    post("/api/v1/opportunities", Map.of("name", "权限关系商机", "customerId", customer));
    // Revoke opportunity:read from sales-rep for this test, then give it back.
    List<String> granted = Api.permissions("sales-rep");
    Api.permissions(
        "sales-rep", granted.stream().filter(p -> !p.equals("opportunity:read")).toList());
    try {
      graphql(
              Api.as("rep.zhang"),
              "query($id: ID!) { customer(id: $id) { name opportunities { id } } }",
              Map.of("id", customer))
          .body("data.customer.name", equalTo("权限关系公司"))
          .body("data.customer.opportunities", nullValue())
          .body("errors[0].extensions.code", equalTo("forbidden"))
          .body("errors[0].extensions.status", equalTo(403));
    } finally {
      Api.permissions("sales-rep", granted);
    }
  }

  static final String PAGE =
      "query($f: String, $n: Int) { customers(filter: $f, first: $n) { edges { node { id"
          + " contacts { name customer { name } owner { name } }"
          + " opportunities { name stageHistory { stageCode } team { access } owner { name }"
          + " primaryContact { name } } team { access } } } } }";

  private long statementsFor(String filter, int n) {
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    graphql(Api.as("manager.wang"), PAGE, Map.of("f", filter, "n", n))
        .body("errors", nullValue())
        .body("data.customers.edges", hasSize(n))
        .body("data.customers.edges[0].node.contacts", hasSize(2))
        .body("data.customers.edges[0].node.opportunities", hasSize(1))
        .body("data.customers.edges[0].node.opportunities[0].stageHistory", hasSize(1))
        .body("data.customers.edges[0].node.contacts.customer.name", hasSize(2));
    return stats.getPrepareStatementCount() - before;
  }

  @Test
  void everyLevelCostsTheSameWhateverItsWidth() {
    String tag = "rel-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 20; i++) {
      String customer =
          post("/api/v1/customers", Map.of("name", "批量关系 " + i, "tags", List.of(tag)));
      String contact = post("/api/v1/contacts", Map.of("customerId", customer, "name", "甲" + i));
      post("/api/v1/contacts", Map.of("customerId", customer, "name", "乙" + i));
      post(
          "/api/v1/opportunities",
          Map.of("name", "批量商机 " + i, "customerId", customer, "primaryContactId", contact));
    }
    String filter = "tags==" + tag;
    statementsFor(filter, 3); // warm-up: principal, permissions, caches
    long three = statementsFor(filter, 3);
    long twenty = statementsFor(filter, 20);
    assertTrue(
        twenty <= three + 2,
        "statements do not grow with the page: 3 → " + three + ", 20 → " + twenty);
    graphql(Api.as("manager.wang"), PAGE, Map.of("f", filter, "n", 20))
        .body("data.customers.edges.node.opportunities.flatten().primaryContact.name", hasSize(20))
        .body(
            "data.customers.edges[0..1].node.contacts.flatten().name",
            containsInAnyOrder("甲0", "乙0", "甲1", "乙1"));
  }
}
