package dev.headlesscrm.catalogue;

import dev.headlesscrm.support.Api;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** Test fixtures: products and categories made through the API by the sales manager. */
public final class Products {
  private Products() {}

  public static final String MANAGER = "manager.wang";

  public static Map<String, Object> product(String code, String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", name);
    return body;
  }

  public static Response create(Map<String, Object> body) {
    Response r = Api.as(MANAGER).body(body).post("/api/v1/products");
    r.then().statusCode(201);
    return r;
  }

  public static String category(String code, String parentId) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "类别 " + code);
    body.put("parentId", parentId);
    return Api.as(MANAGER)
        .body(body)
        .post("/api/v1/product-categories")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A JSON number exactly as sent (scale included), not as a float. */
  public static BigDecimal decimal(Response r, String path) {
    Object value =
        r.jsonPath(
                JsonPathConfig.jsonPathConfig()
                    .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
            .get(path);
    return value == null ? null : new BigDecimal(value.toString());
  }
}
