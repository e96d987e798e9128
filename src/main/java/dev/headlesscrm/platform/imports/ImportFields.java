package dev.headlesscrm.platform.imports;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Lang;
import dev.headlesscrm.platform.metadata.FieldMetadata;
import dev.headlesscrm.platform.metadata.MetadataService;
import dev.headlesscrm.platform.metadata.ResourceMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an import of a resource may fill, for the calling user: derived from the resource's
 * declaration (its metadata), not listed per resource. A field becomes a column when the caller may
 * write it; objects give one column per nested field ({@code address.city}); custom fields give
 * {@code custom.<key>}; arrays of plain values take one cell split at semicolons.
 */
@ApplicationScoped
public class ImportFields {

  /** The resources a file may be imported into (API.md: the records integrators bring over). */
  public static final Set<String> RESOURCES =
      Set.of("customer", "contact", "lead", "product", "opportunity");

  /** One importable field: its path, type and the labels a header may use for it. */
  public record Field(
      String path,
      String type,
      String items,
      boolean required,
      List<FieldMetadata.Option> options,
      String relation,
      String pattern,
      Integer maxLength,
      String labelZh,
      String labelEn) {

    String label(Lang lang) {
      return lang == Lang.ZH ? labelZh : labelEn;
    }
  }

  /** The fields, in declaration order, as the resource's metadata has them for this caller. */
  public record Fields(ResourceMetadata metadata, Map<String, Field> byPath) {

    /** The field a header names: its path, or either label (case and spaces ignored). */
    public Field byHeader(String header) {
      if (header == null) {
        return null;
      }
      String h = normal(header);
      Field exact = byPath.get(header.strip());
      if (exact != null) {
        return exact;
      }
      for (Field f : byPath.values()) {
        if (normal(f.path()).equals(h)
            || normal(f.labelZh()).equals(h)
            || normal(f.labelEn()).equals(h)) {
          return f;
        }
      }
      return null;
    }

    private static String normal(String s) {
      return s == null ? "" : s.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
  }

  @Inject MetadataService metadata;

  /** The importable fields of {@code resource}; 404 for a resource imports do not serve. */
  public Fields of(String resource) {
    if (!RESOURCES.contains(resource)) {
      throw CrmException.notFound(
          "import template",
          resource
              + " (imports take "
              + String.join(", ", RESOURCES.stream().sorted().toList())
              + ")");
    }
    ResourceMetadata zh = metadata.resource(resource, Lang.ZH);
    ResourceMetadata en = metadata.resource(resource, Lang.EN);
    Map<String, Field> fields = new LinkedHashMap<>();
    for (int i = 0; i < zh.fields().size(); i++) {
      add(fields, "", zh.fields().get(i), en.fields().get(i));
    }
    return new Fields(en, fields);
  }

  private static void add(
      Map<String, Field> out, String prefix, FieldMetadata zh, FieldMetadata en) {
    if (zh.readOnly() || !zh.writable()) {
      return;
    }
    String path = prefix + zh.name();
    if ("object".equals(zh.type()) && zh.fields() != null) {
      for (int i = 0; i < zh.fields().size(); i++) {
        add(out, path + ".", zh.fields().get(i), en.fields().get(i));
      }
      return;
    }
    if ("array".equals(zh.type()) && zh.fields() != null && !zh.fields().isEmpty()) {
      return; // lines of objects (an order's items) have no single cell
    }
    String labelZh = prefix.isEmpty() ? zh.label() : label(prefix, zh.label(), "");
    String labelEn = prefix.isEmpty() ? en.label() : label(prefix, en.label(), " ");
    out.put(
        path,
        new Field(
            path,
            zh.type(),
            zh.items(),
            prefix.isEmpty() && zh.required(),
            zh.options(),
            zh.relation(),
            zh.pattern(),
            zh.maxLength(),
            labelZh,
            labelEn));
  }

  private static String label(String prefix, String label, String gap) {
    String parent = prefix.substring(0, prefix.length() - 1);
    return parent.equals("custom") ? label : parent + gap + label;
  }

  /** The columns of the template, with an example value each. */
  public List<ImportColumn> columns(Fields fields, Lang lang) {
    List<ImportColumn> columns = new ArrayList<>();
    for (Field f : fields.byPath().values()) {
      columns.add(
          new ImportColumn(
              f.path(),
              f.label(lang),
              f.type(),
              f.required(),
              f.options(),
              f.relation(),
              example(f, lang)));
    }
    return columns;
  }

  static String example(Field f, Lang lang) {
    if (f.options() != null && !f.options().isEmpty()) {
      FieldMetadata.Option first =
          f.options().stream()
              .filter(FieldMetadata.Option::active)
              .findFirst()
              .orElse(f.options().get(0));
      return first.value();
    }
    if (f.relation() != null || f.pattern() != null) {
      return null; // which record, or what the pattern allows, only the caller knows
    }
    String leaf = f.path().substring(f.path().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String example =
        switch (f.type()) {
          case "integer" -> "10";
          case "decimal" -> "1000.00";
          case "boolean" -> "true";
          case "date" -> "2026-12-31";
          case "datetime" -> "2026-12-31T09:30:00+08:00";
          case "uuid" -> "0193a000-0000-7000-8000-000000000001";
          case "array" -> lang == Lang.ZH ? "重点;华东" : "key;east";
          default ->
              leaf.contains("email")
                  ? "zhang.san@example.com"
                  : leaf.contains("phone") || leaf.contains("mobile") || leaf.contains("fax")
                      ? "13800138000"
                      : leaf.contains("website") || leaf.contains("url")
                          ? "https://example.com"
                          : (lang == Lang.ZH ? "示例" : "Example ") + f.label(lang);
        };
    return f.maxLength() != null && example.length() > f.maxLength()
        ? example.substring(0, f.maxLength())
        : example;
  }
}
