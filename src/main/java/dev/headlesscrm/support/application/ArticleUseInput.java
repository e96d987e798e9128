package dev.headlesscrm.support.application;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The service request a knowledge article was used on. */
@Input("ArticleUseInput")
@Schema(name = "ArticleUseInput", description = "The service request the article was used on.")
public record ArticleUseInput(@NotNull UUID serviceRequestId) {}
