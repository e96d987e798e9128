package dev.headlesscrm.platform.openapi;

import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The contract holds the schemas some operation reaches. SmallRye also adds every class of its
 * index annotated {@code @Schema}, so a view of a resource no route serves (one of the test
 * sources) would appear without any path using it; those are left out.
 */
final class Reachable {

  private static final String REF = "#/components/schemas/";

  private Reachable() {}

  static void pruneSchemas(OpenAPI openApi) {
    Components components = openApi.getComponents();
    if (components == null || components.getSchemas() == null) {
      return;
    }
    Deque<Schema> work = new LinkedList<>(); // takes the nulls of absent parts
    if (openApi.getPaths() != null) {
      openApi
          .getPaths()
          .getPathItems()
          .values()
          .forEach(item -> item.getOperations().values().forEach(op -> operation(op, work)));
    }
    if (components.getHeaders() != null) {
      components.getHeaders().values().forEach(h -> header(h, work));
    }
    Set<String> reached = new HashSet<>();
    while (!work.isEmpty()) {
      Schema schema = work.pop();
      if (schema == null) {
        continue;
      }
      String ref = schema.getRef();
      if (ref != null && ref.startsWith(REF)) {
        String name = ref.substring(REF.length());
        if (reached.add(name)) {
          work.push(components.getSchemas().get(name));
        }
      }
      if (schema.getProperties() != null) {
        work.addAll(schema.getProperties().values());
      }
      work.push(schema.getItems());
      work.push(schema.getAdditionalPropertiesSchema());
      work.push(schema.getNot());
      for (List<Schema> each :
          java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
        if (each != null) {
          work.addAll(each);
        }
      }
    }
    for (String name : Set.copyOf(components.getSchemas().keySet())) {
      if (!reached.contains(name)) {
        components.removeSchema(name);
      }
    }
  }

  private static void operation(Operation op, Deque<Schema> work) {
    if (op.getParameters() != null) {
      for (Parameter p : op.getParameters()) {
        work.push(p.getSchema());
        content(p.getContent(), work);
      }
    }
    if (op.getRequestBody() != null) {
      content(op.getRequestBody().getContent(), work);
    }
    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
      for (APIResponse r : op.getResponses().getAPIResponses().values()) {
        content(r.getContent(), work);
        if (r.getHeaders() != null) {
          r.getHeaders().values().forEach(h -> header(h, work));
        }
      }
    }
  }

  private static void header(Header header, Deque<Schema> work) {
    work.push(header.getSchema());
    content(header.getContent(), work);
  }

  private static void content(Content content, Deque<Schema> work) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (Map.Entry<String, MediaType> m : content.getMediaTypes().entrySet()) {
      work.push(m.getValue().getSchema());
    }
  }
}
