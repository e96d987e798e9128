package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.PoolRule;
import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One return rule of a pool as clients read it. */
@Type("PoolRule")
@Schema(name = "PoolRule")
public record PoolRuleView(
    String name,
    List<String> levels,
    String filter,
    Integer daysWithoutFollowUp,
    Integer daysWithoutWonDeal,
    Integer daysAfterContractEnd,
    boolean includeLocked,
    boolean includeWon) {

  static PoolRuleView of(PoolRule r) {
    return new PoolRuleView(
        r.name(),
        r.levels(),
        r.filter(),
        r.daysWithoutFollowUp(),
        r.daysWithoutWonDeal(),
        r.daysAfterContractEnd(),
        r.includeLocked(),
        r.includeWon());
  }
}
