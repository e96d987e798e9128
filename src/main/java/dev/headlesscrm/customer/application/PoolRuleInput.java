package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.PoolRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One return rule of a pool (回收规则); at least one day count. */
@Input("PoolRuleInput")
@Schema(
    name = "PoolRuleInput",
    description =
        "Which owned customers return to the pool, and after how many days. Of a customer's"
            + " rules, the day count that runs out first decides. Locked and won customers are"
            + " exempt unless includeLocked / includeWon.")
public record PoolRuleInput(
    @NotBlank @Size(max = 100) @Schema(examples = "A级客户30天未跟进") String name,
    @Size(max = 50)
        @Schema(description = "Codes from dictionary 'customer-level'; none: every level")
        List<@NotBlank @Size(max = 64) String> levels,
    @Size(max = 2000)
        @Schema(
            description = "A customer list filter the rule is limited to",
            examples = "industry==IT;city==上海")
        String filter,
    @Min(1) @Max(3650) @Schema(description = "Days without a follow-up (未跟进天数)")
        Integer daysWithoutFollowUp,
    @Min(1) @Max(3650) @Schema(description = "Days without a won deal (未成交天数)")
        Integer daysWithoutWonDeal,
    @Min(0) @Max(3650) @Schema(description = "Days after the last approved contract ended")
        Integer daysAfterContractEnd,
    @Schema(description = "Locked customers return too (default false)") Boolean includeLocked,
    @Schema(description = "Won customers return too (default false)") Boolean includeWon) {

  PoolRule rule() {
    return new PoolRule(
        name.trim(),
        levels,
        filter == null || filter.isBlank() ? null : filter.trim(),
        daysWithoutFollowUp,
        daysWithoutWonDeal,
        daysAfterContractEnd,
        Boolean.TRUE.equals(includeLocked),
        Boolean.TRUE.equals(includeWon));
  }

  static PoolRuleInput of(PoolRule r) {
    return new PoolRuleInput(
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
