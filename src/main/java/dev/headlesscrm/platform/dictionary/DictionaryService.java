package dev.headlesscrm.platform.dictionary;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.security.AccessPolicy;
import dev.headlesscrm.platform.security.Action;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The value lists coded fields draw from (industry, source, ...), so clients can offer the right
 * choices.
 */
@ApplicationScoped
public class DictionaryService {

  @Inject DictionaryRepository dictionaries;
  @Inject AccessPolicy access;
  @Inject InputValidator validator;

  /** Which dictionary each coded field of any resource draws from ({@code resource.field}). */
  @Inject dev.headlesscrm.platform.query.ResourceRegistry registry;

  private volatile Map<String, String> kinds;

  /** From the resources' declarations: customer fields unprefixed, others as resource.field. */
  private Map<String, String> kindsByField() {
    if (kinds == null) {
      Map<String, String> out = new java.util.TreeMap<>();
      registry
          .all()
          .forEach(
              spec ->
                  spec.dictionaries()
                      .forEach(
                          (field, kind) ->
                              out.put(
                                  spec.name().equals("customer")
                                      ? field
                                      : spec.name() + "." + field,
                                  kind)));
      kinds = java.util.Collections.unmodifiableMap(out);
    }
    return kinds;
  }

  /** Every dictionary kind and which field uses it (customer fields unprefixed). */
  public Map<String, String> kinds() {
    return kindsByField();
  }

  /**
   * Every given code must be an active entry of its field's dictionary, else one 422 listing each
   * offending field. {@code kindByField} maps a field to its dictionary kind.
   */
  public void requireActive(Map<String, String> kindByField, Map<String, String> codeByField) {
    Map<String, String> codeByKind = new java.util.HashMap<>();
    codeByField.forEach(
        (field, code) -> {
          if (code != null) {
            codeByKind.put(kindByField.get(field), code);
          }
        });
    java.util.Set<String> active = dictionaries.activePairs(codeByKind);
    List<CrmException.Violation> violations = new java.util.ArrayList<>();
    codeByField.forEach(
        (field, code) -> {
          String kind = kindByField.get(field);
          if (code != null && !active.contains(kind + ":" + code)) {
            violations.add(
                new CrmException.Violation(
                    field,
                    "dictionary",
                    dev.headlesscrm.platform.api.Text.of(
                        "'" + code + "' is not an active entry of dictionary '" + kind + "'.",
                        "'" + code + "' 不是字典 '" + kind + "' 中的有效值。")));
          }
        });
    if (!violations.isEmpty()) {
      throw CrmException.validation(violations);
    }
  }

  /**
   * Adds or changes an entry (administrators). Entries are never removed, only deactivated, so
   * records that use a code keep a meaning for it.
   */
  @Transactional
  public DictionaryEntry put(String kind, String code, DictionaryEntryInput input) {
    access.require("dictionary", Action.UPDATE);
    known(kind);
    validator.valid(input);
    if (code == null || !code.matches("[A-Z0-9][A-Z0-9_-]{0,63}")) {
      throw CrmException.invalidField(
          "code",
          "pattern",
          Text.of(
              "Codes are 1-64 upper-case letters, digits, '_' or '-'.",
              "编码须为 1 到 64 位大写字母、数字、'_' 或 '-'。"));
    }
    dictionaries.put(
        kind,
        code,
        input.nameZh().trim(),
        input.nameEn().trim(),
        input.sortOrder() == null ? 0 : input.sortOrder(),
        input.active() == null || input.active());
    return entries(kind).stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
  }

  private void known(String kind) {
    if (!kindsByField().containsValue(kind)) {
      throw CrmException.notFound(
          "dictionary", kind + " (known: " + new TreeSet<>(kindsByField().values()) + ")");
    }
  }

  @Transactional
  public List<DictionaryEntry> entries(String kind) {
    access.require("dictionary", Action.READ);
    if (!kindsByField().containsValue(kind)) {
      throw CrmException.notFound(
          "dictionary", kind + " (known: " + new TreeSet<>(kindsByField().values()) + ")");
    }
    return dictionaries.entries(kind).stream()
        .map(
            row ->
                new DictionaryEntry(
                    (String) row[0],
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).intValue(),
                    (Boolean) row[4]))
        .toList();
  }
}
