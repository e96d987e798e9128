package dev.headlesscrm.platform.graphql;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests GraphQL refuses before running them — too deep, too complex, not parsable, not valid
 * against the schema — carry extensions.code and extensions.status like every other error.
 */
@QuarkusTest
class GraphQlRefusalsTest {

  private static ValidatableResponse refused(String query, Map<String, Object> variables) {
    return Api.as("analyst.liu")
        .body(Map.of("query", query, "variables", variables))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("malformed"))
        .body("errors[0].extensions.status", equalTo(400))
        .body("errors[0].extensions.traceId", notNullValue());
  }

  @Test
  void aQueryOverTheDepthLimitIsMalformed() {
    refused(
            "{ customers(first: 1) { edges { node { parent { parent { parent { parent { parent {"
                + " parent { parent { parent { name } } } } } } } } } } } }",
            Map.of())
        .body("errors[0].message", containsStringIgnoringCase("depth"));
  }

  @Test
  void aQueryOverTheComplexityLimitIsMalformed() {
    StringBuilder wide = new StringBuilder("{ customers(first: 1) { edges { node {");
    for (int i = 0; i < 450; i++) {
      wide.append(" f").append(i).append(": name");
    }
    wide.append(" } } } }");
    refused(wide.toString(), Map.of())
        .body("errors[0].message", containsStringIgnoringCase("complexity"));
  }

  /**
   * Parsed queries are kept by their text, but the cost is counted for each request with its own
   * variables: the same text accepted with a small {@code first} is refused with a large one.
   */
  @Test
  void theSameQueryTextIsCostedWithEachRequestsVariables() {
    StringBuilder aliases = new StringBuilder("query($n: Int) {");
    for (int i = 0; i < 10; i++) {
      aliases.append(" c").append(i).append(": customers(first: $n) { edges { node { id } } }");
    }
    String query = aliases.append(" }").toString();
    Api.as("analyst.liu")
        .body(Map.of("query", query, "variables", Map.of("n", 1)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue())
        .body("data.c9.edges", notNullValue());
    refused(query, Map.of("n", 501)).body("errors[0].message", containsStringIgnoringCase("first"));
  }

  @Test
  void syntaxAndSchemaErrorsAreMalformed() {
    refused("{ customers(first: ", Map.of())
        .body("errors[0].message", containsStringIgnoringCase("syntax"));
    refused("{ customers { noSuchField } }", Map.of())
        .body("errors[0].locations[0].line", equalTo(1));
    refused("{ customers(first: \"many\") { totalCount } }", Map.of());
    refused("mutation { createCustomer(input: {name: \"甲\", name: \"乙\"}) { id } }", Map.of());
  }

  @Test
  void aBodyNamingAKeyTwiceIsA400ProblemAndRunsNothing() {
    String marker = "GQLDUP" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Api.as("rep.zhang")
        .body(
            "{\"query\":\"mutation($in: CustomerInput!) { createCustomer(input: $in) { id } }\","
                + "\"variables\":{\"in\":{\"name\":\""
                + marker
                + "\",\"name\":\"乙\"}}}")
        .post("/graphql")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/malformed"))
        .body("errors[0].field", equalTo("variables.in.name"))
        .body("errors[0].code", equalTo("duplicate-key"));
    Api.as("rep.zhang")
        .queryParam("filter", "name==" + marker)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }
}
