package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Customers and contacts over GraphQL: the shared filter, mutations, batched relations. */
@QuarkusTest
class CustomerGraphQlTest {

  @Inject EntityManagerFactory emf;

  static ValidatableResponse graphql(
      RequestSpecification as, String query, Map<String, Object> vars) {
    return as.body(Map.of("query", query, "variables", vars))
        .post("/graphql")
        .then()
        .statusCode(200);
  }

  static final String PAGE =
      "query($f: String, $n: Int) { customers(filter: $f, first: $n, count: true) {"
          + " totalCount edges { node { id name contacts { name } owner { name department { code } }"
          + " parent { name } } } pageInfo { hasNextPage endCursor } } }";

  private long statementsFor(String filter, int n) {
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    long before = stats.getPrepareStatementCount();
    graphql(Api.as("analyst.liu"), PAGE, Map.of("f", filter, "n", n))
        .body("errors", nullValue())
        .body("data.customers.edges", hasSize(n));
    return stats.getPrepareStatementCount() - before;
  }

  @Test
  void relationsOfFiftyCustomersCostAConstantNumberOfStatements() {
    String tag = "gql-" + UUID.randomUUID().toString().substring(0, 8);
    String parent = Customers.createId("GraphQL 上级");
    for (int i = 0; i < 50; i++) {
      Map<String, Object> body = new HashMap<>();
      body.put("name", "GraphQL 客户 " + i);
      body.put("tags", List.of(tag));
      body.put("parentId", parent);
      String id = Customers.create(body).path("id");
      Customers.contact(id, "联系人A" + i);
      Customers.contact(id, "联系人B" + i);
    }
    String filter = "tags==" + tag;
    statementsFor(filter, 5); // warm-up: principal resolution, caches
    long five = statementsFor(filter, 5);
    long fifty = statementsFor(filter, 50);
    assertTrue(fifty <= 12, "50 customers with contacts, owner, department, parent: " + fifty);
    assertTrue(
        fifty <= five + 2, "statements do not grow with the page: 5 → " + five + ", 50 → " + fifty);
    graphql(Api.as("analyst.liu"), PAGE, Map.of("f", filter, "n", 50))
        .body("data.customers.totalCount", equalTo(50))
        .body("data.customers.edges[0].node.contacts", hasSize(2))
        .body("data.customers.edges[0].node.owner.department.code", equalTo("SALES-EAST"))
        .body("data.customers.edges[0].node.parent.name", equalTo("GraphQL 上级"));
  }

  @Test
  void tooDeepOrTooLargeQueriesAreRefusedBeforeTheyRun() {
    String deep =
        "{ customers(first: 1) { edges { node { parent { parent { parent { parent { parent {"
            + " parent { parent { parent { name } } } } } } } } } } } }";
    graphql(Api.as("analyst.liu"), deep, Map.of())
        .body("data", nullValue())
        .body("errors[0].message", org.hamcrest.Matchers.containsStringIgnoringCase("depth"));
    StringBuilder wide = new StringBuilder("{ customers(first: 1) { edges { node {");
    for (int i = 0; i < 450; i++) {
      wide.append(" f").append(i).append(": name");
    }
    wide.append(" } } } }");
    graphql(Api.as("analyst.liu"), wide.toString(), Map.of())
        .body("data", nullValue())
        .body("errors[0].message", org.hamcrest.Matchers.containsStringIgnoringCase("complexity"));
  }

  @Test
  void filterLanguageIsSharedAndErrorsCarryCodes() {
    graphql(Api.as("analyst.liu"), "{ customers(filter: \"salary==1\") { totalCount } }", Map.of())
        .body("errors[0].extensions.code", equalTo("malformed"))
        .body("errors[0].extensions.status", equalTo(400));
    graphql(
            Api.as("analyst.liu"),
            "mutation { createCustomer(input: {name: \"分析师不能建\"}) { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("forbidden"));
  }

  @Test
  void mutationsCreateUpdateMergeAndCheckVersions() {
    String create =
        "mutation($in: CustomerInput!) { createCustomer(input: $in) { id version mnemonic } }";
    String a =
        graphql(Api.as("rep.zhang"), create, Map.of("in", Map.of("name", "图谱甲公司", "level", "A")))
            .body("errors", nullValue())
            .body("data.createCustomer.mnemonic", equalTo("TPJGS"))
            .extract()
            .path("data.createCustomer.id");
    String b =
        graphql(Api.as("rep.zhang"), create, Map.of("in", Map.of("name", "图谱乙公司")))
            .extract()
            .path("data.createCustomer.id");
    String update =
        "mutation($id: ID!, $in: CustomerInput!, $v: BigInteger) { updateCustomer(id: $id,"
            + " input: $in, expectedVersion: $v) { version city } }";
    graphql(
            Api.as("rep.zhang"),
            update,
            Map.of("id", a, "in", Map.of("name", "图谱甲公司", "city", "天津"), "v", 0))
        .body("data.updateCustomer.city", equalTo("天津"));
    graphql(Api.as("rep.zhang"), update, Map.of("id", a, "in", Map.of("name", "x"), "v", 0))
        .body("errors[0].extensions.code", equalTo("precondition-failed"));
    String contact =
        "mutation($in: ContactInput!) { createContact(input: $in) { id customer { name } } }";
    graphql(Api.as("rep.zhang"), contact, Map.of("in", Map.of("customerId", b, "name", "乙联系人")))
        .body("data.createContact.customer.name", equalTo("图谱乙公司"));
    graphql(
            Api.as("rep.zhang"),
            "mutation($s: ID!, $m: [String!]!) { mergeCustomers(survivorId: $s, mergeIds: $m) {"
                + " contactsMoved survivor { contacts { name } } } }",
            Map.of("s", a, "m", List.of(b)))
        .body("errors", nullValue())
        .body("data.mergeCustomers.contactsMoved", equalTo(1))
        .body("data.mergeCustomers.survivor.contacts[0].name", equalTo("乙联系人"));
    assertEquals(36, a.length());
  }
}
