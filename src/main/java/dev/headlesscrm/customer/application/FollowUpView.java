package dev.headlesscrm.customer.application;

import dev.headlesscrm.platform.api.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A follow-up record as clients read it. */
@Type("FollowUp")
@org.eclipse.microprofile.graphql.Description(
    "A follow-up record (跟进记录): one contact with a customer or a lead. The customer's"
        + " lastFollowUpAt, lastFollowUpContent, lastFollowUpById and nextFollowUpAt follow its"
        + " latest live follow-up.")
@Schema(
    name = "FollowUp",
    description =
        "A follow-up record (跟进记录): one contact with a customer or a lead. The customer's"
            + " last and next follow-up follow its latest live follow-up (by followedUpAt).")
public record FollowUpView(
    @Id UUID id,
    @Schema(
            description =
                "The customer followed up; for a follow-up on a contact, opportunity or contract,"
                    + " that record's customer")
        UUID customerId,
    UUID contactId,
    @Schema(description = "A lead, for a follow-up before there is a customer") UUID leadId,
    UUID opportunityId,
    UUID contractId,
    @Schema(
            description =
                "Code from dictionary 'follow-up-method' (CALL, VISIT, WECHAT, EMAIL, MEETING,"
                    + " NOTE)",
            examples = "VISIT")
        String method,
    @Schema(examples = "拜访采购部王经理，确认二期采购预算。") String content,
    @Schema(description = "When the contact took place") Instant followedUpAt,
    String location,
    @Schema(description = "Employees who took part") List<UUID> participantEmployeeIds,
    @Schema(description = "Contacts of the customer who took part")
        List<UUID> participantContactIds,
    @Schema(description = "下次跟进时间") Instant nextFollowUpAt,
    @Schema(description = "下次跟进内容") String nextFollowUpContent,
    @Schema(description = "The author (by default the caller)") UUID ownerId,
    UUID ownerDepartmentId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
