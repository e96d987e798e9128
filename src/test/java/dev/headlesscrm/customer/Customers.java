package dev.headlesscrm.customer;

import dev.headlesscrm.support.Api;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;

/** Test fixtures: customers and contacts made through the API, each test its own. */
final class Customers {
  private Customers() {}

  static Map<String, Object> customer(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    return body;
  }

  static Response create(Map<String, Object> body) {
    Response r = Api.as("rep.zhang").body(body).post("/api/v1/customers");
    r.then().statusCode(201);
    return r;
  }

  static String createId(String name) {
    return create(customer(name)).path("id");
  }

  static String contact(String customerId, String name) {
    return Api.as("rep.zhang")
        .body(Map.of("customerId", customerId, "name", name))
        .post("/api/v1/contacts")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
