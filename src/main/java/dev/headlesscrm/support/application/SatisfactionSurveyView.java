package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.support.domain.SurveyKind;
import dev.headlesscrm.support.domain.SurveyStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A satisfaction survey (满意度调查) as clients read it. */
@Type("SatisfactionSurvey")
@Schema(
    name = "SatisfactionSurvey",
    description =
        "Made PENDING when a service request closes or a sales order is delivered in full, or"
            + " entered as a return visit; answered with a score, an NPS answer and a comment. A"
            + " score at or below satisfaction-low-score, or NPS 0–6, opens a follow-up task for"
            + " the customer's owner (followUpTaskId). Answered surveys are on the customer's"
            + " timeline (kind satisfaction).")
public record SatisfactionSurveyView(
    @Id UUID id,
    SurveyKind kind,
    UUID customerId,
    UUID contactId,
    UUID requestId,
    UUID orderId,
    SurveyStatus status,
    Integer score,
    Integer nps,
    String comment,
    Instant answeredAt,
    UUID followUpTaskId,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {}
