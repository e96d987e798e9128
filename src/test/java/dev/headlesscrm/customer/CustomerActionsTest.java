package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Copy, merge and duplicate check. */
@QuarkusTest
class CustomerActionsTest {

  @Test
  void mergeMovesEveryContactAndLeavesPointers() {
    String survivor = Customers.create(Map.of("name", "合并保留公司", "tags", List.of("a"))).path("id");
    String dup1 =
        Customers.create(Map.of("name", "合并重复一", "email", "dup1@x.cn", "tags", List.of("b")))
            .path("id");
    String dup2 = Customers.createId("合并重复二");
    String c0 = Customers.contact(survivor, "保留联系人");
    String c1 = Customers.contact(dup1, "重复联系人一");
    String c2 = Customers.contact(dup2, "重复联系人二");
    String c3 = Customers.contact(dup2, "重复联系人三");

    // Dry run: the outcome, and nothing written.
    Api.as("rep.zhang")
        .body(
            Map.of(
                "mergeIds", List.of(dup1, dup2), "dryRun", true, "fields", Map.of("email", dup1)))
        .post("/api/v1/customers/" + survivor + "/merge")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("contactsMoved", equalTo(3))
        .body("survivor.email", equalTo("dup1@x.cn"));
    Api.as("rep.zhang").get("/api/v1/customers/" + dup1).then().statusCode(200);
    Api.as("rep.zhang").get("/api/v1/customers/" + survivor).then().body("email", equalTo(null));

    Api.as("rep.zhang")
        .body(Map.of("mergeIds", List.of(dup1, dup2), "fields", Map.of("email", dup1)))
        .post("/api/v1/customers/" + survivor + "/merge")
        .then()
        .statusCode(200)
        .body("dryRun", equalTo(false))
        .body("merged", containsInAnyOrder(dup1, dup2))
        .body("survivor.email", equalTo("dup1@x.cn"))
        .body("survivor.tags", containsInAnyOrder("a", "b"));
    Api.as("rep.zhang")
        .queryParam("filter", "customerId==" + survivor)
        .get("/api/v1/contacts")
        .then()
        .body("data.id", containsInAnyOrder(c0, c1, c2, c3));
    Api.as("rep.zhang")
        .redirects()
        .follow(false)
        .get("/api/v1/customers/" + dup2)
        .then()
        .statusCode(301)
        .header("Location", equalTo("/api/v1/customers/" + survivor))
        .body("mergedInto", equalTo(survivor))
        .body("type", equalTo("/problems/moved"));
    Api.as("rep.zhang")
        .body(Map.of("mergeIds", List.of(survivor)))
        .post("/api/v1/customers/" + survivor + "/merge")
        .then()
        .statusCode(422);
  }

  @Test
  void copyMakesANewNumberAndOptionallyContacts() {
    Response original = Customers.create(Map.of("name", "复制原公司", "level", "B", "city", "成都"));
    String id = original.path("id");
    String boss = Customers.contact(id, "上级");
    Api.as("rep.zhang")
        .body(Map.of("customerId", id, "name", "下属", "reportsToId", boss))
        .post("/api/v1/contacts")
        .then()
        .statusCode(201);
    Response copy =
        Api.as("rep.zhang")
            .body(Map.of("includeContacts", true, "name", "复制新公司"))
            .post("/api/v1/customers/" + id + "/copy");
    copy.then().statusCode(201).body("level", equalTo("B")).body("city", equalTo("成都"));
    assertNotEquals((String) original.path("number"), (String) copy.path("number"));
    assertEquals("FZXGS", copy.path("mnemonic"));
    Response contacts =
        Api.as("rep.zhang")
            .queryParam("filter", "customerId==" + copy.path("id"))
            .queryParam("expand", "reportsTo")
            .get("/api/v1/contacts");
    contacts.then().body("data.size()", equalTo(2)).body("data.reportsTo.name", hasItem("上级"));
  }

  @Test
  void duplicateCheckFindsChineseNamesPhonesAndEmails() {
    String marker = UUID.randomUUID().toString().substring(0, 6);
    String full =
        Customers.create(
                Map.of(
                    "name", "北京华为" + marker + "科技有限公司",
                    "mainPhone", "010-8888" + marker.hashCode() % 1000,
                    "email", marker + "@huawei.example"))
            .path("id");
    Response r =
        Api.as("rep.zhang")
            .body(Map.of("name", "北京华为" + marker + "科技"))
            .post("/api/v1/customers/duplicates");
    r.then().statusCode(200).body("data.id", hasItem(full));
    Map<String, Object> match =
        r.jsonPath().getList("data", Map.class).stream()
            .filter(m -> full.equals(m.get("id")))
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, ((Number) match.get("score")).doubleValue(), 0.001);
    Api.as("rep.zhang")
        .body(Map.of("email", marker.toUpperCase() + "@HUAWEI.example"))
        .post("/api/v1/customers/duplicates")
        .then()
        .body("data[0].id", equalTo(full))
        .body("data[0].reasons.code", hasItem("email"));
    Api.as("rep.zhang")
        .body(Map.of("name", "华为" + marker))
        .post("/api/v1/customers/duplicates")
        .then()
        .body("data.id", hasItem(full));
    Api.as("rep.zhang").body(Map.of()).post("/api/v1/customers/duplicates").then().statusCode(400);
    Api.as("rep.zhang")
        .body(Map.of("name", "完全无关的名字" + marker))
        .post("/api/v1/customers/duplicates")
        .then()
        .body("data.id", not(hasItem(full)));
    assertTrue(full.length() == 36);
  }
}
