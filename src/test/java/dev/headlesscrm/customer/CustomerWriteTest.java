package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customers: creation rules, concurrency, validation, delete/restore, upsert. */
@QuarkusTest
class CustomerWriteTest {

  @Test
  void createGeneratesNumberMnemonicOwnerAndDefaults() {
    // A sales manager may set the credit limit (hidden from reps), for a rep of theirs.
    Api.as("manager.wang")
        .body(
            Map.of(
                "name", "北京华为科技",
                "level", "A",
                "industry", "IT",
                "creditLimit", 500000,
                "ownerId", "0193a000-0000-7000-8000-0000000000e3",
                "tags", List.of("vip", "vip", "2026")))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .body("number", matchesPattern("KH\\d{8}\\d{4,}"))
        .body("mnemonic", equalTo("BJHWKJ"))
        .body("ownerId", equalTo("0193a000-0000-7000-8000-0000000000e3"))
        .body("ownerDepartmentId", equalTo(Api.SALES_EAST))
        .body("lifecycleStage", equalTo("PROSPECT"))
        .body("currency", equalTo("CNY"))
        .body("creditLimit", equalTo(500000.00f))
        .body("tags", equalTo(List.of("vip", "2026")))
        .body("finance.taxId", nullValue())
        .body("version", equalTo(0));
  }

  @Test
  void numbersAreUniqueAndGivenMnemonicWins() {
    String a = Customers.create(Map.of("name", "甲公司", "mnemonic", "JIA")).path("number");
    String b = Customers.create(Customers.customer("乙公司")).path("number");
    assertNotEquals(a, b);
    Api.as("rep.zhang")
        .get("/api/v1/customers?filter=number==" + a)
        .then()
        .body("data[0].mnemonic", equalTo("JIA"));
  }

  @Test
  void validationListsEveryProblemAndWritesNothing() {
    Api.as("manager.wang")
        .body(
            Map.of(
                "name", " ",
                "creditLimit", -1,
                "email", "nope",
                "level", "Z",
                "lifecycleStage", "SLEEPY"))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("lifecycleStage"));
    Api.as("manager.wang")
        .body(Map.of("name", " ", "creditLimit", -1, "email", "nope", "level", "Z"))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors.field", containsInAnyOrder("name", "creditLimit", "email"));
    Api.as("rep.zhang")
        .body(Map.of("name", "字典测试", "level", "Z", "industry", "SPACE"))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors.field", containsInAnyOrder("level", "industry"))
        .body("errors.code", containsInAnyOrder("dictionary", "dictionary"));
  }

  @Test
  void staleUpdateIs412AndUnchangedGetIs304() {
    String id = Customers.createId("并发测试有限公司");
    Api.as("rep.zhang")
        .header("If-Match", "W/\"0\"")
        .body(Map.of("city", "上海"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "W/\"1\"");
    Api.as("manager.wang")
        .header("If-Match", "W/\"0\"")
        .body(Map.of("city", "北京"))
        .patch("/api/v1/customers/" + id)
        .then()
        .statusCode(412);
    Api.as("rep.zhang")
        .header("If-None-Match", "W/\"1\"")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(304);
    Api.as("rep.zhang").get("/api/v1/customers/" + id).then().body("city", equalTo("上海"));
  }

  @Test
  void parentHierarchyRefusesCycles() {
    String group = Customers.createId("集团总公司");
    String sub = Customers.create(Map.of("name", "子公司", "parentId", group)).path("id");
    Api.as("rep.zhang")
        .body(Map.of("parentId", sub))
        .patch("/api/v1/customers/" + group)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("cycle"));
    Api.as("rep.zhang").delete("/api/v1/customers/" + group).then().statusCode(409);
  }

  @Test
  void deleteCascadesToContactsAndRestoreBringsTheCustomerBack() {
    String id = Customers.createId("软删除测试");
    String contact = Customers.contact(id, "联系人甲");
    Api.as("rep.zhang").delete("/api/v1/customers/" + id).then().statusCode(204);
    Api.as("rep.zhang").get("/api/v1/customers/" + id).then().statusCode(404);
    Api.as("rep.zhang").get("/api/v1/contacts/" + contact).then().statusCode(404);
    Api.as("rep.zhang")
        .get("/api/v1/customers?includeDeleted=true&filter=id==" + id)
        .then()
        .body("data[0].deletedAt", notNullValue());
    Api.as("rep.zhang")
        .post("/api/v1/customers/" + id + "/restore")
        .then()
        .statusCode(200)
        .body("deletedAt", nullValue());
    Api.as("rep.zhang").post("/api/v1/customers/" + id + "/restore").then().statusCode(409);
  }

  @Test
  void upsertByExternalIdCreatesThenUpdates() {
    String ext = "ERP-" + System.nanoTime();
    String id =
        Api.asIntegration()
            .body(Map.of("name", "ERP 同步客户", "city", "杭州"))
            .put("/api/v1/customers/external/" + ext)
            .then()
            .statusCode(201)
            .header("Location", matchesPattern(".*/api/v1/customers/[0-9a-f-]{36}"))
            .body("externalId", equalTo(ext))
            .extract()
            .path("id");
    Api.asIntegration()
        .body(Map.of("name", "ERP 同步客户", "city", "宁波"))
        .put("/api/v1/customers/external/" + ext)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("city", equalTo("宁波"));
    Api.asIntegration()
        .body(Map.of("name", "x", "externalId", "OTHER"))
        .put("/api/v1/customers/external/" + ext)
        .then()
        .statusCode(422);
  }

  @Test
  void analystsReadButDoNotWriteAndOnlyAdminsErase() {
    String id = Customers.createId("权限测试");
    Api.as("analyst.liu").get("/api/v1/customers/" + id).then().statusCode(200);
    Api.as("analyst.liu")
        .body(Map.of("name", "x"))
        .post("/api/v1/customers")
        .then()
        .statusCode(403);
    Api.as("rep.zhang")
        .delete("/api/v1/customers/" + id + "?permanent=true")
        .then()
        .statusCode(403);
    Api.asAdmin().delete("/api/v1/customers/" + id + "?permanent=true").then().statusCode(204);
    Api.asAdmin().get("/api/v1/customers/" + id).then().statusCode(404);
  }

  @Test
  void unknownFieldsOnCreateAreRefused() {
    Api.as("rep.zhang")
        .body(Map.of("name", "x", "version", 3, "owner", "me"))
        .post("/api/v1/customers")
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-field"));
  }

  @Test
  void contactsBelongToACustomerAndReportWithinIt() {
    String c1 = Customers.createId("联系人客户一");
    String c2 = Customers.createId("联系人客户二");
    String boss = Customers.contact(c1, "老板");
    Api.as("rep.zhang")
        .body(Map.of("customerId", c2, "name", "员工", "reportsToId", boss))
        .post("/api/v1/contacts")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reportsToId"));
    Api.as("rep.zhang")
        .body(
            Map.of(
                "customerId", c1,
                "name", "员工",
                "reportsToId", boss,
                "birthday", "1990-01-01",
                "gender", "FEMALE"))
        .post("/api/v1/contacts")
        .then()
        .statusCode(201)
        .body("age", notNullValue())
        .body("ownerId", equalTo("0193a000-0000-7000-8000-0000000000e3"));
    Api.as("rep.zhang")
        .body(Map.of("customerId", "0193a000-0000-7000-8000-00000000ffff", "name", "x"))
        .post("/api/v1/contacts")
        .then()
        .statusCode(422);
  }

  @Test
  void erasingAContactAnonymisesIt() {
    String c = Customers.createId("匿名化客户");
    String contact =
        Api.as("rep.zhang")
            .body(Map.of("customerId", c, "name", "张三", "mobile", "13800138000", "email", "z@x.cn"))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.asAdmin().delete("/api/v1/contacts/" + contact + "?permanent=true").then().statusCode(204);
    Api.asAdmin()
        .get("/api/v1/contacts?includeDeleted=true&filter=id==" + contact)
        .then()
        .body("data[0].anonymised", equalTo(true))
        .body("data[0].mobile", nullValue())
        .body("data[0].email", nullValue());
    String history =
        Api.asAdmin()
            .get("/api/v1/contacts/" + contact + "/history?includeDeleted=true")
            .then()
            .statusCode(200)
            .body("data.action", equalTo(java.util.List.of("erased", "created")))
            .body("data[1].changes.mobile.old", nullValue())
            .extract()
            .asString();
    assertEquals(false, history.contains("13800138000"), "erased data is gone from history too");
    Api.asAdmin().get("/api/v1/contacts/" + contact + "/history").then().statusCode(404);
  }
}
