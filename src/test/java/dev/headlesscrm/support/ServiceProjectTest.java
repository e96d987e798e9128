package dev.headlesscrm.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.sales.SalesChainTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Project services (项目服务, issue 15 point 8): the status machine, milestones and progress, hours
 * logged (also concurrently) with their totals corrected by delete and restore, the over-budget
 * flag and its one event, tasks of the project, the customer's timeline and data scope.
 */
@QuarkusTest
class ServiceProjectTest {

  static final String USER = "manager.wang";
  static final LocalDate TODAY = LocalDate.now();

  @Inject AgroalDataSource db;

  static String project(String customer, Object budget) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "ERP 实施 " + UUID.randomUUID().toString().substring(0, 6));
    body.put("customerId", customer);
    body.put("plannedStart", TODAY.toString());
    body.put("plannedEnd", TODAY.plusDays(60).toString());
    if (budget != null) {
      body.put("budgetHours", budget);
    }
    return Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(201)
        .body("status", equalTo("PLANNED"))
        .body("kind", equalTo("IMPLEMENTATION"))
        .body("number", startsWith("XM"))
        .body("progress", equalTo(0))
        .body("overBudget", equalTo(false))
        .body("ownerId", equalTo(Api.MANAGER_WANG))
        .extract()
        .path("id");
  }

  static String project() {
    return project(SalesChainTest.customer(USER), null);
  }

  static Response act(String collection, String id, String action) {
    return Api.as(USER).post("/api/v1/" + collection + "/" + id + "/" + action);
  }

  static JsonPath get(String id) {
    return Api.as(USER)
        .get("/api/v1/service-projects/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static String milestone(String project, String name) {
    return Api.as(USER)
        .body(Map.of("projectId", project, "name", name, "dueOn", TODAY.plusDays(10).toString()))
        .post("/api/v1/project-milestones")
        .then()
        .statusCode(201)
        .body("status", equalTo("PENDING"))
        .extract()
        .path("id");
  }

  static Response log(String user, String project, Object hours) {
    return Api.as(user)
        .body(
            Map.of(
                "projectId",
                project,
                "workDate",
                TODAY.toString(),
                "hours",
                hours,
                "billable",
                true))
        .post("/api/v1/time-entries");
  }

  long events(String id, String type) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM events WHERE resource_id = ? AND type = ?")) {
      s.setObject(1, UUID.fromString(id));
      s.setString(2, type);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  List<String> historyActions(String id) {
    return Api.as(USER)
        .get("/api/v1/service-projects/" + id + "/history?limit=200")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.action");
  }

  @Test
  void theStatusMovesOnlyThroughItsActionsEachOneVersion() throws Exception {
    String id = project();
    act("service-projects", id, "resume").then().statusCode(409);
    act("service-projects", id, "hold").then().statusCode(409);
    act("service-projects", id, "complete")
        .then()
        .statusCode(409)
        .body("type", startsWith("/problems/conflict"));
    int v = get(id).getInt("version");
    act("service-projects", id, "start")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"))
        .body("startedAt", notNullValue())
        .body("version", equalTo(v + 1));
    act("service-projects", id, "start").then().statusCode(409);
    act("service-projects", id, "hold").then().statusCode(200).body("status", equalTo("ON_HOLD"));
    act("service-projects", id, "start").then().statusCode(409); // on hold: it resumes
    act("service-projects", id, "resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("IN_PROGRESS"));
    // A PATCH cannot move the status (read-only field).
    Api.as(USER)
        .contentType("application/merge-patch+json")
        .body(Map.of("status", "COMPLETED"))
        .patch("/api/v1/service-projects/" + id)
        .then()
        .statusCode(422);
    act("service-projects", id, "complete")
        .then()
        .statusCode(200)
        .body("status", equalTo("COMPLETED"))
        .body("completedAt", notNullValue())
        .body("progress", equalTo(100))
        .body("version", equalTo(v + 4));
    act("service-projects", id, "cancel").then().statusCode(409);
    assertEquals(
        List.of("completed", "resumed", "held", "started"),
        historyActions(id).subList(0, 4),
        "one history entry per action, newest first");
    assertEquals(1, events(id, "service-project.started"));
    assertEquals(1, events(id, "service-project.completed"));
    // A completed project takes no new milestones or hours.
    Api.as(USER)
        .body(Map.of("projectId", id, "name", "迟到的里程碑"))
        .post("/api/v1/project-milestones")
        .then()
        .statusCode(409);
    log(USER, id, 1).then().statusCode(409);

    String other = project();
    act("service-projects", other, "cancel")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"))
        .body("cancelledAt", notNullValue());
    act("service-projects", other, "start").then().statusCode(409);
  }

  @Test
  void milestonesDriveProgressAndCompletionWaitsForThem() {
    String id = project();
    act("service-projects", id, "start").then().statusCode(200);
    String design = milestone(id, "方案确认");
    String golive = milestone(id, "上线验收");
    JsonPath p = get(id);
    assertEquals(2, p.getInt("milestoneCount"));
    assertEquals(0, p.getInt("progress"));
    int v = p.getInt("version");

    act("project-milestones", design, "reach")
        .then()
        .statusCode(200)
        .body("status", equalTo("REACHED"))
        .body("reachedAt", notNullValue())
        .body("reachedBy", equalTo(Api.MANAGER_WANG));
    act("project-milestones", design, "reach").then().statusCode(409);
    p = get(id);
    assertEquals(1, p.getInt("reachedMilestoneCount"));
    assertEquals(50, p.getInt("progress"));
    assertEquals(v + 1, p.getInt("version"), "reaching moved the project once");

    act("service-projects", id, "complete")
        .then()
        .statusCode(409)
        .body("pendingMilestones", equalTo(1))
        .body("detail", notNullValue());
    assertEquals("IN_PROGRESS", get(id).getString("status"));

    act("project-milestones", design, "reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("reachedAt", nullValue());
    assertEquals(0, get(id).getInt("progress"));
    act("project-milestones", design, "reach").then().statusCode(200);
    act("project-milestones", golive, "reach").then().statusCode(200);
    assertEquals(100, get(id).getInt("progress"));

    // A deleted milestone no longer counts; restored, it does again.
    String extra = milestone(id, "培训");
    assertEquals(66, get(id).getInt("progress"));
    Api.as(USER).delete("/api/v1/project-milestones/" + extra).then().statusCode(204);
    assertEquals(100, get(id).getInt("progress"));
    act("project-milestones", extra, "restore").then().statusCode(200);
    assertEquals(3, get(id).getInt("milestoneCount"));
    Api.as(USER).delete("/api/v1/project-milestones/" + extra).then().statusCode(204);

    act("service-projects", id, "complete").then().statusCode(200);
    act("project-milestones", design, "reopen").then().statusCode(409);
    Api.as(USER)
        .get("/api/v1/project-milestones?filter=projectId==" + id + "&sort=name")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(2));
  }

  @Test
  void milestonesReachedAtOnceAreAllCounted() throws Exception {
    String id = project();
    act("service-projects", id, "start").then().statusCode(200);
    List<String> milestones = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      milestones.add(milestone(id, "阶段 " + i));
    }
    int v = get(id).getInt("version");
    List<Response> answers =
        Api.inParallel(4, i -> act("project-milestones", milestones.get(i), "reach"));
    answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
    JsonPath p = get(id);
    assertEquals(4, p.getInt("reachedMilestoneCount"));
    assertEquals(100, p.getInt("progress"));
    assertEquals(v + 4, p.getInt("version"), "one version per milestone reached");
  }

  @Test
  void hoursLoggedAtOnceAreAllCountedAndDeleteRestoreCorrectThem() throws Exception {
    String id = project();
    int v = get(id).getInt("version");
    List<Response> answers = Api.inParallel(6, i -> log(USER, id, "1.5"));
    answers.forEach(r -> assertEquals(201, r.statusCode(), r.asString()));
    JsonPath p = get(id);
    assertEquals(9.0f, p.getFloat("loggedHours"));
    assertEquals(9.0f, p.getFloat("billableHours"));
    assertEquals(v + 6, p.getInt("version"), "one version per entry logged");
    assertEquals(6, events(id, "service-project.hours-logged"));

    String entry = answers.get(0).path("id");
    Api.as(USER)
        .get("/api/v1/time-entries/" + entry)
        .then()
        .statusCode(200)
        .body("employeeId", equalTo(Api.MANAGER_WANG))
        .body("hours", equalTo(1.5f));
    Api.as(USER).delete("/api/v1/time-entries/" + entry).then().statusCode(204);
    assertEquals(7.5f, get(id).getFloat("loggedHours"));
    act("time-entries", entry, "restore").then().statusCode(200);
    assertEquals(9.0f, get(id).getFloat("loggedHours"));

    // A correction of the hours moves the total too; a non-billable entry is not billable.
    Api.as(USER)
        .contentType("application/merge-patch+json")
        .body(Map.of("hours", 4, "billable", false))
        .patch("/api/v1/time-entries/" + entry)
        .then()
        .statusCode(200);
    p = get(id);
    assertEquals(11.5f, p.getFloat("loggedHours"));
    assertEquals(7.5f, p.getFloat("billableHours"));
    Api.as(USER)
        .get("/api/v1/time-entries?filter=projectId==" + id + "&count=true")
        .then()
        .statusCode(200)
        .body("page.total", equalTo(6));
  }

  @Test
  void hoursAreChecked() {
    String id = project();
    log(USER, id, 0).then().statusCode(422).body("errors.field", hasItem("hours"));
    log(USER, id, 24.5).then().statusCode(422).body("errors.field", hasItem("hours"));
    log(USER, id, 24).then().statusCode(201);
    log(USER, UUID.randomUUID().toString(), 1)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("projectId"));
    Api.as(USER)
        .body(
            Map.of(
                "projectId",
                id,
                "workDate",
                TODAY.toString(),
                "hours",
                1,
                "milestoneId",
                milestone(project(), "别的项目")))
        .post("/api/v1/time-entries")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("milestoneId"));
    Api.as(USER)
        .body(
            Map.of(
                "projectId",
                id,
                "workDate",
                TODAY.toString(),
                "hours",
                1,
                "employeeId",
                UUID.randomUUID().toString()))
        .post("/api/v1/time-entries")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("employeeId"));
  }

  @Test
  void goingOverBudgetIsAllowedFlaggedAndToldOnce() throws Exception {
    String id = project(SalesChainTest.customer(USER), 10);
    log(USER, id, 8).then().statusCode(201);
    assertEquals(false, get(id).getBoolean("overBudget"));
    log(USER, id, 3).then().statusCode(201);
    JsonPath p = get(id);
    assertEquals(true, p.getBoolean("overBudget"));
    assertEquals(11.0f, p.getFloat("loggedHours"));
    String more = log(USER, id, 2).then().statusCode(201).extract().path("id");
    assertEquals(1, events(id, "service-project.over-budget"), "told once");
    assertEquals(2, events(id, "service-project.hours-logged"));
    assertEquals(1, historyActions(id).stream().filter("over-budget"::equals).count());
    Api.as(USER)
        .get("/api/v1/service-projects?filter=overBudget==true;id==" + id)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1));
    // Back under the budget the flag clears; over it again is told again.
    Api.as(USER).delete("/api/v1/time-entries/" + more).then().statusCode(204);
    act("time-entries", more, "restore").then().statusCode(200);
    assertEquals(1, events(id, "service-project.over-budget"), "it never went under: 11 > 10");
    Api.as(USER)
        .contentType("application/merge-patch+json")
        .body(Map.of("budgetHours", 20))
        .patch("/api/v1/service-projects/" + id)
        .then()
        .statusCode(200)
        .body("overBudget", equalTo(false));
    log(USER, id, 8).then().statusCode(201);
    assertEquals(true, get(id).getBoolean("overBudget"));
    assertEquals(2, events(id, "service-project.over-budget"));
  }

  @Test
  void referencesAreChecked() {
    String customer = SalesChainTest.customer(USER);
    Map<String, Object> body = new HashMap<>();
    body.put("name", "无主项目");
    body.put("customerId", UUID.randomUUID().toString());
    Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("customerId"));
    body.put("customerId", customer);
    body.put("contractId", UUID.randomUUID().toString());
    Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contractId"));
    body.remove("contractId");
    body.put("plannedStart", "2027-02-01");
    body.put("plannedEnd", "2027-01-01");
    Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("plannedEnd"));
    // The contract it delivers must be the customer's.
    String contract =
        Api.as(USER)
            .body(Map.of("name", "实施合同", "customerId", customer, "amount", 50000))
            .post("/api/v1/contracts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    body.remove("plannedEnd");
    body.put("contractId", contract);
    body.put("kind", "SERVICE");
    Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(201)
        .body("contractId", equalTo(contract))
        .body("kind", equalTo("SERVICE"));
    body.put("customerId", SalesChainTest.customer(USER));
    Api.as(USER)
        .body(body)
        .post("/api/v1/service-projects")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contractId"));
  }

  @Test
  void tasksOfTheProjectAreTasksLinkedToIt() {
    String customer = SalesChainTest.customer(USER);
    String id = project(customer, null);
    String task =
        Api.as(USER)
            .body(
                Map.of(
                    "subject",
                    "准备上线环境",
                    "relatedResource",
                    "service-project",
                    "relatedId",
                    id,
                    "dueAt",
                    "2027-01-10T08:00:00Z"))
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .body("customerId", equalTo(customer))
            .extract()
            .path("id");
    Api.as(USER)
        .get("/api/v1/tasks?filter=relatedResource==service-project;relatedId==" + id)
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(task)));
    Api.as(USER)
        .body(Map.of("projectId", id, "workDate", TODAY.toString(), "hours", 2, "taskId", task))
        .post("/api/v1/time-entries")
        .then()
        .statusCode(201)
        .body("taskId", equalTo(task));
    String elsewhere =
        Api.as(USER)
            .body(Map.of("subject", "别的待办"))
            .post("/api/v1/tasks")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(USER)
        .body(
            Map.of("projectId", id, "workDate", TODAY.toString(), "hours", 2, "taskId", elsewhere))
        .post("/api/v1/time-entries")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("taskId"));
    // The project is on its customer's timeline.
    Api.as(USER)
        .get("/api/v1/customers/" + customer + "/timeline")
        .then()
        .statusCode(200)
        .body("data.kind", hasItem("service-project"))
        .body("data.find { it.kind == 'service-project' }.recordId", equalTo(id));
  }

  @Test
  void aRepOutsideTheScopeSeesNothingOfIt() {
    String id = project();
    String m = milestone(id, "里程碑");
    String entry = log(USER, id, 1).then().statusCode(201).extract().path("id");
    Api.as("rep.zhang").get("/api/v1/service-projects/" + id).then().statusCode(404);
    Api.as("rep.zhang").get("/api/v1/project-milestones/" + m).then().statusCode(404);
    Api.as("rep.zhang").get("/api/v1/time-entries/" + entry).then().statusCode(404);
    Api.as("rep.zhang").post("/api/v1/service-projects/" + id + "/start").then().statusCode(404);
    Api.as("rep.zhang").post("/api/v1/project-milestones/" + m + "/reach").then().statusCode(404);
    Api.as("rep.zhang")
        .get("/api/v1/service-projects?filter=id==" + id)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    Api.as("rep.zhang")
        .get("/api/v1/time-entries?filter=projectId==" + id)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
    log("rep.zhang", id, 1).then().statusCode(422).body("errors.field", hasItem("projectId"));
    // Its manager sees it all.
    Api.as(USER).get("/api/v1/project-milestones/" + m).then().statusCode(200);
    assertEquals(1.0f, get(id).getFloat("loggedHours"));
  }

  @Test
  void graphQlHasTheSameActionsAndTheMilestonesOfAProject() {
    String id = project();
    String m = milestone(id, "上线");
    Api.as(USER)
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { startServiceProject(id: $id) { status version } }",
                "variables",
                Map.of("id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.startServiceProject.status", equalTo("IN_PROGRESS"));
    Api.as(USER)
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { reachProjectMilestone(id: $id) { status } }",
                "variables",
                Map.of("id", m)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.reachProjectMilestone.status", equalTo("REACHED"));
    Api.as(USER)
        .body(
            Map.of(
                "query",
                "query($id: ID!) { serviceProject(id: $id) { progress"
                    + " projectMilestonesByProject { id status } } }",
                "variables",
                Map.of("id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("data.serviceProject.progress", equalTo(100))
        .body("data.serviceProject.projectMilestonesByProject[0].id", equalTo(m));
    // Refused transitions carry the REST problem's code.
    Api.as(USER)
        .body(
            Map.of(
                "query",
                "mutation($id: ID!) { startServiceProject(id: $id) { status } }",
                "variables",
                Map.of("id", id)))
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors[0].extensions.code", equalTo("conflict"));
  }

  @Test
  void aDeletedProjectTakesItsMilestonesAndHoursAlongAndBringsThemBack() {
    String id = project();
    String m = milestone(id, "验收");
    String entry = log(USER, id, 3).then().statusCode(201).extract().path("id");
    Api.asAdmin().delete("/api/v1/service-projects/" + id).then().statusCode(204);
    Api.as(USER).get("/api/v1/project-milestones/" + m).then().statusCode(404);
    Api.as(USER).get("/api/v1/time-entries/" + entry).then().statusCode(404);
    Api.asAdmin()
        .post("/api/v1/service-projects/" + id + "/restore")
        .then()
        .statusCode(200)
        .body("loggedHours", equalTo(3.0f))
        .body("milestoneCount", equalTo(1));
    Api.as(USER).get("/api/v1/project-milestones/" + m).then().statusCode(200);
    Api.as(USER).get("/api/v1/time-entries/" + entry).then().statusCode(200);
    JsonPath p = get(id);
    assertEquals(3.0f, p.getFloat("loggedHours"));
    assertEquals(1, p.getInt("milestoneCount"));
    assertEquals("restored", historyActions(id).get(0), "the children coming back moved no total");
  }
}
