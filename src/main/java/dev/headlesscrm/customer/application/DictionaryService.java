package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.DictionaryRepository;
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

/** The value lists customers' coded fields draw from, so clients can offer the right choices. */
@ApplicationScoped
public class DictionaryService {

  @Inject DictionaryRepository dictionaries;
  @Inject AccessPolicy access;
  @Inject InputValidator validator;

  /** Every dictionary kind and which customer field uses it. */
  public Map<String, String> kinds() {
    return CustomerService.DICTIONARIES;
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
    if (!CustomerService.DICTIONARIES.containsValue(kind)) {
      throw CrmException.notFound(
          "dictionary",
          kind + " (known: " + new TreeSet<>(CustomerService.DICTIONARIES.values()) + ")");
    }
  }

  @Transactional
  public List<DictionaryEntry> entries(String kind) {
    access.require("dictionary", Action.READ);
    if (!CustomerService.DICTIONARIES.containsValue(kind)) {
      throw CrmException.notFound(
          "dictionary",
          kind + " (known: " + new TreeSet<>(CustomerService.DICTIONARIES.values()) + ")");
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
