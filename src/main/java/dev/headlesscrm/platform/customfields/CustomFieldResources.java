package dev.headlesscrm.platform.customfields;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.query.FieldType;
import dev.headlesscrm.platform.query.ResourceDeclarations;
import dev.headlesscrm.platform.query.ResourceSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The custom field definitions as a resource, and what their constraints mean to a client. */
@ApplicationScoped
public class CustomFieldResources implements ResourceDeclarations, ConstraintProblems {

  static final ResourceSpec CUSTOM_FIELDS =
      ResourceSpec.builder("custom-field", "custom_field_definitions")
          .view(CustomFieldView.class)
          .field("resource", "resource", FieldType.STRING, true, false)
          .field("key", "field_key", FieldType.STRING, true, false)
          .enumField("type", "type", CustomFieldType.class, true)
          .field("required", "required", FieldType.BOOLEAN, false, false)
          .field("unique", "is_unique", FieldType.BOOLEAN, false, false)
          .field("dictionary", "dictionary", FieldType.STRING, false, true)
          .field("referenceResource", "reference_resource", FieldType.STRING, false, true)
          .field("sortOrder", "sort_order", FieldType.INTEGER, true, false)
          .labels(
              "resource", "所属资源",
              "key", "字段键",
              "type", "字段类型",
              "labelZh", "中文名称",
              "labelEn", "英文名称",
              "required", "必填",
              "unique", "唯一",
              "sortOrder", "排序")
          .auditFields()
          .softDelete()
          .build();

  @Override
  public List<ResourceSpec> resources() {
    return List.of(CUSTOM_FIELDS);
  }

  @Override
  public Map<String, Meaning> constraints() {
    return Map.of(
        "custom_field_definitions_key",
        Meaning.duplicate(
            "key",
            Text.of(
                "The resource already has a custom field with this key (retired ones count: restore"
                    + " it instead).",
                "该资源已有使用此键的自定义字段（已停用的也算，可将其恢复）。")));
  }
}
