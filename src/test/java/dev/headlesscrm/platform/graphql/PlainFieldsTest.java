package dev.headlesscrm.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.headlesscrm.support.Api;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Plain property values of SmallRye's types are read without SmallRye's per-field context (issue
 * 11: the GraphQL cost per object), and every kind of value still reads exactly as over REST.
 */
@QuarkusTest
class PlainFieldsTest {

  @Inject GraphQLSchema schema;

  private DataFetcher<?> fetcher(String type, String field) {
    return schema
        .getCodeRegistry()
        .getDataFetcher(
            FieldCoordinates.coordinates(type, field),
            schema.getObjectType(type).getFieldDefinition(field));
  }

  @Test
  void plainPropertiesOfSmallRyeTypesAreReadDirectly() {
    assertInstanceOf(PlainFields.Plain.class, fetcher("Customer", "name"));
    assertInstanceOf(PlainFields.Plain.class, fetcher("Customer", "finance"));
    // A field with arguments keeps SmallRye's fetcher.
    assertFalse(fetcher("Customer", "custom") instanceof PlainFields.Plain);
  }

  @Test
  void everyKindOfValueReadsAsOverRest() {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "直读字段 " + System.nanoTime());
    body.put("level", "A");
    body.put("creditLimit", 1234567.5);
    body.put("registeredAt", "2020-02-29");
    body.put("lifecycleStage", "PROSPECT");
    body.put("tags", List.of("甲", "b"));
    body.put("finance", Map.of("bankName", "招商银行", "taxId", "91310000X"));
    String id =
        Api.asAdmin()
            .body(body)
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonPath rest =
        Api.asAdmin().get("/api/v1/customers/" + id).then().statusCode(200).extract().jsonPath();

    JsonPath graph =
        Api.asAdmin()
            .body(
                Map.of(
                    "query",
                    "query($id: ID!) { customer(id: $id) { id number name level creditLimit"
                        + " registeredAt createdAt lifecycleStage tags version ownerId parentId"
                        + " finance { bankName taxId phone } } }",
                    "variables",
                    Map.of("id", id)))
            .post("/graphql")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertNull(graph.get("errors"));
    for (String field :
        List.of(
            "id",
            "number",
            "name",
            "level",
            "registeredAt",
            "createdAt",
            "lifecycleStage",
            "tags",
            "ownerId",
            "parentId",
            "finance.bankName",
            "finance.taxId",
            "finance.phone")) {
      assertEquals(rest.<Object>get(field), graph.<Object>get("data.customer." + field), field);
    }
    assertEquals(rest.getDouble("creditLimit"), graph.getDouble("data.customer.creditLimit"), 0.0);
    assertEquals(rest.getLong("version"), graph.getLong("data.customer.version"));
  }
}
