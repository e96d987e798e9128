package dev.headlesscrm.verify.owasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * OWASP API9:2023 improper inventory management: the routes the running service serves are exactly
 * the committed document's (no shadow or forgotten endpoint, no documented route that is gone). The
 * served routes are enumerated from the JAX-RS resource beans of the running application (class and
 * method {@code @Path}, HTTP method annotations, inherited from the generic record resources); the
 * contract endpoints ({@code /q/*}, {@code /graphql}) are outside both. And on every documented
 * path an undocumented method answers 405 problem+json. {@link
 * dev.headlesscrm.contract.ContractDriftTest} keeps the committed document equal to the served one.
 */
@QuarkusTest
class Api9InventoryTest {

  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
  private static int cases;

  @Inject BeanManager beans;

  static String normalise(String path) {
    String p = ("/" + path).replaceAll("\\{[^}]*}", "{}").replaceAll("/+", "/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private static Path classPath(Class<?> type) {
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      Path path = t.getAnnotation(Path.class);
      if (path != null) {
        return path;
      }
    }
    return null;
  }

  /** The method's JAX-RS annotation of the given kind, on it or on what it overrides. */
  private static <A extends Annotation> A inherited(Method m, Class<A> kind, Class<?> type) {
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      try {
        Method candidate = t.getDeclaredMethod(m.getName(), m.getParameterTypes());
        A found = candidate.getAnnotation(kind);
        if (found != null) {
          return found;
        }
      } catch (NoSuchMethodException e) {
        // not declared here
      }
    }
    return null;
  }

  private static String httpMethod(Method m, Class<?> type) {
    for (Class<?> t = type; t != null && t != Object.class; t = t.getSuperclass()) {
      try {
        Method candidate = t.getDeclaredMethod(m.getName(), m.getParameterTypes());
        for (Annotation a : candidate.getAnnotations()) {
          HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
          if (http != null) {
            return http.value();
          }
        }
      } catch (NoSuchMethodException e) {
        // not declared here
      }
    }
    return null;
  }

  Set<String> served() {
    Set<String> out = new TreeSet<>();
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      Path root = classPath(type);
      if (root == null) {
        continue;
      }
      for (Method m : type.getMethods()) {
        if (m.isBridge() || m.isSynthetic()) {
          continue;
        }
        String http = httpMethod(m, type);
        if (http == null || !METHODS.contains(http)) {
          continue;
        }
        Path sub = inherited(m, Path.class, type);
        out.add(http + " " + normalise(root.value() + (sub == null ? "" : "/" + sub.value())));
      }
    }
    return out;
  }

  /** Whether the served but undocumented route refuses every call as a method not allowed. */
  private boolean refusedAsUnsupported(String route) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace("{}", "OWASP-PROBE");
    Response response = Api.asAdmin().body("{\"name\":\"OWASP-PROBE\"}").request(method, path);
    ErrorBodies.seen(route, response);
    cases++;
    System.out.printf(
        "[OWASP API9] served, undocumented: %s → %d %s%n",
        route, response.statusCode(), response.asString());
    return response.statusCode() == 405
        && response.contentType().startsWith("application/problem+json");
  }

  static Set<String> documented() {
    Set<String> out = new TreeSet<>();
    Inventory.methodsByPath()
        .forEach(
            (path, methods) ->
                methods.forEach(m -> out.add(m.toUpperCase() + " " + normalise(path))));
    return out;
  }

  @Test
  void theServedRoutesAreTheDocumentedRoutes() {
    Set<String> served = served();
    Set<String> documented = documented();
    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documented);
    // resources of the test sources (src/test: /api/test/...) are not part of the product
    undocumented.removeIf(route -> route.contains(" /api/test/"));
    // a generic route the resource does not support must refuse like an unknown one
    undocumented.removeIf(this::refusedAsUnsupported);
    Set<String> gone = new TreeSet<>(documented);
    gone.removeAll(served);
    System.out.printf(
        "[OWASP API9] %d served routes, %d documented operations%n",
        served.size(), documented.size());
    cases += served.size();
    assertTrue(served.size() > 200, () -> "served routes found: " + served);
    assertEquals(Set.of(), undocumented, "served but not in openapi/openapi.yaml");
    assertEquals(Set.of(), gone, "documented but not served");
  }

  @Test
  void anUndocumentedMethodOnADocumentedPathIsA405Problem() {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Set<String>> entry : Inventory.methodsByPath().entrySet()) {
      String path =
          entry
              .getKey()
              .replaceAll("\\{(id|\\w+Id)}", UUID.randomUUID().toString())
              .replaceAll("\\{\\w+}", "no-such-" + UUID.randomUUID().toString().substring(0, 6));
      for (String method : METHODS) {
        if (entry.getValue().contains(method.toLowerCase())) {
          continue;
        }
        Response response = Api.as("rep.zhang").request(method, path);
        ErrorBodies.seen(method + " " + path, response);
        cases++;
        // another documented route of this method may take the path (GET /x/batch is GET /x/{id}
        // with a malformed id): then its own refusal (400/404) is the right answer
        boolean shadowed =
            Inventory.methodsByPath().entrySet().stream()
                .anyMatch(
                    e ->
                        e.getValue().contains(method.toLowerCase())
                            && path.matches(e.getKey().replaceAll("\\{\\w+}", "[^/]+")));
        boolean expected =
            response.statusCode() == 405
                || (shadowed && (response.statusCode() == 400 || response.statusCode() == 404));
        if (!expected || !response.contentType().startsWith("application/problem+json")) {
          wrong.add(method + " " + entry.getKey() + " → " + response.statusCode());
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @AfterAll
  static void report() {
    System.out.printf("[OWASP API9] %d route cases%n", cases);
    ErrorBodies.verify("API9");
  }
}
