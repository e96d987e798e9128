package dev.headlesscrm.customer.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a follow-up record. */
@Input("FollowUpInput")
@Schema(
    name = "FollowUpInput",
    description =
        "The writable fields of a follow-up record. Name the record followed up: customerId, or a"
            + " contactId, opportunityId or contractId (its customer is taken), or a leadId.")
public record FollowUpInput(
    @Schema(description = "Taken from the contact, opportunity or contract when omitted")
        UUID customerId,
    UUID contactId,
    UUID leadId,
    UUID opportunityId,
    UUID contractId,
    @NotBlank
        @Size(max = 64)
        @Schema(description = "Code from dictionary 'follow-up-method'", examples = "VISIT")
        String method,
    @NotBlank @Size(max = 10000) @Schema(examples = "拜访采购部王经理，确认二期采购预算。") String content,
    @Schema(description = "When the contact took place; now when omitted") Instant followedUpAt,
    @Size(max = 200) String location,
    @Size(max = 50) List<UUID> participantEmployeeIds,
    @Size(max = 50) List<UUID> participantContactIds,
    @Schema(description = "下次跟进时间") Instant nextFollowUpAt,
    @Size(max = 500) @Schema(description = "下次跟进内容") String nextFollowUpContent,
    @Schema(description = "The author; the caller when omitted") UUID ownerId) {}
