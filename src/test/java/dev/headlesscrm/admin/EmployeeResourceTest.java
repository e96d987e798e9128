package dev.headlesscrm.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Employees over REST. */
@QuarkusTest
class EmployeeResourceTest {

  static String create(Map<String, Object> body) {
    return Api.asAdmin()
        .body(body)
        .post("/api/v1/employees")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void createGeneratesTheEmployeeNumber() {
    Api.asAdmin()
        .body(Map.of("name", "吴刚", "email", "wu.gang@crm.local", "departmentId", Api.SALES_NORTH))
        .post("/api/v1/employees")
        .then()
        .statusCode(201)
        .body("employeeNumber", matchesPattern("E\\d{6}"))
        .body("status", equalTo("ACTIVE"))
        .body("departmentId", equalTo(Api.SALES_NORTH))
        .body("subject", equalTo(null));
  }

  @Test
  void invalidFieldsAreAllListed() {
    Api.asAdmin()
        .body(Map.of("name", "", "email", "not-an-email", "departmentId", Api.SALES_NORTH))
        .post("/api/v1/employees")
        .then()
        .statusCode(422)
        .body("errors.size()", equalTo(2));
    Api.asAdmin()
        .body(Map.of("name", "x", "departmentId", "0193a000-0000-7000-8000-00000000ffff"))
        .post("/api/v1/employees")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("departmentId"));
  }

  @Test
  void supervisorChainCannotLoop() {
    String boss = create(Map.of("name", "老板"));
    String mid = create(Map.of("name", "经理", "supervisorId", boss));
    String staff = create(Map.of("name", "员工", "supervisorId", mid));
    Api.asAdmin()
        .body(Map.of("supervisorId", staff))
        .patch("/api/v1/employees/" + boss)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("cycle"));
    Api.asAdmin().delete("/api/v1/employees/" + mid).then().statusCode(409);
    Api.asAdmin().delete("/api/v1/employees/" + staff).then().statusCode(204);
    Api.asAdmin().delete("/api/v1/employees/" + mid).then().statusCode(204);
    Api.asAdmin().get("/api/v1/employees/" + mid).then().statusCode(404);
  }

  @Test
  void duplicateNumberIsAConflict() {
    String number = "X" + System.nanoTime() % 100000000;
    create(Map.of("name", "甲", "employeeNumber", number));
    Api.asAdmin()
        .body(Map.of("name", "乙", "employeeNumber", number))
        .post("/api/v1/employees")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/conflict"));
  }

  @Test
  void managerOfADepartmentCannotBeDeleted() {
    Api.asAdmin().delete("/api/v1/employees/" + Api.MANAGER_WANG).then().statusCode(409);
  }

  @Test
  void onlyAdministratorsWrite() {
    Api.as("manager.wang")
        .body(Map.of("name", "x"))
        .post("/api/v1/employees")
        .then()
        .statusCode(403);
    Api.as("rep.chen").get("/api/v1/employees/" + Api.MANAGER_WANG).then().statusCode(200);
  }
}
