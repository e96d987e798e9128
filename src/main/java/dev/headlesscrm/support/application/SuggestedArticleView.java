package dev.headlesscrm.support.application;

import java.util.List;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published knowledge article suggested for a service request, with its score and why. */
@Type("SuggestedArticle")
@Schema(
    name = "SuggestedArticle",
    description =
        "A published article and how relevant it is to the request (0–1): SAME_PRODUCT 0.4,"
            + " SAME_CATEGORY 0.2, TEXT up to 0.4 (the share of the request's terms found in the"
            + " article, listed in matchedTerms), OTHER_PRODUCT halves the score.")
public record SuggestedArticleView(
    KnowledgeArticleView article,
    @Schema(examples = "0.733") double score,
    List<Reason> reasons,
    @Schema(description = "Whether it was already used on this request") boolean used) {

  /** One reason and the points it gave. */
  @Type("SuggestionReason")
  @Schema(name = "SuggestionReason", description = "One reason and the points it gave.")
  public record Reason(
      @Schema(enumeration = {"SAME_PRODUCT", "SAME_CATEGORY", "TEXT", "OTHER_PRODUCT"}) String code,
      double points,
      List<String> matchedTerms) {}
}
