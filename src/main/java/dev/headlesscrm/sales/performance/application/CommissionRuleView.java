package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.performance.domain.CommissionBasis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A commission rule as clients read it. */
@Type("CommissionRule")
@Schema(
    name = "CommissionRule",
    description =
        "A commission rule (佣金规则). The most specific active rule wins: employee and category,"
            + " employee, category, then the default; then the higher priority.")
public record CommissionRuleView(
    @Id UUID id,
    String name,
    CommissionBasis basis,
    UUID employeeId,
    UUID productCategoryId,
    @Schema(examples = "0.05") BigDecimal rate,
    List<CommissionTierView> tiers,
    int priority,
    boolean active,
    String notes,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
