package dev.headlesscrm.catalogue;

import static dev.headlesscrm.catalogue.Products.MANAGER;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product category tree: live parents, no cycles, deletes restricted while in use. */
@QuarkusTest
class ProductCategoryTest {

  @Test
  void categoriesFormATreeListedByParent() {
    String marker = Api.uniqueCode("TREE");
    String root = Products.category(marker + "-ROOT", null);
    String child = Products.category(marker + "-CHILD", root);
    String grandchild = Products.category(marker + "-GRAND", child);

    Api.as("rep.zhang")
        .queryParam("filter", "parentId==" + root)
        .get("/api/v1/product-categories")
        .then()
        .statusCode(200)
        .body("data.id", equalTo(List.of(child)));
    Api.as("analyst.liu")
        .queryParam("filter", "parent.code==" + marker + "-CHILD")
        .get("/api/v1/product-categories")
        .then()
        .body("data.id", equalTo(List.of(grandchild)));
    Api.as("analyst.liu")
        .queryParam("filter", "parentId=isnull=true;code=like=" + marker)
        .get("/api/v1/product-categories")
        .then()
        .body("data.id", equalTo(List.of(root)));
    Api.as("rep.zhang")
        .queryParam("filter", "id==" + grandchild)
        .queryParam("expand", "parent.parent")
        .get("/api/v1/product-categories")
        .then()
        .body("data[0].parent.parent.code", equalTo(marker + "-ROOT"));
    // Moving a branch keeps it whole.
    String other = Products.category(marker + "-OTHER", null);
    Api.as(MANAGER)
        .body(Map.of("parentId", other))
        .patch("/api/v1/product-categories/" + child)
        .then()
        .statusCode(200)
        .body("parentId", equalTo(other));
    Api.as(MANAGER)
        .get("/api/v1/product-categories/" + grandchild)
        .then()
        .body("parentId", equalTo(child));
  }

  @Test
  void aCategoryCannotBePlacedUnderItselfOrItsDescendantsNorUnderNothing() {
    String marker = Api.uniqueCode("CYC");
    String root = Products.category(marker + "-A", null);
    String child = Products.category(marker + "-B", root);
    String grandchild = Products.category(marker + "-C", child);

    for (String under : List.of(root, child, grandchild)) {
      Response r =
          Api.as(MANAGER)
              .body(Map.of("parentId", under))
              .patch("/api/v1/product-categories/" + root);
      assertEquals(422, r.statusCode(), r::asString);
      assertEquals("parentId", r.path("errors[0].field"));
      assertEquals("cycle", r.path("errors[0].code"));
    }
    Api.as(MANAGER)
        .get("/api/v1/product-categories/" + root)
        .then()
        .body("version", equalTo(0))
        .body("parentId", org.hamcrest.Matchers.nullValue());

    Response missing =
        Api.as(MANAGER)
            .body(
                Map.of(
                    "code",
                    marker + "-X",
                    "name",
                    "无上级",
                    "parentId",
                    "0193a000-0000-7000-8000-00000000fff0"))
            .post("/api/v1/product-categories");
    assertEquals(422, missing.statusCode(), missing::asString);
    assertEquals("not-found", missing.path("errors[0].code"));

    String gone = Products.category(marker + "-GONE", null);
    Api.as(MANAGER).delete("/api/v1/product-categories/" + gone).then().statusCode(204);
    Api.as(MANAGER)
        .body(Map.of("code", marker + "-Y", "name", "已删上级", "parentId", gone))
        .post("/api/v1/product-categories")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parentId"));
  }

  @Test
  void deletingACategoryInUseIsRefusedUntilItIsEmpty() {
    String marker = Api.uniqueCode("DEL");
    String root = Products.category(marker + "-ROOT", null);
    String leaf = Products.category(marker + "-LEAF", root);
    Map<String, Object> body = Products.product(marker + "-P", "类别下的产品");
    body.put("categoryId", leaf);
    String product = Products.create(body).path("id");

    Response parent = Api.as(MANAGER).delete("/api/v1/product-categories/" + root);
    assertEquals(409, parent.statusCode(), parent::asString);
    assertTrue(parent.<String>path("type").endsWith("/conflict"));
    Response withProduct = Api.as(MANAGER).delete("/api/v1/product-categories/" + leaf);
    assertEquals(409, withProduct.statusCode(), withProduct::asString);
    Api.as(MANAGER).get("/api/v1/product-categories/" + leaf).then().statusCode(200);

    Api.as(MANAGER).delete("/api/v1/products/" + product).then().statusCode(204);
    Api.as(MANAGER).delete("/api/v1/product-categories/" + leaf).then().statusCode(204);
    Api.as(MANAGER).delete("/api/v1/product-categories/" + root).then().statusCode(204);
    Api.as(MANAGER).get("/api/v1/product-categories/" + root).then().statusCode(404);
    // A product cannot be restored into a deleted category.
    Api.as(MANAGER)
        .post("/api/v1/products/" + product + "/restore")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("categoryId"));
    Api.as(MANAGER).post("/api/v1/product-categories/" + root + "/restore").then().statusCode(200);
  }

  @Test
  void codesAreUniqueAndOnlyCatalogueKeepersWrite() {
    String code = Api.uniqueCode("UQC");
    String id = Products.category(code, null);
    Api.as(MANAGER)
        .body(Map.of("code", code.toLowerCase(), "name", "重复编码"))
        .post("/api/v1/product-categories")
        .then()
        .statusCode(409);
    Api.as("rep.zhang")
        .body(Map.of("code", Api.uniqueCode("UQC"), "name", "销售不能建"))
        .post("/api/v1/product-categories")
        .then()
        .statusCode(403);
    Api.as("analyst.liu")
        .body(Map.of("name", "分析师不能改"))
        .patch("/api/v1/product-categories/" + id)
        .then()
        .statusCode(403);
    Api.asIntegration()
        .body(Map.of("code", Api.uniqueCode("ERPC"), "name", "ERP 类别"))
        .put("/api/v1/product-categories/external/" + Api.uniqueCode("ERP-C"))
        .then()
        .statusCode(201);
    Api.as("analyst.liu")
        .queryParam("filter", "id==" + id)
        .get("/api/v1/product-categories/export")
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("product-categories.csv"))
        .body(containsString(code));
    Api.as("rep.zhang")
        .get("/api/v1/me")
        .then()
        .body("permissions", hasItem("product-category:read"))
        .body("permissions", not(hasItem("product-category:update")));
  }
}
