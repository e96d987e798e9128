package dev.headlesscrm.platform.approval;

import static org.hamcrest.Matchers.equalTo;

import dev.headlesscrm.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test fixtures: flows and submissions made through the API, each test its own records. */
final class Approvals {

  static final String PREFIX = "0193a000-0000-7000-8000-0000000000";
  static final String ADMIN_LI = PREFIX + "e1";
  static final String MANAGER_WANG = PREFIX + "e2";
  static final String REP_ZHANG = PREFIX + "e3";
  static final String REP_CHEN = PREFIX + "e4";
  static final String ANALYST_LIU = PREFIX + "e5";
  static final String MARKETING_ZHAO = PREFIX + "e6";

  private Approvals() {}

  static Map<String, Object> step(String kind, String... employeeIds) {
    return Map.of("kind", kind, "employeeIds", List.of(employeeIds));
  }

  static Map<String, Object> flowBody(String resource, List<Map<String, Object>> steps) {
    return Map.of("resource", resource, "name", resource + " 审批", "steps", steps);
  }

  /** A new active flow for a resource no other test uses. */
  @SafeVarargs
  static String uniqueFlow(String prefix, Map<String, Object>... steps) {
    String resource = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    createFlow(resource, List.of(steps));
    return resource;
  }

  static String createFlow(String resource, List<Map<String, Object>> steps) {
    return Api.asAdmin()
        .body(flowBody(resource, steps))
        .post("/api/v1/approval-flows")
        .then()
        .statusCode(201)
        .body("active", equalTo(true))
        .extract()
        .path("id");
  }

  /**
   * The probe resource's flow, made once: the submitter's supervisor, then both analyst.liu and
   * admin.li (会签).
   */
  static synchronized void ensureProbeFlow() {
    List<Object> active =
        Api.asAdmin()
            .queryParam("filter", "resource==probe;active==true")
            .get("/api/v1/approval-flows")
            .then()
            .statusCode(200)
            .extract()
            .path("data");
    if (active.isEmpty()) {
      createFlow(
          ProbeApprovalListener.RESOURCE,
          List.of(step("SUPERVISOR"), step("ALL_OF", ANALYST_LIU, ADMIN_LI)));
    }
  }

  static ValidatableResponse submit(String user, String resource, UUID recordId, String comment) {
    return Api.as(user)
        .body(comment == null ? Map.of() : Map.of("comment", comment))
        .post("/api/test/approvals/" + resource + "/" + recordId)
        .then();
  }

  /** Submits a new probe record as rep.zhang; the approval's id. */
  static String submitProbe(UUID recordId) {
    return submit("rep.zhang", ProbeApprovalListener.RESOURCE, recordId, "请审批")
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .extract()
        .path("id");
  }

  static ValidatableResponse decide(String user, String id, String action, String comment) {
    return Api.as(user)
        .body(comment == null ? Map.of() : Map.of("comment", comment))
        .post("/api/v1/approvals/" + id + "/" + action)
        .then();
  }

  static List<String> inbox(String user) {
    JsonPath page =
        Api.as(user)
            .queryParam("limit", 500)
            .get("/api/v1/approvals/inbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    return page.getList("data.id");
  }
}
