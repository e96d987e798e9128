package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** GET /api/v1/me with real tokens of people in different departments and of the integration. */
@QuarkusTest
class MeTest {

  @Test
  void salesRepInEastSeesEmployeeRolesAndDepartment() {
    Api.as("rep.zhang")
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("kind", equalTo("EMPLOYEE"))
        .body("subject", equalTo("0193a000-0000-7000-8000-000000000003"))
        .body("username", equalTo("rep.zhang"))
        .body("clientId", equalTo("crm-web"))
        .body("roles", contains("sales-rep"))
        .body("employee.employeeNumber", equalTo("E000003"))
        .body("employee.name", equalTo("张伟"))
        .body("employee.supervisorId", equalTo(Api.MANAGER_WANG))
        .body("department.code", equalTo("SALES-EAST"))
        .body("department.name", equalTo("华东销售部"));
  }

  @Test
  void salesRepInNorthIsInAnotherDepartment() {
    Api.as("rep.chen")
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("department.id", equalTo(Api.SALES_NORTH))
        .body("roles", contains("sales-rep"));
  }

  @Test
  void adminHasTheAdminRole() {
    Api.asAdmin()
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("roles", contains("crm-admin"))
        .body("department.id", equalTo(Api.HQ));
  }

  @Test
  void integrationIsAServiceAccountPrincipal() {
    String first =
        Api.asIntegration()
            .get("/api/v1/me")
            .then()
            .statusCode(200)
            .body("kind", equalTo("SERVICE_ACCOUNT"))
            .body("clientId", equalTo("crm-integration"))
            .body("username", startsWith("service-account-"))
            .body("roles", contains("integration"))
            .body("employee", nullValue())
            .body("department", nullValue())
            .extract()
            .path("principalId");
    String again = Api.asIntegration().get("/api/v1/me").then().extract().path("principalId");
    assertEquals(first, again, "the service account is one stable principal");
  }

  @Test
  void unknownUserBecomesAnEmployeeOnFirstSight() {
    String first =
        Api.as("newcomer.zhou")
            .get("/api/v1/me")
            .then()
            .statusCode(200)
            .body("kind", equalTo("EMPLOYEE"))
            .body("employee.username", equalTo("newcomer.zhou"))
            .body("employee.name", equalTo("周杰"))
            .body("employee.email", equalTo("newcomer.zhou@crm.local"))
            .body("employee.status", equalTo("ACTIVE"))
            .body("employee.employeeNumber", notNullValue())
            .body("employee.subject", equalTo("0193a000-0000-7000-8000-000000000008"))
            .extract()
            .path("principalId");
    String again = Api.as("newcomer.zhou").get("/api/v1/me").then().extract().path("principalId");
    assertEquals(first, again, "the second request finds the employee the first created");
    Api.asAdmin()
        .get("/api/v1/employees/" + first)
        .then()
        .statusCode(200)
        .body("username", equalTo("newcomer.zhou"));
  }
}
