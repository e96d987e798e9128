package dev.headlesscrm.platform.numbering;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.persistence.Transactions;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
   * The next number of a rule ({@code customer}, {@code contract}...), dated today: in a short
   * transaction of its own, or in a batch's transaction while it writes many records at once
   * ({@link Transactions#bulk()}; the rule's counter is then held until that commits).
   */
  public String next(String ruleKey) {
    Instant now = Instant.now();
    return Transactions.bulk()
        ? allocate(ruleKey, now)
        : QuarkusTransaction.requiringNew().call(() -> allocate(ruleKey, now));
  }

  /**
   * The next number of a rule dated at an instant (imports of back-dated records, tests). The
   * sequence is the one of the period the instant falls in.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
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
