package dev.headlesscrm.platform.numbering;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Cursor;
import dev.headlesscrm.platform.api.InputValidator;
import dev.headlesscrm.platform.api.MergePatcher;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.Preconditions;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.persistence.Clock;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Numbering rules: read by every principal, changed by administrators. */
@ApplicationScoped
public class NumberingRuleService {

  static final String RESOURCE = "numbering rule";

  @Inject NumberingRuleRepository rules;
  @Inject NumberingService numbering;
  @Inject InputValidator validator;
  @Inject MergePatcher patcher;
  @Inject Preconditions preconditions;
  @Inject CurrentPrincipal principal;

  @Transactional
  public Page<NumberingRuleView> list(PageRequest page) {
    String after = null;
    if (page.after() != null) {
      if (page.after().size() != 1) {
        throw CrmException.malformed(
            Text.of("The cursor does not belong to this list.", "cursor 不属于此列表。"));
      }
      after = page.after().get(0);
    }
    List<NumberingRule> rows = rules.pageAfter(after, page.limit() + 1);
    boolean hasMore = rows.size() > page.limit();
    List<NumberingRule> shown = hasMore ? rows.subList(0, page.limit()) : rows;
    String next = hasMore ? Cursor.encode(List.of(shown.get(shown.size() - 1).ruleKey)) : null;
    return new Page<>(
        shown.stream().map(NumberingRuleView::of).toList(),
        new PageInfo(page.limit(), next, hasMore, null));
  }

  @Transactional
  public NumberingRuleView get(String key) {
    return NumberingRuleView.of(find(key));
  }

  /**
   * Changes a rule's pattern or reset policy (JSON Merge Patch). Numbers already issued keep their
   * form; the next one follows the new rule. When the reset policy changes, the counter of the
   * current period starts above every value the rule has handed out, so no number issued today can
   * come round again.
   */
  @Transactional
  @RolesAllowed(Roles.CRM_ADMIN)
  public NumberingRuleView update(String key, Long expectedVersion, JsonNode mergePatch) {
    NumberingRule rule = find(key);
    preconditions.check(expectedVersion, rule.version);
    NumberingRuleInput changed = proposal(rule, mergePatch);
    ResetPolicy before = rule.reset;
    if (!changed.pattern().equals(rule.pattern) || changed.reset() != rule.reset) {
      rule.pattern = changed.pattern();
      rule.reset = changed.reset();
      rule.updatedAt = Clock.now();
      rule.updatedBy = principal.idOrNull();
      // Writes the row now: its lock makes allocations in progress finish first (they share-lock
      // it).
      rules.flush();
      if (before != rule.reset) {
        rules.carryOver(key, rule.reset.periodOf(today()));
      }
    }
    return NumberingRuleView.of(rule);
  }

  /**
   * The number the rule would issue next, with an optional proposed pattern or reset (same rules as
   * a change); nothing is written and no number is used up.
   */
  @Transactional
  public NumberPreview preview(String key, JsonNode proposal) {
    NumberingRule rule = find(key);
    NumberingRuleInput proposed = proposal(rule, proposal);
    NumberPattern pattern = proposed.parsed();
    LocalDate today = today();
    long last = rules.current(key, proposed.reset().periodOf(today));
    if (proposed.reset() != rule.reset) {
      last = Math.max(last, rules.highest(key));
    }
    return new NumberPreview(
        key, proposed.pattern(), proposed.reset(), pattern.format(today, last + 1));
  }

  private NumberingRuleInput proposal(NumberingRule rule, JsonNode patch) {
    JsonNode effective = patch == null ? JsonNodeFactory.instance.objectNode() : patch;
    NumberingRuleInput input =
        validator.valid(
            patcher.apply(NumberingRuleView.of(rule), NumberingRuleInput.of(rule), effective));
    input.parsed();
    return input;
  }

  private LocalDate today() {
    return numbering.businessDate(Instant.now());
  }

  private NumberingRule find(String key) {
    return rules.findByIdOptional(key).orElseThrow(() -> CrmException.notFound(RESOURCE, key));
  }
}
