package dev.headlesscrm.platform.numbering;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbering-rules admin API over REST, with real tokens. */
@QuarkusTest
class NumberingRuleResourceTest {

  static final String RULES = "/api/v1/numbering-rules";
  static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

  @Inject AgroalDataSource db;
  @Inject NumberingService numbering;

  @Test
  void everyPrincipalReadsTheSeededRules() {
    Api.as("rep.zhang")
        .queryParam("limit", 500)
        .get(RULES)
        .then()
        .statusCode(200)
        .body("page.hasMore", equalTo(false))
        .body(
            "data.key",
            hasItems("customer", "contact", "contract", "payment", "quote", "sales-order"));
    Api.as("rep.zhang")
        .get(RULES + "/customer")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("key", equalTo("customer"))
        .body("name", equalTo("客户编号"))
        .body("pattern", equalTo("KH{yyyyMMdd}{seq:4}"))
        .body("reset", equalTo("DAILY"));
    Api.as("rep.zhang")
        .header("If-None-Match", "W/\"0\"")
        .get(RULES + "/customer")
        .then()
        .statusCode(304);
    Api.asIntegration()
        .get(RULES + "/contact")
        .then()
        .statusCode(200)
        .body("pattern", equalTo("LXR{seq:6}"))
        .body("reset", equalTo("NEVER"));
    Api.as("rep.zhang")
        .get(RULES + "/no-such-rule")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/not-found"));
  }

  @Test
  void keysetPagingVisitsEveryRuleOnce() {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = Api.as("analyst.liu").queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(RULES);
      page.then().statusCode(200);
      seen.addAll(page.path("data.key"));
      cursor = page.path("page.nextCursor");
    } while (cursor != null && seen.size() < 10_000);
    assertEquals(seen.size(), seen.stream().distinct().count());
    assertTrue(seen.containsAll(List.of("customer", "sales-order")));
    List<String> sorted = new ArrayList<>(seen);
    sorted.sort(null);
    assertEquals(sorted, seen, "in key order");
  }

  @Test
  void anAdministratorChangesAPatternAndTheNextNumberFollowsIt() {
    String key = NumberingFixtures.rule(db, "OLD{seq:3}", ResetPolicy.NEVER);
    assertEquals("OLD001", numbering.next(key));
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .header("If-Match", "W/\"0\"")
        .body("{\"pattern\":\"新{yyyy}-{seq:5}\",\"reset\":\"YEARLY\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("W/\"1\""))
        .body("pattern", equalTo("新{yyyy}-{seq:5}"))
        .body("reset", equalTo("YEARLY"))
        .body("version", equalTo(1))
        .body("updatedBy", equalTo("0193a000-0000-7000-8000-0000000000e1"));
    String year = String.valueOf(numbering.businessDate(Instant.now()).getYear());
    // The reset policy changed, so this year's counter carries on above what was issued.
    assertEquals("新" + year + "-00002", numbering.next(key));
    Api.as("rep.zhang").get(RULES + "/" + key).then().body("pattern", equalTo("新{yyyy}-{seq:5}"));
  }

  @Test
  void changingTheResetPolicyNeverRestartsTodaysSequence() {
    String key = NumberingFixtures.rule(db, "T{yyyyMMdd}{seq:3}", ResetPolicy.NEVER);
    List<String> before = List.of(numbering.next(key), numbering.next(key), numbering.next(key));
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body(Map.of("reset", "DAILY"))
        .patch(RULES + "/" + key)
        .then()
        .statusCode(200)
        .body("reset", equalTo("DAILY"));
    String after = numbering.next(key);
    assertTrue(after.endsWith("004"), after + " follows " + before);
    assertTrue(!before.contains(after));
  }

  @Test
  void onlyAdministratorsChangeRules() {
    String key = NumberingFixtures.rule(db, "P{seq:3}", ResetPolicy.NEVER);
    Api.as("manager.wang")
        .contentType(MERGE_PATCH)
        .body("{\"pattern\":\"Q{seq:3}\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/forbidden"));
    Api.asIntegration()
        .contentType(MERGE_PATCH)
        .body("{\"pattern\":\"Q{seq:3}\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(403);
    Api.as("rep.zhang")
        .get(RULES + "/" + key)
        .then()
        .body("pattern", equalTo("P{seq:3}"))
        .body("version", equalTo(0));
  }

  @Test
  void badPatternsAre422NamingThePattern() {
    String key = NumberingFixtures.rule(db, "B{seq:3}", ResetPolicy.NEVER);
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body("{\"pattern\":\"B{yyyyMMdd}\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/validation"))
        .body("errors[0].field", equalTo("pattern"))
        .body("errors[0].code", equalTo("missing-seq"));
    Api.asAdmin()
        .header("Accept-Language", "zh-CN")
        .contentType(MERGE_PATCH)
        .body("{\"pattern\":\"B{week}{seq}\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("pattern"))
        .body("errors[0].code", equalTo("unknown-token"))
        .body("title", equalTo("数据校验失败"));
    // A daily reset without the day in the pattern would repeat numbers.
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body("{\"reset\":\"DAILY\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("pattern"))
        .body("errors[0].code", equalTo("reset-needs-date"));
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body("{\"pattern\":null}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("pattern"));
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body("{\"reset\":\"WEEKLY\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reset"));
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .body("{\"key\":\"other\",\"colour\":\"red\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(422)
        .body("errors.code", hasItems("read-only", "unknown-field"));
    Api.as("rep.zhang")
        .get(RULES + "/" + key)
        .then()
        .body("pattern", equalTo("B{seq:3}"))
        .body("version", equalTo(0));
  }

  @Test
  void aStaleIfMatchIs412() {
    String key = NumberingFixtures.rule(db, "S{seq:3}", ResetPolicy.NEVER);
    Api.asAdmin()
        .contentType(MERGE_PATCH)
        .header("If-Match", "W/\"7\"")
        .body("{\"pattern\":\"S{seq:4}\"}")
        .patch(RULES + "/" + key)
        .then()
        .statusCode(412)
        .body("type", equalTo("/problems/precondition-failed"));
  }

  @Test
  void previewShowsTheNextNumberWithoutUsingItUp() {
    String key = NumberingFixtures.rule(db, "V{seq:4}", ResetPolicy.NEVER);
    assertEquals("V0001", numbering.next(key));
    Api.as("rep.zhang")
        .body("{}")
        .post(RULES + "/" + key + "/preview")
        .then()
        .statusCode(200)
        .body("next", equalTo("V0002"))
        .body("pattern", equalTo("V{seq:4}"));
    // No body at all: the rule as it is.
    Api.as("rep.zhang")
        .post(RULES + "/" + key + "/preview")
        .then()
        .statusCode(200)
        .body("next", equalTo("V0002"));
    Api.as("rep.zhang")
        .body("{\"pattern\":\"W-{seq:2}\"}")
        .post(RULES + "/" + key + "/preview")
        .then()
        .statusCode(200)
        .body("next", equalTo("W-02"))
        .body("reset", equalTo("NEVER"));
    Api.as("rep.zhang")
        .body("{\"pattern\":\"W-{x}\"}")
        .post(RULES + "/" + key + "/preview")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("pattern"));
    assertEquals("V0002", numbering.next(key), "previews use nothing up");
  }
}
