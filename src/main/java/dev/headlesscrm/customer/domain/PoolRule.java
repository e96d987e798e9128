package dev.headlesscrm.customer.domain;

import java.util.List;

/**
 * One return rule of a pool: the owned customers it covers (levels, and a filter in the list filter
 * language over the customer's fields) return when one of its day counts runs out. Locked and won
 * customers are exempt unless the rule includes them.
 *
 * @param levels customer-level codes; empty: every level
 * @param filter a customer list filter ({@code industry==IT;city==上海}); null: every customer
 * @param daysWithoutFollowUp since the later of the last follow-up and taking ownership
 * @param daysWithoutWonDeal since the later of the last won deal and taking ownership
 * @param daysAfterContractEnd since the end date of the customer's last approved contract
 */
public record PoolRule(
    String name,
    List<String> levels,
    String filter,
    Integer daysWithoutFollowUp,
    Integer daysWithoutWonDeal,
    Integer daysAfterContractEnd,
    boolean includeLocked,
    boolean includeWon) {

  public PoolRule {
    levels = levels == null ? List.of() : List.copyOf(levels);
  }
}
