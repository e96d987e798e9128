package dev.headlesscrm.marketing.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a campaign member. */
@Input("CampaignMemberInput")
@Schema(
    name = "CampaignMemberInput",
    description =
        "A customer put on a campaign's target list, once per campaign. The campaign must be"
            + " PLANNED or ACTIVE.")
public record CampaignMemberInput(
    @NotNull UUID campaignId,
    @NotNull UUID customerId,
    @Schema(description = "A contact of the customer, when the contact is aimed at them")
        UUID contactId,
    @Schema(
            description =
                "When the marketing contact is planned; the campaign's start when omitted")
        Instant plannedAt,
    @Schema(description = "When the contact was made") Instant contactedAt,
    @Size(max = 64)
        @Schema(description = "Code from dictionary 'campaign-response'", examples = "REGISTERED")
        String response,
    @Schema(description = "When the customer responded; now when a response is first given")
        Instant respondedAt,
    @Size(max = 5000) String note,
    @Schema(
            description =
                "Who works this member (负责人); the customer's owner when omitted (giving it to"
                    + " someone else needs the transfer right)")
        UUID ownerId) {}
