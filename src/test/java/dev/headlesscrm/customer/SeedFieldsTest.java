package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields the requirement documents name but whose words were lost: the customer's 财务电话 (with the
 * bank details, under the same field permission), a contact's WeChat/QQ id, and an age known
 * without a birthday.
 */
@QuarkusTest
class SeedFieldsTest {

  @Test
  void theFinancePhoneSitsWithTheBankDetailsAndIsHiddenLikeThem() {
    String id =
        Api.as("manager.wang")
            .body(
                Map.of(
                    "name",
                    "财务电话公司",
                    "finance",
                    Map.of("bankName", "招商银行", "taxId", "91310000X", "phone", "021-5555 0101")))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .body("finance.phone", equalTo("021-5555 0101"))
            .extract()
            .path("id");
    Api.as("manager.wang")
        .body(Map.of("finance", Map.of("phone", "不是电话")))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("finance.phone"));
    Api.as("analyst.liu")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("finance")));
  }

  @Test
  void aContactHasAnImIdAndAnAgeWithoutABirthday() {
    String customer = Customers.createId("年龄客户");
    String id =
        Api.as("rep.zhang")
            .body(Map.of("customerId", customer, "name", "老刘", "imId", "wxid_laoliu", "age", 45))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .body("imId", equalTo("wxid_laoliu"))
            .body("age", equalTo(45))
            .body("birthday", nullValue())
            .extract()
            .path("id");
    Api.as("rep.zhang")
        .queryParam("filter", "imId==wxid_laoliu")
        .get("/api/v1/contacts")
        .then()
        .body("data.size()", equalTo(1));
    // A read-modify-write that sends the age back unchanged keeps it.
    Api.as("rep.zhang")
        .body(Map.of("title", "总监", "age", 45))
        .patch("/api/v1/contacts/" + id)
        .then()
        .statusCode(200)
        .body("age", equalTo(45));
    // A birthday decides the age from then on.
    LocalDate birthday = LocalDate.of(1990, 6, 1);
    int derived = Period.between(birthday, LocalDate.now(ZoneId.of("Asia/Shanghai"))).getYears();
    Api.as("rep.zhang")
        .body(Map.of("birthday", birthday.toString()))
        .patch("/api/v1/contacts/" + id)
        .then()
        .statusCode(200)
        .body("age", equalTo(derived));
    Api.as("rep.zhang")
        .body(Map.of("age", 151))
        .patch("/api/v1/contacts/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("age"));
    // Without view_sensitive the age is as hidden as the birthday it may come from.
    Api.as("analyst.liu")
        .get("/api/v1/contacts/" + id)
        .then()
        .statusCode(200)
        .body("$", not(hasKey("age")));
  }
}
