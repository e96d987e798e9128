package dev.headlesscrm.marketing.application;

import dev.headlesscrm.marketing.domain.CampaignStatus;
import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign (营销活动) as clients read it. */
@Type("Campaign")
@Schema(
    name = "Campaign",
    description =
        "A marketing campaign (营销活动). Status moves only through the actions launch, complete,"
            + " cancel and replan; its target list is /campaign-members?filter=campaignId==…")
public record CampaignView(
    @Id UUID id,
    @Schema(examples = "2026 双十一老客户回馈") String name,
    @Schema(description = "Code from dictionary 'campaign-type'", examples = "PROMOTION")
        String type,
    @Schema(description = "Code from dictionary 'campaign-channel'", examples = "WECHAT")
        String channel,
    CampaignStatus status,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal budget,
    BigDecimal actualCost,
    BigDecimal expectedRevenue,
    String description,
    @Schema(description = "When it was launched (PLANNED → ACTIVE)") Instant launchedAt,
    @Schema(description = "When it was completed or cancelled") Instant closedAt,
    @Schema(description = "Who runs it (负责人)") UUID ownerId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
