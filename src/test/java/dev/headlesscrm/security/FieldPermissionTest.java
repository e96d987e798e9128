package dev.headlesscrm.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Field permissions: the defaults (credit and finance for sales managers and admins, sensitive
 * contact fields with contact:view_sensitive), administrators changing them through /api/v1/roles
 * with effect on the next request, read-only fields refused only when changed.
 */
@QuarkusTest
class FieldPermissionTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";

  private static String customerWithCredit() {
    return Api.as("manager.wang")
        .body(
            Map.of(
                "name",
                "字段权限" + UUID.randomUUID().toString().substring(0, 6),
                "ownerId",
                ZHANG,
                "creditLimit",
                120000,
                "creditRating",
                "A",
                "finance",
                Map.of("bankName", "招商银行")))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .body("creditLimit", equalTo(120000.0f))
        .extract()
        .path("id");
  }

  @Test
  void defaultsHideCreditFromRepsAndShowItToManagers() {
    String id = customerWithCredit();
    Api.as("rep.zhang")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("creditLimit")))
        .body("$", not(hasKey("creditRating")))
        .body("$", not(hasKey("finance")))
        .body("name", containsString("字段权限"));
    Api.as("manager.wang")
        .get("/api/v1/customers/" + id)
        .then()
        .body("creditRating", equalTo("A"))
        .body("finance.bankName", equalTo("招商银行"));
    // Lists and searches without fields= or expand= leave hidden fields out the same way.
    Api.as("rep.zhang")
        .get("/api/v1/customers?filter=id==" + id)
        .then()
        .statusCode(200)
        .body("data", hasSize(1))
        .body("data[0]", not(hasKey("creditLimit")))
        .body("data[0]", not(hasKey("finance")))
        .body("data[0].name", containsString("字段权限"));
    Api.as("rep.zhang")
        .body(Map.of("filter", "id==" + id))
        .post("/api/v1/customers/search")
        .then()
        .statusCode(200)
        .body("data[0]", not(hasKey("creditRating")))
        .body("data[0].id", equalTo(id));
    Api.as("manager.wang")
        .get("/api/v1/customers?filter=id==" + id)
        .then()
        .body("data[0].creditRating", equalTo("A"))
        .body("data[0].finance.bankName", equalTo("招商银行"));
    // fields= naming a hidden field is refused like filter and sort.
    Api.as("rep.zhang")
        .get("/api/v1/customers?fields=name,creditLimit")
        .then()
        .statusCode(400)
        .body("detail", containsString("creditLimit"));
    // A rep's create naming a hidden field is refused; their copy simply leaves it out.
    Api.as("rep.zhang")
        .body(Map.of("name", "不许设额度", "creditLimit", 1))
        .post("/api/v1/customers")
        .then()
        .statusCode(403)
        .body("fields", equalTo(List.of("creditLimit")));
    String copy =
        Api.as("rep.zhang")
            .body(Map.of())
            .post("/api/v1/customers/" + id + "/copy")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as("manager.wang").get("/api/v1/customers/" + copy).then().body("creditLimit", nullValue());
  }

  @Test
  void administratorsChangeFieldPermissionsAndTheNextRequestObeys() {
    String id = customerWithCredit();
    Api.as("rep.zhang").get("/api/v1/roles/sales-rep").then().statusCode(403);
    // The PUT replaces the role's whole field map: restore exactly what it was (other resources'
    // restrictions, e.g. product cost, included).
    Map<String, Object> original =
        Api.asAdmin()
            .get("/api/v1/roles/sales-rep")
            .then()
            .body("fields.customer.creditLimit", equalTo("HIDDEN"))
            .extract()
            .path("fields");
    try {
      Api.asAdmin()
          .body(Map.of("customer", Map.of("creditLimit", "READ_ONLY")))
          .put("/api/v1/roles/sales-rep/fields")
          .then()
          .statusCode(200)
          .body("fields.customer.creditLimit", equalTo("READ_ONLY"))
          .body("fields.customer", not(hasKey("finance")));
      // Visible now, and read-only: unchanged values pass (read-modify-write), changes do not.
      Api.as("rep.zhang")
          .get("/api/v1/customers/" + id)
          .then()
          .body("creditLimit", equalTo(120000.0f))
          .body("finance.bankName", equalTo("招商银行"));
      Api.as("rep.zhang")
          .body(Map.of("creditLimit", 120000, "city", "杭州"))
          .patch("/api/v1/customers/" + id)
          .then()
          .statusCode(200)
          .body("city", equalTo("杭州"));
      Api.as("rep.zhang")
          .body(Map.of("creditLimit", 999999))
          .patch("/api/v1/customers/" + id)
          .then()
          .statusCode(403)
          .body("detail", containsString("creditLimit"))
          .body("fields", equalTo(List.of("creditLimit")));
      Api.as("manager.wang")
          .get("/api/v1/customers/" + id)
          .then()
          .body("creditLimit", equalTo(120000.0f));
      // Sorting by it is allowed now that it is visible.
      Api.as("rep.zhang").get("/api/v1/customers?sort=-creditLimit&limit=1").then().statusCode(200);
    } finally {
      Api.asAdmin().body(original).put("/api/v1/roles/sales-rep/fields").then().statusCode(200);
    }
    Api.as("rep.zhang").get("/api/v1/customers/" + id).then().body("$", not(hasKey("creditLimit")));
    Api.asAdmin()
        .get("/api/v1/roles/sales-rep")
        .then()
        .body("fields.product.cost", equalTo("HIDDEN"));
  }

  @Test
  void badFieldPermissionsAreRefusedAndChangeNothing() {
    Api.asAdmin()
        .body(
            Map.of(
                "customer",
                    Map.of("noSuchField", "HIDDEN", "createdAt", "READ_ONLY", "id", "HIDDEN"),
                "spaceships", Map.of("name", "HIDDEN")))
        .put("/api/v1/roles/sales-rep/fields")
        .then()
        .statusCode(422)
        .body(
            "errors.field",
            org.hamcrest.Matchers.containsInAnyOrder(
                "fields.customer.noSuchField",
                "fields.customer.createdAt",
                "fields.customer.id",
                "fields.spaceships"));
    Api.asAdmin()
        .body(Map.of("customer", Map.of()))
        .put("/api/v1/roles/crm-admin/fields")
        .then()
        .statusCode(409);
    Api.asAdmin()
        .get("/api/v1/roles/sales-rep")
        .then()
        .body("fields.customer.creditLimit", equalTo("HIDDEN"));
  }

  @Test
  void sensitiveContactFieldsNeedViewSensitive() {
    String customer = customerWithCredit();
    String contact =
        Api.as("rep.zhang")
            .body(
                Map.of(
                    "customerId", customer,
                    "name", "敏感字段",
                    "homePhone", "010-12345678",
                    "birthday", "1985-06-01"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .body("homePhone", equalTo("010-12345678"))
            .extract()
            .path("id");
    Api.as("analyst.liu")
        .get("/api/v1/contacts/" + contact)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("homePhone")))
        .body("$", not(hasKey("birthday")))
        .body("$", not(hasKey("age")));
    Api.as("analyst.liu")
        .body(Map.of("query", "{ contact(id: \"" + contact + "\") { name homePhone age } }"))
        .post("/graphql")
        .then()
        .body("errors", nullValue())
        .body("data.contact.name", equalTo("敏感字段"))
        .body("data.contact.homePhone", nullValue())
        .body("data.contact.age", nullValue());
    Api.as("analyst.liu")
        .get("/api/v1/me")
        .then()
        .body("permissions", not(hasItem("contact:view_sensitive")));
    List<String> granted =
        Api.asAdmin().get("/api/v1/roles/analyst").then().extract().path("permissions");
    try {
      List<String> more = new java.util.ArrayList<>(granted);
      more.add("contact:view_sensitive");
      Api.asAdmin()
          .body(Map.of("permissions", more))
          .put("/api/v1/roles/analyst/permissions")
          .then()
          .statusCode(200);
      Api.as("analyst.liu")
          .get("/api/v1/contacts/" + contact)
          .then()
          .body("homePhone", equalTo("010-12345678"))
          .body("birthday", equalTo("1985-06-01"));
    } finally {
      Api.asAdmin()
          .body(Map.of("permissions", granted))
          .put("/api/v1/roles/analyst/permissions")
          .then()
          .statusCode(200);
    }
    Api.as("analyst.liu")
        .get("/api/v1/contacts/" + contact)
        .then()
        .body("$", not(hasKey("homePhone")));
  }
}
