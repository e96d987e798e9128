package dev.headlesscrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CollectionNames;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.platform.records.RecordResource;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The function-permission matrix of every registered resource, built from the registry itself: a
 * resource added tomorrow is in it without a line here. For each principal (real Keycloak tokens)
 * and each route the resource serves — list, get, export, history, GraphQL list, and for writable
 * resources create, update, delete and restore — the answer must follow the grants the database
 * holds for the principal's roles (crm-admin holds all): 403 without the permission, and with it
 * the answer the record's absence or the empty body gives (404, 422), never a write. The
 * record-level and field-level checks of selected resources stay in {@link SecurityMatrixTest}.
 */
@QuarkusTest
class RegistrySecurityMatrixTest {

  @Inject Instance<ReadOnlyRecordResource<?>> resources;
  @Inject DataSource dataSource;

  record Principal(String name, Supplier<RequestSpecification> api) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Principal> PRINCIPALS =
      List.of(
          new Principal("admin.li", Api::asAdmin),
          new Principal("manager.wang", () -> Api.as("manager.wang")),
          new Principal("rep.zhang", () -> Api.as("rep.zhang")),
          new Principal("analyst.liu", () -> Api.as("analyst.liu")),
          new Principal("integration", Api::asIntegration));

  private List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (ReadOnlyRecordResource<?> resource : resources) {
      Route route = resource.route();
      if (route.path() != null) {
        out.add(route);
      }
    }
    return out;
  }

  private boolean writable(Route route) {
    for (ReadOnlyRecordResource<?> resource : resources) {
      if (resource.route().path() != null
          && resource.route().path().equals(route.path())
          && resource instanceof RecordResource<?>) {
        return true;
      }
    }
    return false;
  }

  @Test
  void the_registry_covers_every_record_resource_the_service_routes() {
    List<Route> routes = routes();
    assertTrue(routes.size() >= 19, "registered record resources: " + routes.size());
    Set<String> names = new HashSet<>();
    routes.forEach(r -> assertTrue(names.add(r.resource()), "one route per resource: " + r));
    assertTrue(names.contains("customer") && names.contains("custom-field"), names::toString);
  }

  @TestFactory
  Stream<DynamicNode> every_route_of_every_registered_resource_follows_the_grants() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (Principal who : PRINCIPALS) {
      Set<String> granted = grants(roles(who));
      List<DynamicNode> perResource = new ArrayList<>();
      for (Route route : routes()) {
        perResource.add(
            DynamicContainer.dynamicContainer(
                route.resource(), checks(who, granted, route, writable(route)).stream()));
      }
      nodes.add(DynamicContainer.dynamicContainer(who.name(), perResource.stream()));
    }
    return nodes.stream();
  }

  private List<DynamicTest> checks(
      Principal who, Set<String> granted, Route route, boolean writable) {
    String resource = route.resource();
    String path = route.path();
    String missing = "/" + UUID.randomUUID();
    boolean read = granted.contains(resource + ":READ");
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(test("list", read, 200, () -> who.api().get().queryParam("limit", 1).get(path)));
    tests.add(test("get", read, 404, () -> who.api().get().get(path + missing)));
    tests.add(test("history", read, 404, () -> who.api().get().get(path + missing + "/history")));
    tests.add(
        test(
            "export",
            granted.contains(resource + ":EXPORT"),
            200,
            () -> who.api().get().queryParam("format", "csv").get(path + "/export")));
    tests.add(graphQl(who, read, route));
    if (!writable) {
      return tests;
    }
    tests.add(
        test(
            "create",
            granted.contains(resource + ":CREATE"),
            422,
            () -> who.api().get().contentType("application/json").body("{}").post(path)));
    tests.add(
        test(
            "update",
            granted.contains(resource + ":UPDATE"),
            404,
            () ->
                who.api()
                    .get()
                    .contentType("application/merge-patch+json")
                    .header("If-Match", "\"0\"")
                    .body("{}")
                    .patch(path + missing)));
    tests.add(
        test(
            "delete",
            granted.contains(resource + ":DELETE"),
            404,
            () -> who.api().get().header("If-Match", "\"0\"").delete(path + missing)));
    tests.add(
        test(
            "restore",
            granted.contains(resource + ":RESTORE"),
            404,
            () -> who.api().get().post(path + missing + "/restore")));
    return tests;
  }

  private static DynamicTest test(
      String name, boolean allowed, int whenAllowed, Supplier<Response> call) {
    return DynamicTest.dynamicTest(
        name + (allowed ? " → " + whenAllowed : " → 403"),
        () -> {
          Response response = call.get();
          assertEquals(
              allowed ? whenAllowed : 403, response.statusCode(), () -> response.asString());
          if (response.statusCode() >= 400) {
            assertTrue(
                response.contentType().startsWith("application/problem+json"),
                response.contentType());
          }
        });
  }

  private static DynamicTest graphQl(Principal who, boolean allowed, Route route) {
    String field =
        CollectionNames.camel(CollectionNames.pascal(CollectionNames.collection(route.path())));
    return DynamicTest.dynamicTest(
        "GraphQL " + field + (allowed ? " → data" : " → forbidden"),
        () -> {
          Response response =
              who.api()
                  .get()
                  .contentType("application/json")
                  .body(Map.of("query", "{ " + field + "(first: 1) { edges { cursor } } }"))
                  .post("/graphql");
          assertEquals(200, response.statusCode(), response::asString);
          List<Object> errors = response.jsonPath().getList("errors");
          if (allowed) {
            assertTrue(errors == null || errors.isEmpty(), response::asString);
          } else {
            assertFalse(errors == null || errors.isEmpty(), response::asString);
            assertEquals(
                "forbidden",
                response.jsonPath().getString("errors[0].extensions.code"),
                response::asString);
          }
        });
  }

  private static List<String> roles(Principal who) {
    return who.api().get().get("/api/v1/me").then().statusCode(200).extract().path("roles");
  }

  /** resource:ACTION for every grant of the roles; crm-admin holds every one. */
  private Set<String> grants(List<String> roles) {
    Set<String> out = new HashSet<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement all =
            c.prepareStatement(
                roles.contains("crm-admin")
                    ? "SELECT r.resource, a.action FROM (SELECT DISTINCT resource FROM"
                        + " role_permissions) r CROSS JOIN (VALUES ('READ'), ('CREATE'),"
                        + " ('UPDATE'), ('DELETE'), ('RESTORE'), ('EXPORT')) a(action)"
                    : "SELECT resource, action FROM role_permissions WHERE role = ANY (?)")) {
      if (!roles.contains("crm-admin")) {
        all.setArray(1, c.createArrayOf("text", roles.toArray()));
      }
      try (ResultSet rows = all.executeQuery()) {
        while (rows.next()) {
          out.add(rows.getString(1) + ":" + rows.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (roles.contains("crm-admin")) {
      for (Route route : routes()) {
        for (String action : List.of("READ", "CREATE", "UPDATE", "DELETE", "RESTORE", "EXPORT")) {
          out.add(route.resource() + ":" + action);
        }
      }
    }
    return out;
  }
}
