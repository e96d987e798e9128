package dev.headlesscrm.platform.approval;

import static dev.headlesscrm.platform.approval.Approvals.ADMIN_LI;
import static dev.headlesscrm.platform.approval.Approvals.ANALYST_LIU;
import static dev.headlesscrm.platform.approval.Approvals.MANAGER_WANG;
import static dev.headlesscrm.platform.approval.Approvals.flowBody;
import static dev.headlesscrm.platform.approval.Approvals.step;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /api/v1/approval-flows: administrators keep one active flow per resource; everyone reads. */
@QuarkusTest
class ApprovalFlowResourceTest {

  static String uniqueResource() {
    return "flow-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void administratorsCreateAndChangeFlowsThatEveryoneReads() {
    String resource = uniqueResource();
    String id =
        Api.asAdmin()
            .body(
                flowBody(
                    resource,
                    List.of(step("SUPERVISOR"), step("ALL_OF", ANALYST_LIU, ADMIN_LI, ADMIN_LI))))
            .post("/api/v1/approval-flows")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/approval-flows/"))
            .body("resource", equalTo(resource))
            .body("active", equalTo(true))
            .body("steps", hasSize(2))
            .body("steps[0].kind", equalTo("SUPERVISOR"))
            .body("steps[0].employeeIds", hasSize(0))
            .body("steps[1].employeeIds", equalTo(List.of(ANALYST_LIU, ADMIN_LI)))
            .extract()
            .path("id");

    Api.as("rep.zhang")
        .get("/api/v1/approval-flows/" + id)
        .then()
        .statusCode(200)
        .body("steps[1].kind", equalTo("ALL_OF"));
    Api.as("analyst.liu")
        .queryParam("filter", "resource==" + resource)
        .get("/api/v1/approval-flows")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(id)));

    Api.as("manager.wang")
        .body(flowBody(uniqueResource(), List.of(step("SUPERVISOR"))))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(403);
    Api.as("rep.zhang")
        .contentType("application/merge-patch+json")
        .body(Map.of("name", "改名"))
        .patch("/api/v1/approval-flows/" + id)
        .then()
        .statusCode(403);

    Api.asAdmin()
        .contentType("application/merge-patch+json")
        .body(Map.of("steps", List.of(step("EMPLOYEE", MANAGER_WANG))))
        .patch("/api/v1/approval-flows/" + id)
        .then()
        .statusCode(200)
        .body("steps", hasSize(1))
        .body("steps[0].kind", equalTo("EMPLOYEE"))
        .body("steps[0].employeeIds", equalTo(List.of(MANAGER_WANG)))
        .body("version", equalTo(1));
    Api.asAdmin()
        .get("/api/v1/approval-flows/" + id + "/history")
        .then()
        .statusCode(200)
        .body("data.action", hasItem("updated"));
  }

  @Test
  void eachStepNamesTheRightNumberOfWorkingEmployees() {
    String resource = uniqueResource();
    for (Map<String, Object> bad :
        List.of(
            step("SUPERVISOR", MANAGER_WANG),
            step("EMPLOYEE"),
            step("EMPLOYEE", MANAGER_WANG, ADMIN_LI),
            step("ANY_OF"),
            step("ALL_OF", UUID.randomUUID().toString()))) {
      Api.asAdmin()
          .body(flowBody(resource, List.of(step("SUPERVISOR"), bad)))
          .post("/api/v1/approval-flows")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("steps[1].employeeIds"));
    }
    Api.asAdmin()
        .body(flowBody(resource, List.of()))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("steps"));
    Api.asAdmin()
        .body(
            Map.of("resource", "Not A Resource", "name", "x", "steps", List.of(step("SUPERVISOR"))))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("resource"));
    Api.asAdmin()
        .body(
            Map.of(
                "resource",
                resource,
                "name",
                "x",
                "steps",
                List.of(Map.of("kind", "SOMEONE", "employeeIds", List.of()))))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(422);
    Api.asAdmin()
        .queryParam("filter", "resource==" + resource)
        .get("/api/v1/approval-flows")
        .then()
        .statusCode(200)
        .body("data", hasSize(0));
  }

  @Test
  void aResourceHasAtMostOneActiveFlow() {
    String resource = uniqueResource();
    String first = Approvals.createFlow(resource, List.of(step("SUPERVISOR")));
    Api.asAdmin()
        .body(flowBody(resource, List.of(step("EMPLOYEE", ADMIN_LI))))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    String second =
        Api.asAdmin()
            .body(
                Map.of(
                    "resource",
                    resource,
                    "name",
                    "备用流程",
                    "active",
                    false,
                    "steps",
                    List.of(step("EMPLOYEE", ADMIN_LI))))
            .post("/api/v1/approval-flows")
            .then()
            .statusCode(201)
            .body("active", equalTo(false))
            .extract()
            .path("id");
    Api.asAdmin()
        .contentType("application/merge-patch+json")
        .body(Map.of("active", true))
        .patch("/api/v1/approval-flows/" + second)
        .then()
        .statusCode(409);
    Api.asAdmin()
        .contentType("application/merge-patch+json")
        .body(Map.of("active", false))
        .patch("/api/v1/approval-flows/" + first)
        .then()
        .statusCode(200);
    Api.asAdmin()
        .contentType("application/merge-patch+json")
        .body(Map.of("active", true))
        .patch("/api/v1/approval-flows/" + second)
        .then()
        .statusCode(200);

    // The engine now uses the second flow: admin.li alone decides.
    String id =
        Approvals.submit("rep.zhang", resource, UUID.randomUUID(), null)
            .statusCode(200)
            .body("flowId", equalTo(second))
            .body("awaiting", equalTo(List.of(ADMIN_LI)))
            .extract()
            .path("id");
    // Changing the flow leaves the request under way as it was submitted.
    Api.asAdmin()
        .contentType("application/merge-patch+json")
        .body(Map.of("steps", List.of(step("EMPLOYEE", MANAGER_WANG))))
        .patch("/api/v1/approval-flows/" + second)
        .then()
        .statusCode(200);
    // manager.wang is none of the request's approvers: it does not even exist for them.
    Approvals.decide("manager.wang", id, "approve", null).statusCode(404);
    Api.as("manager.wang").get("/api/v1/approvals/" + id).then().statusCode(404);
    Approvals.decide("admin.li", id, "approve", null)
        .statusCode(200)
        .body("status", equalTo("APPROVED"));

    // A deleted flow is no flow.
    Api.asAdmin().delete("/api/v1/approval-flows/" + second).then().statusCode(204);
    Approvals.submit("rep.zhang", resource, UUID.randomUUID(), null)
        .statusCode(409)
        .body("detail", containsString("no approval flow"));
  }
}
