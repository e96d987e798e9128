package dev.headlesscrm.support.application;

import dev.headlesscrm.support.domain.DiagnosisNode;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a walk through a diagnosis tree stands: the next question, or the solution. */
@Type("DiagnosisWalk")
@Schema(
    name = "DiagnosisWalk",
    description =
        "The questions answered so far, then the next question to ask (outcome QUESTION), the"
            + " solution (outcome SOLUTION: articleId, and the article when you may read it) or a"
            + " conclusion in words (outcome CONCLUSION).")
public record DiagnosisWalkView(
    UUID treeId,
    long treeVersion,
    @Schema(enumeration = {"QUESTION", "SOLUTION", "CONCLUSION"}) String outcome,
    List<Step> path,
    @Schema(description = "The next question; null once solved") DiagnosisNode question,
    @Schema(description = "The solution article's id; null until solved") UUID articleId,
    @Schema(description = "The solution article, when solved and readable to you")
        KnowledgeArticleView article,
    @Schema(description = "The end in words, for outcome CONCLUSION") String conclusion) {

  /** A question asked on the way and the answer given. */
  @Type("DiagnosisStep")
  @Schema(name = "DiagnosisStep", description = "A question asked on the way and the answer given.")
  public record Step(String nodeKey, String question, String answerKey, String answerLabel) {}
}
