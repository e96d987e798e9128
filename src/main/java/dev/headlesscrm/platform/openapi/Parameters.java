package dev.headlesscrm.platform.openapi;

import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.query.Field;
import dev.headlesscrm.platform.query.ResourceSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The parameters every list, export and record route shares, described once with their bounds,
 * defaults and enums; {@code filter}, {@code sort} and {@code expand} name the fields and relations
 * of the route's own resource. A description or bound an operation declares itself wins.
 */
final class Parameters {

  private Parameters() {}

  static void describe(String path, Operation operation, ResourceSpec spec) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter p : operation.getParameters()) {
      if (p.getRef() != null || p.getName() == null) {
        continue;
      }
      Schema schema = p.getSchema();
      switch (p.getName()) {
        case "limit" -> {
          if (schema != null && schema.getMaximum() == null) {
            schema
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                .defaultValue(PageRequest.DEFAULT_LIMIT);
          }
          text(
              p,
              "Page size, 1 to "
                  + PageRequest.MAX_LIMIT
                  + " (default "
                  + PageRequest.DEFAULT_LIMIT
                  + ").");
        }
        case "cursor" ->
            text(p, "page.nextCursor of the previous page; leave it out for the first page.");
        case "count" ->
            text(p, "true adds page.total, the exact number of matching records (one more query).");
        case "q" ->
            text(
                p,
                "Free text over the resource's searchable text (names, numbers, phones, pinyin"
                    + " initials; two Chinese characters are enough).");
        case "fields" ->
            text(p, "Comma-separated fields to return (sparse fieldset), e.g. id,name,version.");
        case "includeDeleted" -> text(p, "true includes soft-deleted records (deletedAt set).");
        case "permanent" ->
            text(p, "true erases the record for good instead of a soft delete (needs erase).");
        case "format" -> {
          if (schema != null && schema.getEnumeration() == null) {
            schema.enumeration(List.of("csv", "xlsx")).defaultValue("csv");
          }
          text(p, "csv (UTF-8 with BOM) or xlsx; csv when left out.");
        }
        case "If-Match" ->
            text(
                p,
                "The ETag of the version the change is based on (W/\"3\"); a stale one answers"
                    + " 412 and changes nothing.");
        case "If-None-Match" -> text(p, "An ETag you hold; 304 without a body when unchanged.");
        case "id" -> text(p, "The record's id (a UUID).");
        case "employeeId" -> text(p, "The employee's id.");
        case "externalId" ->
            text(p, "The record's id in the integrator's system (1 to 100 characters).");
        case "quoteId" -> text(p, "The accepted quote the contract is made from.");
        case "contractId" -> text(p, "The approved or active contract the order is made from.");
        case "name" -> text(p, "The new contract's name; the quote's when left out.");
        case "kind" -> text(p, "The dictionary kind (industry, customer-level, lead-source...).");
        case "code" -> text(p, "The entry's code, what records store (letters, digits, - and _).");
        case "Accept-Language" ->
            text(p, "zh-CN (the default) or en: the language of labels and messages.");
        case "resource" -> text(p, "A resource name as GET /api/v1/metadata lists it (customer).");
        case "key" ->
            text(
                p,
                path.contains("numbering")
                    ? "The rule's key: the resource whose numbers it issues (customer, quote...)."
                    : "The system parameter's key (decimal-places.amount, receivable-reminder-days).");
        case "withinDays" ->
            text(p, "Days ahead to look; the receivable-reminder-days setting when left out.");
        case "role" -> text(p, "A realm role (sales-rep, sales-manager, crm-admin...).");
        case "departmentId" -> text(p, "Only the targets set for this department.");
        case "filter" -> text(p, filter(spec, path));
        case "sort" -> text(p, sort(spec));
        case "expand" -> text(p, expand(spec));
        default -> {}
      }
    }
  }

  private static void text(Parameter p, String description) {
    if (p.getDescription() == null || p.getDescription().isBlank()) {
      p.setDescription(description);
    }
  }

  static String filter(ResourceSpec spec, String path) {
    String search =
        spec == null
            ? "POST .../search"
            : "POST /api/v1/" + RecordRoutes.collection(path) + "/search";
    String base =
        "RSQL filter (==, !=, =gt=, =ge=, =lt=, =le=, =in=, =out=, =like=, =isnull=; ';' is and,"
            + " ',' is or), at most 4000 characters: that fits a GET even in Chinese,"
            + " percent-encoded (the URL may have 48 KiB; a longer one is a 414). Longer filters go"
            + " in the JSON body of "
            + search
            + ".";
    if (spec == null) {
      return base;
    }
    List<String> fields =
        spec.fields().values().stream().filter(Field::filterable).map(Field::name).toList();
    StringBuilder out = new StringBuilder(base).append(" Filterable: ");
    out.append(String.join(", ", fields));
    if (!spec.relations().isEmpty()) {
      out.append("; through relations: ")
          .append(
              String.join(
                  ", ", spec.relations().keySet().stream().map(r -> r + ".<field>").toList()));
    }
    if (spec.customFieldsColumn() != null) {
      out.append("; custom fields: custom.<key>");
    }
    return out.append('.').toString();
  }

  static String sort(ResourceSpec spec) {
    String base = "Comma-separated fields, '-' before one for descending; id breaks ties.";
    if (spec == null) {
      return base;
    }
    return base
        + " Sortable: "
        + String.join(", ", spec.sortableFields())
        + (spec.customFieldsColumn() != null ? ", custom.<key> (by the field's type)" : "")
        + ".";
  }

  static String expand(ResourceSpec spec) {
    String base = "Comma-separated relations to embed in each record (owner, customer.owner).";
    if (spec == null || spec.relations().isEmpty()) {
      return base;
    }
    return base + " Relations: " + String.join(", ", spec.relations().keySet()) + ".";
  }

  /** Resource spec by REST collection path, from the routes each resource registers. */
  static Map<String, ResourceSpec> byPath() {
    var container = io.quarkus.arc.Arc.container();
    if (container == null || !container.isRunning()) {
      return Map.of();
    }
    var registry = container.select(dev.headlesscrm.platform.query.ResourceRegistry.class).get();
    Map<String, ResourceSpec> out = new java.util.HashMap<>();
    container
        .select(
            new jakarta.enterprise.util.TypeLiteral<
                dev.headlesscrm.platform.records.ReadOnlyRecordResource<?>>() {})
        .stream()
        .map(dev.headlesscrm.platform.records.ReadOnlyRecordResource::route)
        .filter(r -> r.path() != null && registry.has(r.resource()))
        .forEach(r -> out.putIfAbsent(r.path(), registry.get(r.resource())));
    return out;
  }

  /** The spec whose collection the path is under ({@code /api/v1/customers/{id}} → customer). */
  static ResourceSpec specOf(String path, Map<String, ResourceSpec> byPath) {
    String collection = "/api/v1/" + RecordRoutes.collection(path);
    return byPath.get(collection);
  }
}
