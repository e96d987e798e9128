package dev.headlesscrm.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refusals made below JAX-RS and GraphQL are problems too: a body over the size limit (413), a body
 * of a media type the operation does not take (415), a URL (414) or headers (431) over theirs, on
 * REST and GraphQL alike, changing nothing. The documented 4,000-character filter fits a GET even
 * in Chinese, percent-encoded.
 */
@QuarkusTest
class HttpLimitsTest {

  /** A JSON body just over the 10 MB limit: a customer whose notes are too long to send. */
  private static String oversized() {
    char[] notes = new char[10 * 1024 * 1024 + 16];
    Arrays.fill(notes, 'x');
    return "{\"name\":\"过大请求\",\"notes\":\"" + new String(notes) + "\"}";
  }

  private static void refusedAsTooLarge(RequestSpecification request, String path) {
    request
        .body(oversized())
        .post(path)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/payload-too-large"))
        .body("status", equalTo(413))
        .body("instance", equalTo(path))
        .body("traceId", notNullValue());
  }

  @Test
  void aBodyOverTheLimitIsA413ProblemOnRestAndGraphQl() {
    refusedAsTooLarge(Api.as("rep.zhang"), "/api/v1/customers");
    refusedAsTooLarge(Api.as("rep.zhang"), "/graphql");
    Api.as("rep.zhang")
        .get("/api/v1/customers?filter=name==过大请求")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }

  /** A filter of this many Chinese characters, percent-encoded (9 bytes each). */
  private static String chineseFilter(int characters) {
    String value = "中".repeat(characters - "name==".length());
    return java.net.URLEncoder.encode("name==" + value, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aChineseFilterOfTheDocumentedLengthFitsAGet() {
    String filter = chineseFilter(4000);
    org.junit.jupiter.api.Assertions.assertTrue(filter.length() > 35_000, "percent-encoded");
    Api.as("rep.zhang")
        .urlEncodingEnabled(false)
        .get("/api/v1/customers?sort=-name&limit=5&filter=" + filter)
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(0));
  }

  @Test
  void aUrlOverTheLimitIsA414ProblemOnRestAndGraphQl() {
    String filter = chineseFilter(6000);
    for (String path : new String[] {"/api/v1/customers", "/graphql"}) {
      Api.as("rep.zhang")
          .urlEncodingEnabled(false)
          .get(path + "?filter=" + filter)
          .then()
          .statusCode(414)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/uri-too-long"))
          .body("status", equalTo(414))
          .body("detail", org.hamcrest.Matchers.containsString("/search"))
          .body("instance", equalTo(path));
    }
  }

  @Test
  void headersOverTheLimitAreA431Problem() {
    Api.as("rep.zhang")
        .header("X-Padding", "x".repeat(40_000))
        .get("/api/v1/customers")
        .then()
        .statusCode(431)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/header-fields-too-large"))
        .body("status", equalTo(431))
        .body("traceId", notNullValue());
  }

  @Test
  void aBodyOfAnotherMediaTypeIsA415Problem() {
    Api.as("rep.zhang")
        .contentType("text/plain")
        .body("name=文本客户")
        .post("/api/v1/customers")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/unsupported-media-type"));
    Api.as("rep.zhang")
        .contentType("application/xml")
        .body("<customer><name>x</name></customer>")
        .post("/api/v1/customers/batch")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    Api.as("rep.zhang")
        .body(Map.of("name", "正常客户"))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }
}
