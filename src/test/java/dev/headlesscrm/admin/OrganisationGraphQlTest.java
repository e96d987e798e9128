package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The organisation over GraphQL: same services, permissions and errors as REST. */
@QuarkusTest
class OrganisationGraphQlTest {

  static io.restassured.response.ValidatableResponse graphql(
      RequestSpecification as, String query, Map<String, Object> variables) {
    return as.body(Map.of("query", query, "variables", variables))
        .post("/graphql")
        .then()
        .statusCode(200);
  }

  @Test
  void meWithNestedRelations() {
    graphql(
            Api.as("rep.zhang"),
            "{ me { kind username roles employee { name department { code parent { code } }"
                + " supervisor { name } } } }",
            Map.of())
        .body("errors", nullValue())
        .body("data.me.kind", equalTo("EMPLOYEE"))
        .body("data.me.employee.department.code", equalTo("SALES-EAST"))
        .body("data.me.employee.department.parent.code", equalTo("HQ"))
        .body("data.me.employee.supervisor.name", equalTo("王芳"));
  }

  @Test
  void departmentsConnectionResolvesRelationsForEveryNode() {
    graphql(
            Api.as("analyst.liu"),
            "{ departments(first: 500) { edges { cursor node { id code manager { name }"
                + " parent { code } } } pageInfo { hasNextPage endCursor } } }",
            Map.of())
        .body("errors", nullValue())
        .body("data.departments.edges.node.code", hasItem("SALES-NORTH"))
        .body(
            "data.departments.edges.find { it.node.code == 'SALES-EAST' }.node.manager.name",
            equalTo("王芳"))
        .body(
            "data.departments.edges.find { it.node.code == 'SALES-NORTH' }.node.parent.code",
            equalTo("HQ"))
        .body("data.departments.edges[0].cursor", notNullValue());
  }

  @Test
  void adminMutationsWorkAndVersionIsChecked() {
    String code = Api.uniqueCode("G");
    String id =
        graphql(
                Api.asAdmin(),
                "mutation($in: DepartmentInput!) { createDepartment(input: $in) { id version } }",
                Map.of("in", Map.of("code", code, "name", "深圳办事处", "kind", "OFFICE")))
            .body("errors", nullValue())
            .body("data.createDepartment.version", equalTo(0))
            .extract()
            .path("data.createDepartment.id");
    String update =
        "mutation($id: ID!, $in: DepartmentInput!, $v: BigInteger) {"
            + " updateDepartment(id: $id, input: $in, expectedVersion: $v) { name version } }";
    Map<String, Object> input = Map.of("code", code, "name", "深圳分公司", "kind", "BRANCH");
    graphql(Api.asAdmin(), update, Map.of("id", id, "in", input, "v", 0))
        .body("errors", nullValue())
        .body("data.updateDepartment.name", equalTo("深圳分公司"))
        .body("data.updateDepartment.version", equalTo(1));
    graphql(Api.asAdmin(), update, Map.of("id", id, "in", input, "v", 0))
        .body("errors[0].extensions.code", equalTo("precondition-failed"))
        .body("errors[0].extensions.status", equalTo(412));
  }

  @Test
  void errorsCarryProblemCodes() {
    graphql(
            Api.as("rep.zhang"),
            "mutation { createDepartment(input: {code: \"R1\", name: \"n\", kind: OFFICE}) { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("forbidden"))
        .body("errors[0].extensions.status", equalTo(403));
    graphql(
            Api.as("rep.zhang"),
            "{ department(id: \"0193a000-0000-7000-8000-00000000ffff\") { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("not-found"))
        .body("errors[0].extensions.status", equalTo(404))
        .body(
            "errors[0].message",
            equalTo("No department with id 0193a000-0000-7000-8000-00000000ffff."));
    graphql(
            Api.asAdmin(),
            "mutation { createDepartment(input: {code: \"\", name: \"n\", kind: OFFICE}) { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.status", equalTo(422));
  }
}
