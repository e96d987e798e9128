package dev.headlesscrm.marketing.application;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a campaign; its status moves only through its actions. */
@Input("CampaignInput")
@Schema(name = "CampaignInput", description = "The writable fields of a campaign.")
public record CampaignInput(
    @NotBlank @Size(max = 200) @Schema(examples = "2026 双十一老客户回馈") String name,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'campaign-type'", examples = "PROMOTION")
        String type,
    @Size(max = 64)
        @Schema(description = "Code from dictionary 'campaign-channel'", examples = "WECHAT")
        String channel,
    LocalDate startDate,
    @Schema(description = "Not before startDate") LocalDate endDate,
    @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal budget,
    @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal actualCost,
    @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal expectedRevenue,
    @Size(max = 10000) String description,
    @Schema(description = "Who runs it (负责人); the caller when omitted") UUID ownerId) {}
