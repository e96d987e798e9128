package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.CrmException.Violation;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.metadata.DictionaryOptions;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.PatternSyntaxException;

/**
 * Custom field definitions (自定义字段) with the record life of any resource: ETags, history, events,
 * batch. Resource, key and type are fixed once created (stored values depend on them); saving one
 * creates the index its filters and sorts use. Deleting retires it: values stay readable, new ones
 * are refused; restoring brings it back.
 */
@ApplicationScoped
public class CustomFieldService
    extends RecordService<CustomFieldDefinition, CustomFieldView, CustomFieldInput> {

  private static final RecordDefinition<CustomFieldDefinition, CustomFieldView, CustomFieldInput>
      DEFINITION =
          RecordDefinition.of(
                  CustomFieldResources.CUSTOM_FIELDS,
                  CustomFieldDefinition.class,
                  CustomFieldView.class,
                  CustomFieldInput.class)
              .view(
                  "maxLength",
                  d -> d.type != null && d.type.textual() ? d.rules().effectiveMaxLength() : null)
              .view("path", d -> "custom." + d.key)
              .build();

  @Inject CustomFieldCatalogue catalogue;
  @Inject ResourceRegistry registry;
  @Inject References referenced;
  @Inject Instance<DictionaryOptions> dictionaries;

  @Override
  protected RecordDefinition<CustomFieldDefinition, CustomFieldView, CustomFieldInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(CustomFieldInput in, CustomFieldDefinition d, boolean creating) {
    List<Violation> violations = new ArrayList<>();
    if (creating) {
      List<String> extensible = catalogue.extensible();
      if (!extensible.contains(in.resource())) {
        violations.add(
            new Violation(
                "resource",
                "unknown",
                Text.of(
                    "Custom fields extend one of: " + String.join(", ", extensible) + ".",
                    "自定义字段只能用于：" + String.join("、", extensible) + "。")));
      }
    } else {
      fixed("resource", d.resource, in.resource(), violations);
      fixed("key", d.key, in.key(), violations);
      fixed("type", d.type, in.type(), violations);
    }
    CustomFieldType type = in.type();
    boolean unique = Boolean.TRUE.equals(in.unique());
    checkType(in, type, unique, violations);
    if (!violations.isEmpty()) {
      throw CrmException.validation(violations);
    }
    copy(in, d);
    d.labelZh = in.labelZh().strip();
    d.labelEn = in.labelEn() == null || in.labelEn().isBlank() ? null : in.labelEn().strip();
    d.pattern = type.textual() ? in.pattern() : null;
    d.minimum = type.numeric() ? in.minimum() : null;
    d.maximum = type.numeric() ? in.maximum() : null;
    d.maxLength = type.textual() ? in.maxLength() : null;
    d.dictionary = type.usesDictionary() ? in.dictionary() : null;
    d.referenceResource = type == CustomFieldType.REFERENCE ? in.referenceResource() : null;
  }

  private void checkType(
      CustomFieldInput in, CustomFieldType type, boolean unique, List<Violation> violations) {
    if (in.pattern() != null && !in.pattern().isBlank()) {
      if (!type.textual()) {
        violations.add(notFor("pattern", "text and long text"));
      } else {
        try {
          java.util.regex.Pattern.compile(in.pattern());
        } catch (PatternSyntaxException e) {
          violations.add(
              new Violation(
                  "pattern",
                  "pattern",
                  Text.of(
                      "Not a valid regular expression: " + e.getDescription() + ".",
                      "不是有效的正则表达式：" + e.getDescription() + "。")));
        }
      }
    }
    if ((in.minimum() != null || in.maximum() != null) && !type.numeric()) {
      violations.add(notFor(in.minimum() != null ? "minimum" : "maximum", "number and money"));
    }
    if (in.minimum() != null && in.maximum() != null && in.minimum().compareTo(in.maximum()) > 0) {
      violations.add(
          new Violation(
              "minimum", "range", Text.of("The minimum exceeds the maximum.", "最小值大于最大值。")));
    }
    if (in.maxLength() != null && !type.textual()) {
      violations.add(notFor("maxLength", "text and long text"));
    }
    if (in.maxLength() != null && type == CustomFieldType.TEXT && in.maxLength() > 1000) {
      violations.add(
          new Violation(
              "maxLength",
              "max",
              Text.of(
                  "Text holds at most 1000 characters; use LONG_TEXT for more.",
                  "单行文本最多 1000 个字符，更长请用 LONG_TEXT。")));
    }
    if (unique && !type.mayBeUnique()) {
      violations.add(notFor("unique", "types other than boolean, long text and multi-select"));
    }
    if (type.usesDictionary()) {
      if (in.dictionary() == null || in.dictionary().isBlank()) {
        violations.add(required("dictionary"));
      } else if (!dictionaries.isResolvable()
          || dictionaries.get().options(in.dictionary()).isEmpty()) {
        violations.add(
            new Violation(
                "dictionary",
                "not-found",
                Text.of(
                    "No dictionary '" + in.dictionary() + "' with entries.",
                    "字典 '" + in.dictionary() + "' 不存在或没有条目。")));
      }
    } else if (in.dictionary() != null && !in.dictionary().isBlank()) {
      violations.add(notFor("dictionary", "select and multi-select"));
    }
    if (type == CustomFieldType.REFERENCE) {
      String target = in.referenceResource();
      if (target == null || target.isBlank()) {
        violations.add(required("referenceResource"));
      } else if (!registry.has(target) || referenced.serviceOf(target).isEmpty()) {
        violations.add(
            new Violation(
                "referenceResource",
                "unknown",
                Text.of("No resource '" + target + "'.", "不存在资源 '" + target + "'。")));
      }
    } else if (in.referenceResource() != null && !in.referenceResource().isBlank()) {
      violations.add(notFor("referenceResource", "references"));
    }
  }

  private static void fixed(String field, Object stored, Object given, List<Violation> out) {
    if (!Objects.equals(stored, given)) {
      out.add(
          new Violation(
              field,
              "immutable",
              Text.of(
                  "Fixed once the field exists (stored values depend on it); define a new field"
                      + " instead.",
                  "字段创建后不能修改（已存的值依赖它），请另建字段。")));
    }
  }

  private static Violation notFor(String field, String types) {
    return new Violation(
        field, "not-applicable", Text.of("Applies to " + types + " only.", "仅适用于：" + types + "。"));
  }

  private static Violation required(String field) {
    return new Violation(field, "required", Text.of("Required for this type.", "该类型必须填写。"));
  }

  @Override
  protected void afterSave(CustomFieldDefinition d, boolean created) {
    catalogue.install(d);
    catalogue.changed();
  }

  @Override
  protected void beforeDelete(CustomFieldDefinition d) {
    catalogue.changed();
  }

  @Override
  @Transactional
  public CustomFieldView restore(UUID id) {
    CustomFieldView restored = super.restore(id);
    catalogue.changed();
    return restored;
  }
}
