package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.sales.SalesChainTest;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Data scope per role and resource: the service desk (DEPARTMENT scope) reads every customer and
 * contact, as a call centre must, and takes requests for them, while a rep's contracts stay out of
 * its sight; an administrator removes and restores the resource's scope, in force at once.
 */
@QuarkusTest
class ResourceScopeTest {

  static Map<String, Object> scope(String resource, String scope) {
    Map<String, Object> body = new HashMap<>();
    body.put("resource", resource);
    body.put("scope", scope);
    return body;
  }

  @Test
  void theServiceDeskReadsEveryCustomerAndNothingElseOfSales() {
    Api.asAdmin()
        .get("/api/v1/roles/service-agent")
        .then()
        .statusCode(200)
        .body("scope", equalTo("DEPARTMENT"))
        .body("resourceScopes.customer", equalTo("ALL"))
        .body("resourceScopes.contact", equalTo("ALL"));
    String customer = SalesChainTest.customer("rep.zhang");
    Api.as("agent.sun").get("/api/v1/customers/" + customer).then().statusCode(200);
    Api.as("agent.sun")
        .get("/api/v1/customers?filter=id==" + customer)
        .then()
        .body("data.id", equalTo(List.of(customer)));
    // The agent takes the customer's call without an administrator.
    Map<String, Object> request = new HashMap<>();
    request.put("customerId", customer);
    request.put("channel", "PHONE");
    request.put("type", "CONSULTATION");
    request.put("subject", "来电咨询");
    Api.as("agent.sun")
        .body(request)
        .post("/api/v1/service-requests")
        .then()
        .statusCode(201)
        .body("ownerId", equalTo("0193a000-0000-7000-8000-0000000000e7"));
    // The rep's contract stays outside the agent's department scope.
    String contract =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "name",
                    "范围合同",
                    "customerId",
                    customer,
                    "lines",
                    List.of(Map.of("description", "机柜", "quantity", 1, "unitPrice", 10))))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("agent.sun").get("/api/v1/contracts/" + contract).then().statusCode(404);
    try {
      // Without its own scope for customers, the role's DEPARTMENT applies again: at once.
      Api.asAdmin()
          .body(scope("customer", null))
          .put("/api/v1/roles/service-agent/scope")
          .then()
          .statusCode(200)
          .body("resourceScopes", not(hasKey("customer")));
      Api.as("agent.sun").get("/api/v1/customers/" + customer).then().statusCode(404);
      Api.as("agent.sun")
          .body(request)
          .post("/api/v1/service-requests")
          .then()
          .statusCode(422)
          .body("errors[0].field", equalTo("customerId"));
    } finally {
      Api.asAdmin()
          .body(
              Map.of(
                  "query",
                  "mutation { setRoleScope(role: \"service-agent\", scope: ALL, resource: \"customer\")"
                      + " { resourceScopes { key value } } }"))
          .post("/graphql")
          .then()
          .statusCode(200)
          .body("errors", nullValue());
    }
    Api.as("agent.sun").get("/api/v1/customers/" + customer).then().statusCode(200);
    // Only owned resources have a data scope.
    Api.asAdmin()
        .body(scope("product", "ALL"))
        .put("/api/v1/roles/service-agent/scope")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("resource"));
    // A rep may not change scopes.
    Api.as("rep.zhang")
        .body(scope("customer", "ALL"))
        .put("/api/v1/roles/sales-rep/scope")
        .then()
        .statusCode(403);
  }
}
