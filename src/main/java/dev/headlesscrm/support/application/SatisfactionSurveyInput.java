package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.SurveyKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a satisfaction survey (a return visit, mostly). */
@Input("SatisfactionSurveyInput")
@Schema(
    name = "SatisfactionSurveyInput",
    description =
        "A survey or return visit (回访). With a score or NPS answer it is ANSWERED at once;"
            + " afterwards the answer changes only through POST …/answer.")
public record SatisfactionSurveyInput(
    @Schema(description = "RETURN_VISIT when omitted") SurveyKind kind,
    @NotNull UUID customerId,
    @Schema(description = "One of the customer's contacts") UUID contactId,
    @Schema(description = "The service request it asks about") UUID requestId,
    @Schema(description = "The sales order it asks about") UUID orderId,
    @Min(1) @Max(5) @Schema(description = "1 very unhappy … 5 very happy") Integer score,
    @Min(0) @Max(10) @Schema(description = "How likely they recommend us, 0–10") Integer nps,
    @Size(max = 5000) String comment) {}
