package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.sales.performance.domain.CommissionBasis;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a commission rule. */
@Input("CommissionRuleInput")
@Schema(name = "CommissionRuleInput")
public record CommissionRuleInput(
    @NotBlank @Size(max = 200) String name,
    @NotNull CommissionBasis basis,
    @Schema(description = "Only this employee's sales; none: everyone's") UUID employeeId,
    @Schema(description = "Only products of this category; none: every product")
        UUID productCategoryId,
    @NotNull
        @DecimalMin("0")
        @DecimalMax("1")
        @Digits(integer = 1, fraction = 6)
        @Schema(description = "0 to 1 (0.05 is 5 %); below the first tier when tiered")
        BigDecimal rate,
    @Size(max = 20)
        @Schema(
            description =
                "Optional: the rate of the highest tier the employee's period total under this"
                    + " rule reaches applies to the whole total; froms strictly increasing")
        List<@Valid @NotNull CommissionTierInput> tiers,
    @Schema(description = "Among equally specific rules the higher wins (default 0)")
        Integer priority,
    @Schema(description = "Default true") Boolean active,
    @Size(max = 1000) String notes) {}
