package dev.headlesscrm.platform.numbering;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.persistence.BulkWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
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
  @Inject BulkWrites bulk;
  @Inject TransactionSynchronizationRegistry transactions;

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
    LocalDate date = businessDate(at);
    Map<String, Block> blocks = blocks();
    if (blocks != null) {
      Block block = blocks.get(ruleKey + "|" + date);
      if (block != null && block.next <= block.last) {
        return block.pattern.format(date, block.next++);
      }
    }
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
    int count = blocks == null ? 1 : Math.max(1, bulk.expectedCreates());
    long last = rules.increment(ruleKey, rule.reset.periodOf(date), count);
    if (count > 1) {
      blocks.put(ruleKey + "|" + date, new Block(pattern, last - count + 2, last));
    }
    return pattern.format(date, last - count + 1);
  }

  /**
   * Numbers a bulk transaction took in advance, by rule and date: one counter update for a chunk of
   * creates instead of one each. Null outside a bulk transaction. The rule stays share-locked from
   * the block's allocation until the transaction ends, as for a single number.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Block> blocks() {
    if (!bulk.active()) {
      return null;
    }
    Map<String, Block> blocks = (Map<String, Block>) transactions.getResource(Block.class);
    if (blocks == null) {
      blocks = new HashMap<>();
      transactions.putResource(Block.class, blocks);
    }
    return blocks;
  }

  private static final class Block {
    final NumberPattern pattern;
    long next;
    final long last;

    Block(NumberPattern pattern, long next, long last) {
      this.pattern = pattern;
      this.next = next;
      this.last = last;
    }
  }
}
