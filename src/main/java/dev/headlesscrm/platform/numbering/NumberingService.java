package dev.headlesscrm.platform.numbering;

import dev.headlesscrm.platform.api.CrmException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands out business numbers (客户编号 KH202611230001, 合同 HT20261123001...) by rule. Each number is
 * allocated in its own short transaction (a batch's excepted): it is never handed out twice,
 * however many callers ask at once, and a caller that rolls back leaves a gap rather than holding
 * every other caller behind its transaction. Dates are business dates in {@code
 * crm.numbering.zone}.
 */
@ApplicationScoped
public class NumberingService {

  @Inject NumberingRuleRepository rules;

  @ConfigProperty(name = "crm.numbering.zone", defaultValue = "Asia/Shanghai")
  ZoneId zone;

  /**
   * The next number of a rule ({@code customer}, {@code contract}...), dated today, in the caller's
   * transaction: the rule's counter stays locked until the caller commits, and a caller that rolls
   * back gives its number back. A transaction of its own would need a second pooled connection
   * while the caller holds one: under load, every caller would wait for a connection none frees.
   */
  @Transactional
  public String next(String ruleKey) {
    return allocate(ruleKey, Instant.now());
  }

  /**
   * The next number of a rule dated at an instant (imports of back-dated records, tests). The
   * sequence is the one of the period the instant falls in.
   */
  @Transactional
  public String nextAt(String ruleKey, Instant at) {
    return allocate(ruleKey, at);
  }

  /** The business date of an instant, in the configured zone. */
  public LocalDate businessDate(Instant at) {
    return LocalDate.ofInstant(at, zone);
  }

  private String allocate(String ruleKey, Instant at) {
    NumberingRule rule =
        rules
            .findForAllocation(ruleKey)
            .orElseThrow(() -> new IllegalArgumentException("No numbering rule " + ruleKey));
    NumberPattern pattern;
    try {
      pattern = NumberPattern.parse(rule.pattern);
    } catch (CrmException e) {
      // Patterns are checked when written; a bad one here was put in behind the API's back.
      throw new IllegalStateException("Numbering rule " + ruleKey + " has an invalid pattern", e);
    }
    LocalDate date = businessDate(at);
    long value = rules.increment(ruleKey, rule.reset.periodOf(date));
    return pattern.format(date, value);
  }
}
