package dev.headlesscrm.platform.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Shapes list rows as clients asked: {@code expand=owner,customer.owner} embeds related records
 * (depth at most 2, one query per relation and level) and {@code fields=id,name} keeps only the
 * named fields ({@code id} always stays).
 */
@ApplicationScoped
public class Projector {

  static final int MAX_DEPTH = 2;

  @Inject ObjectMapper json;
  @Inject ResourceRegistry registry;
  @Inject FieldVisibility visibility;

  private final Map<String, RecordLoader> loaders = new HashMap<>();

  @Inject
  void loaders(Instance<RecordLoader> declared) {
    declared.forEach(l -> loaders.put(l.resource(), l));
  }

  public Page<JsonNode> shape(
      ResourceSpec spec, Class<?> view, Page<?> page, List<String> fields, List<String> expand) {
    List<ObjectNode> rows = new ArrayList<>();
    for (Object row : page.data()) {
      rows.add(visible(spec, json.valueToTree(row)));
    }
    if (expand != null && !expand.isEmpty()) {
      expand(spec, rows, tree(spec, expand));
    }
    if (fields != null && !fields.isEmpty()) {
      Set<String> keep = allowedFields(view, fields, expand);
      for (String field : keep) {
        if (visibility.hidden(spec.name(), field)) {
          throw FieldVisibility.refused("fields", field);
        }
      }
      rows.forEach(r -> r.retain(keep));
    }
    return new Page<>(new ArrayList<JsonNode>(rows), page.page());
  }

  /** {@code [customer.owner, owner]} becomes {customer: {owner: {}}, owner: {}}, validated. */
  private Map<String, Map<String, ?>> tree(ResourceSpec spec, List<String> paths) {
    Map<String, Map<String, ?>> root = new LinkedHashMap<>();
    for (String path : paths) {
      String[] parts = path.split("\\.");
      if (parts.length > MAX_DEPTH) {
        throw bad("expand goes at most " + MAX_DEPTH + " levels deep: '" + path + "'.");
      }
      ResourceSpec at = spec;
      @SuppressWarnings({"unchecked", "rawtypes"})
      Map<String, Map<String, ?>> level = root;
      for (String part : parts) {
        Relation relation = at.relations().get(part);
        if (relation == null) {
          throw bad(
              "Cannot expand '"
                  + path
                  + "'. Expandable: "
                  + String.join(", ", at.relations().keySet())
                  + ".");
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, ?>> next =
            (Map<String, Map<String, ?>>) level.computeIfAbsent(part, k -> new LinkedHashMap<>());
        level = next;
        at = registry.get(relation.target());
      }
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private void expand(ResourceSpec spec, List<ObjectNode> rows, Map<String, Map<String, ?>> tree) {
    for (Map.Entry<String, Map<String, ?>> entry : tree.entrySet()) {
      Relation relation = spec.relations().get(entry.getKey());
      String idField = relation.name() + "Id";
      Set<UUID> ids = new LinkedHashSet<>();
      for (ObjectNode row : rows) {
        JsonNode id = row.get(idField);
        if (id != null && !id.isNull()) {
          ids.add(UUID.fromString(id.asText()));
        }
      }
      RecordLoader loader = loaders.get(relation.target());
      Map<UUID, ?> loaded = ids.isEmpty() || loader == null ? Map.of() : loader.load(ids);
      List<ObjectNode> embedded = new ArrayList<>();
      for (ObjectNode row : rows) {
        JsonNode id = row.get(idField);
        Object target = id == null || id.isNull() ? null : loaded.get(UUID.fromString(id.asText()));
        if (target == null) {
          row.putNull(relation.name());
        } else {
          ObjectNode node = visible(registry.get(relation.target()), json.valueToTree(target));
          row.set(relation.name(), node);
          embedded.add(node);
        }
      }
      Map<String, Map<String, ?>> deeper = (Map<String, Map<String, ?>>) entry.getValue();
      if (!deeper.isEmpty() && !embedded.isEmpty()) {
        expand(registry.get(relation.target()), embedded, deeper);
      }
    }
  }

  /** The row without the fields the caller may not see. */
  private ObjectNode visible(ResourceSpec spec, ObjectNode row) {
    row.properties().removeIf(e -> visibility.hidden(spec.name(), e.getKey()));
    // A record may withhold fields of its own (a pool customer's phones): see WithheldFields.
    com.fasterxml.jackson.databind.JsonNode withheld = row.get("hiddenFields");
    if (withheld != null && withheld.isArray() && !withheld.isEmpty()) {
      withheld.forEach(f -> row.remove(f.asText()));
    }
    return row;
  }

  private static Set<String> allowedFields(
      Class<?> view, List<String> fields, List<String> expand) {
    Set<String> known = new HashSet<>();
    if (view.isRecord()) {
      for (var component : view.getRecordComponents()) {
        known.add(component.getName());
      }
    }
    Set<String> keep = new LinkedHashSet<>();
    keep.add("id");
    for (String field : fields) {
      if (!known.contains(field)) {
        throw bad(
            "Unknown field '" + field + "' in fields. Known: " + String.join(", ", known) + ".");
      }
      keep.add(field);
    }
    if (expand != null) {
      expand.forEach(path -> keep.add(path.split("\\.")[0]));
    }
    return keep;
  }

  private static CrmException bad(String en) {
    return CrmException.malformed(Text.of(en, "参数错误：" + en));
  }
}
