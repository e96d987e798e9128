package dev.headlesscrm.catalogue;

import static dev.headlesscrm.catalogue.Products.MANAGER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** Products and categories over GraphQL: queries, mutations, batched relations, hidden cost. */
@QuarkusTest
class ProductGraphQlTest {

  @Inject EntityManagerFactory emf;

  static ValidatableResponse graphql(
      RequestSpecification as, String query, Map<String, Object> vars) {
    return as.body(Map.of("query", query, "variables", vars))
        .post("/graphql")
        .then()
        .statusCode(200);
  }

  static final String CREATE_CATEGORY =
      "mutation($in: ProductCategoryInput!) { createProductCategory(input: $in) { id code } }";
  static final String CREATE_PRODUCT =
      "mutation($in: ProductInput!) { createProduct(input: $in) { id code version listPrice cost"
          + " kind category { code } } }";
  static final String PAGE =
      "query($f: String, $n: Int) { products(filter: $f, first: $n, sort: [\"code\"], count: true)"
          + " { totalCount edges { node { id code cost category { code parent { code } } } }"
          + " pageInfo { hasNextPage endCursor } } }";

  @Test
  void mutationsWriteAndRelationsResolveInBatches() {
    String marker = Api.uniqueCode("GQL").replace("-", "");
    String root =
        graphql(
                Api.as(MANAGER),
                CREATE_CATEGORY,
                Map.of("in", Map.of("code", marker + "-ROOT", "name", "图谱根类别")))
            .body("errors", nullValue())
            .extract()
            .path("data.createProductCategory.id");
    String leaf =
        graphql(
                Api.as(MANAGER),
                CREATE_CATEGORY,
                Map.of("in", Map.of("code", marker + "-LEAF", "name", "图谱子类别", "parentId", root)))
            .body("errors", nullValue())
            .extract()
            .path("data.createProductCategory.id");
    String first = null;
    for (int i = 0; i < 12; i++) {
      Map<String, Object> in = new HashMap<>();
      in.put("code", marker + "-P" + (i < 10 ? "0" + i : i));
      in.put("name", "图谱产品" + i);
      in.put("categoryId", i % 2 == 0 ? leaf : root);
      in.put("listPrice", 10.125);
      in.put("cost", 5);
      in.put("training", true);
      ValidatableResponse r =
          graphql(Api.as(MANAGER), CREATE_PRODUCT, Map.of("in", in))
              .body("errors", nullValue())
              .body("data.createProduct.kind", equalTo("INTANGIBLE"))
              .body("data.createProduct.listPrice", equalTo(10.13f));
      if (i == 0) {
        first = r.extract().path("data.createProduct.id");
        r.body("data.createProduct.category.code", equalTo(marker + "-LEAF"));
      }
    }
    String filter = "code=like=" + marker;
    long three = statementsFor(filter, 3);
    long twelve = statementsFor(filter, 12);
    assertTrue(
        twelve <= three + 1,
        "statements do not grow with the page: 3 → " + three + ", 12 → " + twelve);
    graphql(Api.as(MANAGER), PAGE, Map.of("f", "category.code==" + marker + "-LEAF", "n", 50))
        .body("data.products.totalCount", equalTo(6))
        .body("data.products.edges[0].node.category.parent.code", equalTo(marker + "-ROOT"))
        .body("data.products.edges[0].node.cost", equalTo(5.0f));
    // The cost is null for a sales rep, without an error.
    graphql(Api.as("rep.zhang"), PAGE, Map.of("f", filter, "n", 1))
        .body("errors", nullValue())
        .body("data.products.edges[0].node.cost", nullValue())
        .body("data.products.pageInfo.hasNextPage", equalTo(true));
    graphql(
            Api.as("rep.zhang"),
            "query($id: ID!) { productCategory(id: $id) { code parent { code } } }",
            Map.of("id", leaf))
        .body("data.productCategory.parent.code", equalTo(marker + "-ROOT"));
    graphql(
            Api.as("analyst.liu"),
            "{ productCategories(filter: \"parentId==" + root + "\") { edges { node { id } } } }",
            Map.of())
        .body("data.productCategories.edges", hasSize(1))
        .body("data.productCategories.edges[0].node.id", equalTo(leaf));

    String update =
        "mutation($id: ID!, $v: BigInteger) { updateProduct(id: $id, input: {name: \"改名图谱产品\","
            + " listPrice: 20}, expectedVersion: $v) { version name listPrice } }";
    graphql(Api.as(MANAGER), update, Map.of("id", first, "v", 0))
        .body("errors", nullValue())
        .body("data.updateProduct.version", equalTo(1))
        .body("data.updateProduct.listPrice", equalTo(20.0f));
    graphql(Api.as(MANAGER), update, Map.of("id", first, "v", 0))
        .body("errors[0].extensions.status", equalTo(412));
    graphql(
            Api.as(MANAGER),
            "mutation($id: ID!) { deleteProductCategory(id: $id) }",
            Map.of("id", leaf))
        .body("errors[0].extensions.code", equalTo("conflict"));
    graphql(Api.as(MANAGER), "mutation($id: ID!) { deleteProduct(id: $id) }", Map.of("id", first))
        .body("data.deleteProduct", equalTo(true));
    graphql(Api.as(MANAGER), "query($id: ID!) { product(id: $id) { id } }", Map.of("id", first))
        .body("errors[0].extensions.code", equalTo("not-found"));
  }

  @Test
  void refusalsCarryTheRestProblemCodes() {
    graphql(
            Api.as("rep.zhang"),
            "mutation { createProduct(input: {name: \"销售不能建\"}) { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("forbidden"));
    graphql(
            Api.as(MANAGER),
            "mutation { createProduct(input: {name: \"负价\", listPrice: -1}) { id } }",
            Map.of())
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.status", equalTo(422));
    graphql(Api.as("rep.zhang"), "{ products(sort: [\"cost\"]) { totalCount } }", Map.of())
        .body("errors[0].extensions.code", equalTo("malformed"));
  }

  private long statementsFor(String filter, int n) {
    Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
    graphql(Api.as("analyst.liu"), PAGE, Map.of("f", filter, "n", n)); // warm-up
    long before = stats.getPrepareStatementCount();
    graphql(Api.as("analyst.liu"), PAGE, Map.of("f", filter, "n", n))
        .body("errors", nullValue())
        .body("data.products.edges", hasSize(n));
    return stats.getPrepareStatementCount() - before;
  }
}
