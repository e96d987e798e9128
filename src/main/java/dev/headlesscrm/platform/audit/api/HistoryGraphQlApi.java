package dev.headlesscrm.platform.audit.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.audit.FieldChange;
import dev.headlesscrm.platform.audit.HistoryEntryView;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;

/**
 * The field-level history of any record over GraphQL, the twin of every REST {@code /{id}/history}
 * route: one query for all resources, through each resource's own service (its read permission,
 * data scope and field permissions apply).
 */
@GraphQLApi
@GraphQlProblems
public class HistoryGraphQlApi {

  @Inject References references;
  @Inject ObjectMapper json;

  /** One change to a record. */
  @Type("HistoryEntry")
  @Description("One change to a record, field by field.")
  public record Entry(
      @Id UUID id,
      @Description("created, updated, deleted, restored, transferred, or a domain action")
          String action,
      @Description("The record's version after the change") long version,
      @Description("Who made the change; null for system work") UUID actor,
      Instant occurredAt,
      List<Change> changes) {}

  /** One field's values before and after. */
  @Type("FieldChange")
  @Description("A field's value before and after a change, each as JSON text (null: no value).")
  public record Change(String field, String old, @Name("new") String current) {}

  /** A page of history, newest first. */
  @Type("HistoryPage")
  public record HistoryPage(List<Entry> entries, String nextCursor, boolean hasMore) {}

  @Query("recordHistory")
  @Description(
      "A record's field-level change history, newest first (as GET /api/v1/<collection>/{id}"
          + "/history). resource is a name from metadata (customer, contract...).")
  public HistoryPage recordHistory(
      @NonNull String resource,
      @Id @NonNull String id,
      Integer first,
      String after,
      Boolean includeDeleted) {
    RecordService<?, ?, ?> service =
        references
            .serviceOf(resource)
            .orElseThrow(() -> CrmException.notFound("resource", resource));
    Page<HistoryEntryView> page =
        service.history(
            Ids.parse(id), PageRequest.of(first, after), Boolean.TRUE.equals(includeDeleted));
    List<Entry> entries = new ArrayList<>();
    for (HistoryEntryView e : page.data()) {
      List<Change> changes = new ArrayList<>();
      if (e.changes() != null) {
        for (Map.Entry<String, FieldChange> c : e.changes().entrySet()) {
          changes.add(
              new Change(c.getKey(), text(c.getValue().old()), text(c.getValue().current())));
        }
      }
      entries.add(new Entry(e.id(), e.action(), e.version(), e.actor(), e.occurredAt(), changes));
    }
    return new HistoryPage(entries, page.page().nextCursor(), page.page().hasMore());
  }

  private String text(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unwritable history value", e);
    }
  }
}
