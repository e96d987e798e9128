package dev.headlesscrm.platform.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import org.eclipse.microprofile.graphql.Ignore;

/** How GraphQL inputs meet the services' merge-patch writes. */
public final class GraphQlInputs {

  private GraphQlInputs() {}

  /**
   * A GraphQL update as a merge patch: GraphQL cannot tell a field left out from one sent as null,
   * so both mean "leave as it is" (documented in the schema); clearing a field is REST PATCH's job
   * ({@code "field": null}). Fields GraphQL does not expose stay as they are too.
   */
  public static ObjectNode patch(ObjectMapper json, Object input) {
    ObjectNode patch = replacement(json, input);
    patch.properties().removeIf(e -> e.getValue().isNull());
    return patch;
  }

  /** All the input's fields (nulls included): the body of a create. */
  public static ObjectNode replacement(ObjectMapper json, Object input) {
    ObjectNode patch = json.valueToTree(input);
    if (input.getClass().isRecord()) {
      for (RecordComponent c : input.getClass().getRecordComponents()) {
        if (c.isAnnotationPresent(Ignore.class)
            || (c.getAccessor().isAnnotationPresent(Ignore.class))) {
          patch.remove(c.getName());
        }
      }
    }
    return patch;
  }
}
