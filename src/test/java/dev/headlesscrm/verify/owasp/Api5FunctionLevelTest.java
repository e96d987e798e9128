package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * OWASP API5:2023 broken function level authorisation, over every administrative operation of the
 * committed inventory, as the sales rep rep.zhang. {@link
 * dev.headlesscrm.security.RegistrySecurityMatrixTest} checks list/get/create/update/delete/restore
 * of registered resources against the grants; this adds every other write the inventory documents:
 * roles, settings, numbering rules, dictionary entries, domain actions, erase ({@code
 * ?permanent=true}), and the writes of resources the rep may only read. An operation is
 * administrative, with nothing listed by hand, when
 *
 * <ul>
 *   <li>its summary says it is for administrators, or
 *   <li>it writes a resource on which the rep's roles hold no grant beyond READ and EXPORT, or
 *   <li>it erases ({@code DELETE ?permanent=true}) a resource without the rep's ERASE grant.
 * </ul>
 *
 * Each answers 403 problem+json, and the state an administrator reads at the same path (or the
 * collection's count) is unchanged. Path parameters take real values (the first role, setting,
 * rule, dictionary kind and code an administrator lists) so that a missing check would write.
 */
@QuarkusTest
class Api5FunctionLevelTest {

  static final String REP = "rep.zhang";
  private static int cases;

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject DataSource dataSource;

  private Map<String, String> resourceByCollection() {
    Map<String, String> out = new HashMap<>();
    for (ReadOnlyRecordResource<?> r : resources) {
      if (r.route().path() != null) {
        out.put(r.route().path(), r.route().resource());
      }
    }
    return out;
  }

  private Set<String> grants(String role) {
    Set<String> out = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT resource, action FROM role_permissions WHERE role = ?")) {
      s.setString(1, role);
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          out.add(rows.getString(1) + ":" + rows.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static boolean onlyReads(Set<String> granted, String resource) {
    return granted.stream()
        .filter(g -> g.startsWith(resource + ":"))
        .allMatch(g -> g.endsWith(":READ") || g.endsWith(":EXPORT"));
  }

  /** A real value for a path parameter: the first of the parent collection an admin lists. */
  private static String parameterValue(String parent, String name) {
    if (name.equals("id") || name.endsWith("Id")) {
      return UUID.randomUUID().toString();
    }
    Response list = Api.asAdmin().get(parent);
    if (list.statusCode() != 200) {
      return "x";
    }
    try {
      JsonNode root = Inventory.JSON.readTree(list.asString());
      JsonNode items = root.isArray() ? root : root.path("data");
      JsonNode first = items.path(0);
      if (first.isTextual()) {
        return first.asText();
      }
      for (String field : List.of(name, "code", "key", "name", "role", "kind")) {
        if (first.path(field).isTextual()) {
          return first.path(field).asText();
        }
      }
      if (root.isObject() && !root.has("data")) {
        return root.fieldNames().next();
      }
    } catch (Exception e) {
      // fall through
    }
    return "x";
  }

  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

  /** The path with each parameter replaced by a real value, resolved left to right. */
  private static String concrete(String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, "");
      String parent = out.substring(0, out.length() - 1);
      out.append(parameterValue(parent, m.group(1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String snapshot(String path) {
    Response r = Api.asAdmin().get(path);
    return r.statusCode() + " " + r.asString().replaceAll("\"traceId\":\"[^\"]*\"", "");
  }

  private static boolean documentedGet(String path) {
    return Inventory.methodsByPath().getOrDefault(path, Set.of()).contains("get");
  }

  @TestFactory
  Stream<DynamicNode> everyAdministrativeOperationIsForbiddenToASalesRep() {
    List<String> roles =
        Api.as(REP).get("/api/v1/me").then().statusCode(200).extract().path("roles");
    Set<String> granted = new HashSet<>();
    roles.forEach(role -> granted.addAll(grants(role)));
    Map<String, String> byCollection = resourceByCollection();
    List<DynamicNode> tests = new ArrayList<>();
    for (Inventory.Operation op : Inventory.operations()) {
      if (op.method().equals("get") || op.path().endsWith("/search")) {
        continue;
      }
      String resource = byCollection.get(op.collection());
      String summary = op.node().path("summary").asText();
      boolean forAdministrators = summary.contains("(administrators");
      boolean readOnlyForRep = resource != null && onlyReads(granted, resource);
      boolean erase =
          op.method().equals("delete")
              && resource != null
              && op.path().endsWith("{id}")
              && !granted.contains(resource + ":ERASE");
      if (!forAdministrators && !readOnlyForRep && !erase) {
        continue;
      }
      String why =
          forAdministrators
              ? "documented for administrators"
              : readOnlyForRep ? "rep only reads " + resource : "no ERASE";
      tests.add(
          DynamicTest.dynamicTest(
              op
                  + (erase && !readOnlyForRep && !forAdministrators ? "?permanent=true" : "")
                  + " ("
                  + why
                  + ")",
              () -> {
                String path = concrete(op.path());
                String watched = documentedGet(op.path()) ? path : op.collection();
                String before =
                    snapshot(
                        watched + (watched.equals(op.collection()) ? "?limit=1&count=true" : ""));
                JsonNode example = op.requestExample();
                RequestSpecification request = Api.as(REP);
                if (op.method().equals("patch")) {
                  request.contentType("application/merge-patch+json").header("If-Match", "W/\"1\"");
                }
                if (erase) {
                  request.queryParam("permanent", true);
                }
                if (op.path().endsWith("/batch")) {
                  request.body("{\"operations\":[{\"op\":\"create\",\"data\":{}}]}");
                } else if (example != null
                    && example.isObject()
                    && example.isEmpty()
                    && documentedGet(op.path())) {
                  // the inventory's example is empty: write back what an administrator reads there
                  JsonNode current = Inventory.JSON.readTree(Api.asAdmin().get(path).asString());
                  request.body(
                      current.has("value")
                          ? Inventory.object().set("value", current.get("value")).toString()
                          : "{}");
                } else if (example != null) {
                  request.body(Inventory.JSON.writeValueAsString(example));
                } else if (!op.requestSchema().isMissingNode()) {
                  request.body(
                      Inventory.JSON.writeValueAsString(Inventory.sample(op.requestSchema())));
                }
                Response response = request.request(op.method().toUpperCase(), path);
                ErrorBodies.seen(op.toString(), response);
                cases++;
                if (op.path().endsWith("/batch") && response.statusCode() == 200) {
                  // a batch answers per item (API.md §3): every item must be the 403 problem
                  List<Integer> statuses = response.jsonPath().getList("results.status");
                  assertTrue(
                      !statuses.isEmpty() && statuses.stream().allMatch(s -> s == 403),
                      () -> op + ": " + response.asString());
                  assertEquals(
                      "/problems/forbidden",
                      response.jsonPath().getString("results[0].problem.type"));
                } else {
                  assertEquals(
                      403,
                      response.statusCode(),
                      () -> op + " " + path + ": " + response.asString());
                  assertTrue(response.contentType().startsWith("application/problem+json"));
                  assertEquals("/problems/forbidden", response.jsonPath().getString("type"));
                }
                String after =
                    snapshot(
                        watched + (watched.equals(op.collection()) ? "?limit=1&count=true" : ""));
                assertEquals(before, after, () -> op + " changed " + watched);
              }));
    }
    assertTrue(tests.size() > 40, "administrative operations: " + tests.size());
    return tests.stream();
  }

  @AfterAll
  static void report() {
    System.out.printf("[OWASP API5] %d administrative operations forbidden to %s%n", cases, REP);
    ErrorBodies.verify("API5");
  }
}
