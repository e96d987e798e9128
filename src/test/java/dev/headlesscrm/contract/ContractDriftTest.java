package dev.headlesscrm.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed contracts are exactly what the service serves. After a deliberate change,
 * regenerate them with {@code scripts/contracts.sh} (which sets {@code crm.contracts.write}) and
 * commit the diff for review.
 */
@QuarkusTest
class ContractDriftTest {

  private static final boolean WRITE = Boolean.getBoolean("crm.contracts.write");

  @Test
  void openApiMatchesCommittedFile() throws IOException {
    String served =
        given()
            .accept("application/yaml")
            .get("/q/openapi?format=yaml")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    compare(Path.of("openapi/openapi.yaml"), served);
  }

  @Test
  void graphqlSchemaMatchesCommittedFile() throws IOException {
    String served =
        given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
    compare(Path.of("graphql-schema/schema.graphql"), served);
  }

  private static void compare(Path committed, String served) throws IOException {
    String normalised = served.strip() + "\n";
    if (WRITE) {
      Files.createDirectories(committed.getParent());
      Files.writeString(committed, normalised, StandardCharsets.UTF_8);
      return;
    }
    String expected =
        Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
    assertEquals(
        expected,
        normalised,
        committed
            + " differs from the served contract. If the change is deliberate, run"
            + " scripts/contracts.sh and commit the result.");
  }
}
