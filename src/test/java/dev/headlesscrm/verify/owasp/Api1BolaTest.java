package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * OWASP API1:2023 broken object level authorisation over every route of the committed inventory
 * that names a record ({@code /x/{id}}: get, patch, delete, history, team, transfer, restore and
 * every domain action). For each owned resource of the registry, the administrator creates a record
 * owned by one sales rep (the create body is the inventory's example, with every reference field
 * pointed at a record made the same way through the registry's relations); the other rep, whose
 * data scope is their own records, then calls every such route with its id. Each answer must be the
 * one a random, absent id gets (404 for get, patch, delete and history), never 2xx, never the
 * record's data; and the record's version is unchanged afterwards.
 *
 * <p>Not probed, by design: resources that are not owned (products, pipelines, departments,
 * employees, custom fields, approval flows, commission rules...) have no record-level scope — every
 * holder of READ sees every record, so BOLA cannot apply and their function permissions are in
 * {@link dev.headlesscrm.security.RegistrySecurityMatrixTest} and {@link Api5FunctionLevelTest}.
 * The principals whose scope covers both reps (admin.li and the integration: all; manager.wang:
 * both reps are subordinates; analyst.liu: all, read-only) have no invisible record to probe. The
 * record-level visibility of lists, search, export, events and GraphQL for selected resources is in
 * {@link dev.headlesscrm.security.SecurityMatrixTest}.
 */
@QuarkusTest
class Api1BolaTest {

  static final String ZHANG = "0193a000-0000-7000-8000-0000000000e3";
  static final String CHEN = "0193a000-0000-7000-8000-0000000000e4";
  private static int cases;
  private static int unprobed;

  /**
   * Owned resources whose records the generic fixture cannot make from the inventory's example
   * alone (their create depends on another record's state): listed, reported on every run as NOT
   * PROBED, and failing as soon as the fixture works, so the list only shrinks.
   */
  static final Map<String, String> FIXTURE_LIMITS =
      Map.of(
          "payment",
          "a payment needs an approved or active contract (state chain not derivable from the"
              + " inventory); not probed anywhere yet",
          "payment-plan",
          "a plan's amount must fit its contract's amount, which the example contract lacks;"
              + " not probed anywhere yet");

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject ResourceRegistry registry;

  private Fixtures fixtures;

  private Map<String, Route> routes() {
    if (fixtures == null) {
      fixtures = new Fixtures(resources, registry);
    }
    return fixtures.routes();
  }

  String create(Route route, String owner, int depth) {
    routes();
    return fixtures.create(route, owner, depth);
  }

  private static long version(String path, String id) {
    return Api.asAdmin()
        .get(path + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("version");
  }

  private static Response call(String who, Inventory.Operation op, String path) throws Exception {
    RequestSpecification request = Api.as(who);
    JsonNode example = op.requestExample();
    if (op.method().equals("patch")) {
      request.contentType("application/merge-patch+json");
    }
    if (example != null) {
      request.body(Inventory.JSON.writeValueAsString(example));
    } else if (!op.requestSchema().isMissingNode()) {
      request.body(Inventory.JSON.writeValueAsString(Inventory.sample(op.requestSchema())));
    }
    return request.request(op.method().toUpperCase(), path);
  }

  @TestFactory
  Stream<DynamicNode> noRecordOutsideTheCallersScopeAnswersOnAnyRouteOfTheInventory() {
    Map<String, String> probes = Map.of("rep.zhang", CHEN, "rep.chen", ZHANG);
    Map<String, String> selfIds = Map.of("rep.zhang", ZHANG, "rep.chen", CHEN);
    List<DynamicNode> out = new ArrayList<>();
    for (Map.Entry<String, String> probe : probes.entrySet()) {
      String who = probe.getKey();
      List<DynamicNode> perResource = new ArrayList<>();
      for (Route route : routes().values()) {
        if (!route.owned()) {
          continue;
        }
        List<DynamicTest> tests = new ArrayList<>();
        String[] holder = new String[2];
        for (Inventory.Operation op : Inventory.operations()) {
          if (!op.path().startsWith(route.path() + "/{id}")) {
            continue;
          }
          tests.add(
              DynamicTest.dynamicTest(
                  op.toString(),
                  () -> {
                    if (FIXTURE_LIMITS.containsKey(route.resource())) {
                      try {
                        create(route, probe.getValue(), 0);
                      } catch (AssertionError expected) {
                        unprobed++;
                        System.out.println(
                            "[OWASP API1] NOT PROBED "
                                + route.resource()
                                + " "
                                + op
                                + ": "
                                + FIXTURE_LIMITS.get(route.resource()));
                        return;
                      }
                      throw new AssertionError(
                          route.resource() + " fixtures work now: remove it from FIXTURE_LIMITS");
                    }
                    if (holder[0] == null) {
                      holder[0] = create(route, probe.getValue(), 0);
                      holder[1] = Api.asAdmin().get(route.path() + "/" + holder[0]).asString();
                    }
                    String id = holder[0];
                    long before = version(route.path(), id);
                    String absent = UUID.randomUUID().toString();
                    String path = op.path().replace("{employeeId}", selfIds.get(who));
                    Response hidden =
                        ErrorBodies.seen(op.toString(), call(who, op, path.replace("{id}", id)));
                    Response missing =
                        ErrorBodies.seen(
                            op.toString(), call(who, op, path.replace("{id}", absent)));
                    cases++;
                    assertFalse(
                        hidden.statusCode() < 300,
                        () ->
                            who
                                + " "
                                + op
                                + " on another's record: "
                                + hidden.statusCode()
                                + " "
                                + hidden.asString());
                    assertEquals(
                        missing.statusCode(),
                        hidden.statusCode(),
                        () ->
                            who
                                + " "
                                + op
                                + ": hidden "
                                + hidden.asString()
                                + " vs absent "
                                + missing.asString());
                    // A write the caller's role may not make at all is refused before any record
                    // is looked up (403 for both ids, as equal above); otherwise: not found.
                    boolean functionRefused =
                        hidden.statusCode() == 403 && !op.method().equals("get");
                    if (!functionRefused
                        && (List.of("get", "patch", "delete").contains(op.method())
                            || op.path().endsWith("/history"))) {
                      assertEquals(404, hidden.statusCode(), hidden::asString);
                    }
                    JsonNode record = Inventory.JSON.readTree(holder[1]);
                    for (String field : List.of("name", "number", "createdAt")) {
                      if (record.path(field).isTextual()) {
                        assertFalse(
                            hidden.asString().contains(record.path(field).asText()),
                            () -> "leaks " + field + ": " + hidden.asString());
                      }
                    }
                    assertEquals(
                        before, version(route.path(), id), () -> op + " changed the record");
                  }));
        }
        perResource.add(DynamicContainer.dynamicContainer(route.resource(), tests.stream()));
      }
      out.add(DynamicContainer.dynamicContainer(who, perResource.stream()));
    }
    return out.stream();
  }

  @AfterAll
  static void report() {
    System.out.printf(
        "[OWASP API1] %d BOLA probes (record of another rep vs absent id), %d not probed%n",
        cases, unprobed);
    ErrorBodies.verify("API1");
  }
}
