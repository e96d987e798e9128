package dev.headlesscrm.verify.owasp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.query.Relation;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource;
import dev.headlesscrm.platform.records.ReadOnlyRecordResource.Route;
import dev.headlesscrm.support.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records made generically, for any resource of the registry: the create body is the inventory's
 * example for {@code POST /x}, names and codes made unique, the owner set, and every reference
 * field pointed at a record of its relation's target (made the same way for owned targets, an
 * existing one otherwise). Created by the administrator through the API.
 */
public final class Fixtures {

  private final Map<String, Route> byResource = new LinkedHashMap<>();
  private final ResourceRegistry registry;
  private final Map<String, String> made = new LinkedHashMap<>();

  public Fixtures(Iterable<ReadOnlyRecordResource<?>> resources, ResourceRegistry registry) {
    this.registry = registry;
    for (ReadOnlyRecordResource<?> r : resources) {
      if (r.route().path() != null) {
        byResource.put(r.route().resource(), r.route());
      }
    }
  }

  public Map<String, Route> routes() {
    return byResource;
  }

  static Inventory.Operation createOperation(String path) {
    return Inventory.operations().stream()
        .filter(op -> op.method().equals("post") && op.path().equals(path))
        .findFirst()
        .orElse(null);
  }

  /** The body that creates a record of the route owned by owner (null owner: not set). */
  ObjectNode body(Route route, String owner, int depth) {
    Inventory.Operation post = createOperation(route.path());
    JsonNode example = post.requestExample();
    ObjectNode body =
        (ObjectNode) (example != null ? example : Inventory.sample(post.requestSchema()));
    String marker = "OWASP" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    body.remove("externalId");
    body.remove("custom");
    for (String unique : List.of("name", "code", "key", "username", "email")) {
      if (body.path(unique).isTextual()) {
        body.put(unique, unique.equals("email") ? marker.toLowerCase() + "@owasp.test" : marker);
      }
    }
    if (route.owned()
        && owner != null
        && Inventory.properties(post.requestSchema()).contains("ownerId")) {
      body.put("ownerId", owner);
    }
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      if (!field.endsWith("Id") || field.equals("ownerId")) {
        continue;
      }
      Relation relation =
          registry.get(route.resource()).relations().values().stream()
              .filter(r -> field.equals(r.field()) || field.equals(r.name() + "Id"))
              .findFirst()
              .orElse(null);
      // One agent profile per employee: each fixture profile gets an employee of its own.
      String id =
          route.resource().equals("agent-profile") && field.equals("employeeId")
              ? Api.asAdmin()
                  .body(
                      java.util.Map.of(
                          "name", marker, "email", marker.toLowerCase() + "@owasp.test"))
                  .post("/api/v1/employees")
                  .then()
                  .statusCode(201)
                  .extract()
                  .path("id")
              : relation == null ? null : reference(relation.target(), owner, depth);
      if (id == null) {
        body.remove(field);
      } else {
        body.put(field, id);
      }
    }
    return body;
  }

  private String reference(String resource, String owner, int depth) {
    Route route = byResource.get(resource);
    if (route == null) {
      return null;
    }
    // An earlier test may have completed or cancelled the first campaign, which takes no members.
    if (!route.owned() && !resource.equals("campaign")) {
      List<String> ids =
          Api.asAdmin().queryParam("limit", 1).get(route.path()).then().extract().path("data.id");
      if (ids != null && !ids.isEmpty()) {
        return ids.get(0);
      }
    }
    return create(route, owner, depth + 1);
  }

  /** Sets a required field named by a problem ({@code lines[0].unitPrice}, {@code contractId}). */
  private boolean fill(Route route, ObjectNode body, String field, String owner, int depth) {
    String[] segments = field.split("\\.");
    JsonNode schema = createOperation(route.path()).requestSchema();
    JsonNode node = body;
    for (int i = 0; i < segments.length - 1; i++) {
      String name = segments[i].replaceAll("\\[\\d+]$", "");
      node = node.path(name);
      schema = Inventory.resolve(schema).path("properties").path(name);
      if (segments[i].endsWith("]")) {
        node = node.path(Integer.parseInt(segments[i].replaceAll(".*\\[(\\d+)]$", "$1")));
        schema = Inventory.resolve(schema).path("items");
      }
    }
    String leaf = segments[segments.length - 1];
    if (!(node instanceof ObjectNode target) || leaf.contains("[")) {
      return false;
    }
    if (node == body && leaf.endsWith("Id")) {
      Relation relation =
          registry.get(route.resource()).relations().values().stream()
              .filter(r -> leaf.equals(r.field()) || leaf.equals(r.name() + "Id"))
              .findFirst()
              .orElse(null);
      String id = relation == null ? null : reference(relation.target(), owner, depth);
      if (id != null) {
        target.put(leaf, id);
        return true;
      }
      return false;
    }
    target.set(leaf, Inventory.sample(Inventory.resolve(schema).path("properties").path(leaf)));
    return true;
  }

  /** A record of the route owned by owner, made once per resource and owner; its id. */
  public String create(Route route, String owner, int depth) {
    String key = route.resource() + "/" + owner;
    if (made.containsKey(key)) {
      if (made.get(key) == null) {
        throw new AssertionError("fixture " + route.path() + " could not be made (see above)");
      }
      return made.get(key);
    }
    if (depth > 4 || createOperation(route.path()) == null) {
      return null;
    }
    ObjectNode body = body(route, owner, depth);
    Response response = Api.asAdmin().body(body.toString()).post(route.path());
    for (int attempt = 0; attempt < 3 && response.statusCode() == 422; attempt++) {
      // fill what the example leaves out and the service requires, from the request schema
      List<Map<String, Object>> errors = response.jsonPath().getList("errors");
      boolean repaired = false;
      for (Map<String, Object> error : errors == null ? List.<Map<String, Object>>of() : errors) {
        if ("required".equals(error.get("code"))) {
          repaired |= fill(route, body, String.valueOf(error.get("field")), owner, depth);
        }
      }
      if (!repaired) {
        break;
      }
      response = Api.asAdmin().body(body.toString()).post(route.path());
    }
    if (response.statusCode() != 201) {
      made.put(key, null);
      throw new AssertionError(
          "fixture "
              + route.path()
              + " "
              + body
              + " → "
              + response.statusCode()
              + " "
              + response.asString());
    }
    String id = response.path("id");
    made.put(key, id);
    return id;
  }
}
