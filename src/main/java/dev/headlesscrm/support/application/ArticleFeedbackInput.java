package dev.headlesscrm.support.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reader's vote on a knowledge article. */
@Input("ArticleFeedbackInput")
@Schema(
    name = "ArticleFeedbackInput",
    description = "Whether the article helped, why, and on which service request.")
public record ArticleFeedbackInput(
    @NotNull @Schema(examples = "true") Boolean helpful,
    @Size(max = 2000) @Schema(examples = "步骤清楚，问题已解决") String comment,
    @Schema(description = "The service request it was read for, if any") UUID serviceRequestId) {}
