package dev.headlesscrm.customer;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.query.SearchSupport;
import dev.headlesscrm.platform.query.SqlFragment;
import dev.headlesscrm.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Free text: any part of a Chinese or English name, 助记码, number, phone or email. */
@QuarkusTest
class CustomerSearchTest {

  @Inject EntityManager em;

  @Test
  void findsByPartsOfNamesMnemonicNumberPhoneAndEmail() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    var created =
        Customers.create(
            Map.of(
                "name", "华东电子" + marker + "股份有限公司",
                "mainPhone", "021-6688 9900",
                "email", "sales@" + marker + ".example"));
    String id = created.path("id");
    String number = created.path("number");
    for (String q :
        List.of("华", "华东", "东电", "华东电子", marker, "HDDZ", number, "66889900", marker + ".example")) {
      Api.as("rep.zhang")
          .queryParam("q", q)
          .queryParam("limit", 500)
          .queryParam("sort", "-createdAt")
          .get("/api/v1/customers")
          .then()
          .statusCode(200)
          .body("data.id", hasItem(id));
    }
    Api.as("rep.zhang")
        .queryParam("q", "西北" + marker)
        .get("/api/v1/customers")
        .then()
        .body("data.id", not(hasItem(id)));
  }

  @Test
  void oneAndTwoCharacterChineseQueriesUseAnIndex() {
    String tag = "srch-" + UUID.randomUUID().toString().substring(0, 8);
    // 30,000 rows, 1 % of them containing 华东: enough for the planner to prefer the index.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO customers (id, number, name, lifecycle_stage, tags, search_text,"
                          + " search_tokens, version, created_at, updated_at)"
                          + " SELECT gen_random_uuid(), ?1 || i,"
                          + " CASE WHEN i % 100 = 0 THEN '华东' || i ELSE '其他公司' || i END,"
                          + " 'PROSPECT', ARRAY[?2],"
                          + " CASE WHEN i % 100 = 0 THEN '华东' || i ELSE '其他公司' || i END,"
                          + " CASE WHEN i % 100 = 0 THEN ARRAY['华','东','华东']"
                          + " ELSE ARRAY['其','他','公','司','其他','他公','公司'] END,"
                          + " 0, now(), now() FROM generate_series(1, 30000) AS i")
                  .setParameter(1, tag + "-")
                  .setParameter(2, tag)
                  .executeUpdate();
              em.createNativeQuery("ANALYZE customers").executeUpdate();
            });
    for (String q : List.of("华", "华东")) {
      String plan = explain(q);
      assertTrue(plan.contains("customers_search_tokens_idx"), "q=" + q + " plan:\n" + plan);
      assertTrue(!plan.contains("Seq Scan on customers"), "q=" + q + " plan:\n" + plan);
    }
  }

  @SuppressWarnings("unchecked")
  private String explain(String q) {
    SqlFragment condition = SearchSupport.condition(q);
    String sql = condition.sql();
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char c : sql.toCharArray()) {
      numbered.append(c == '?' ? "?" + (++n) : String.valueOf(c));
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Query query =
                  em.createNativeQuery(
                      "EXPLAIN SELECT t.id FROM customers t WHERE t.deleted_at IS NULL AND "
                          + numbered);
              for (int i = 0; i < condition.params().size(); i++) {
                query.setParameter(i + 1, condition.params().get(i));
              }
              return String.join("\n", (List<String>) query.getResultList());
            });
  }
}
