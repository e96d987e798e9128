package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.ArticleFeedbackInput;
import dev.headlesscrm.support.application.ArticleUseInput;
import dev.headlesscrm.support.application.DiagnosisTreeService;
import dev.headlesscrm.support.application.DiagnosisWalkView;
import dev.headlesscrm.support.application.KnowledgeArticleService;
import dev.headlesscrm.support.application.KnowledgeArticleView;
import dev.headlesscrm.support.application.SuggestedArticleView;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The knowledge base's actions and queries over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class KnowledgeBaseGraphQlApi {

  @Inject KnowledgeArticleService articles;
  @Inject DiagnosisTreeService trees;

  @Mutation("publishKnowledgeArticle")
  @Description("DRAFT → PUBLISHED")
  public KnowledgeArticleView publishKnowledgeArticle(@Id @NonNull String id) {
    return articles.publish(Ids.parse(id));
  }

  @Mutation("retireKnowledgeArticle")
  @Description("PUBLISHED → RETIRED")
  public KnowledgeArticleView retireKnowledgeArticle(@Id @NonNull String id) {
    return articles.retire(Ids.parse(id));
  }

  @Mutation("redraftKnowledgeArticle")
  @Description("PUBLISHED or RETIRED → DRAFT")
  public KnowledgeArticleView redraftKnowledgeArticle(@Id @NonNull String id) {
    return articles.redraft(Ids.parse(id));
  }

  @Mutation("giveKnowledgeArticleFeedback")
  @Description("Your vote on a published article: helpful or not (one per reader, changeable)")
  public KnowledgeArticleView giveKnowledgeArticleFeedback(
      @Id @NonNull String id, @Name("input") @NonNull ArticleFeedbackInput input) {
    return articles.feedback(Ids.parse(id), input);
  }

  @Mutation("useKnowledgeArticle")
  @Description("Records a published article as used on a service request (once per request)")
  public KnowledgeArticleView useKnowledgeArticle(
      @Id @NonNull String id, @Name("input") @NonNull ArticleUseInput input) {
    return articles.use(Ids.parse(id), input);
  }

  @Query("serviceRequestSuggestedArticles")
  @Description(
      "Published knowledge articles ranked by relevance to a service request, with score and"
          + " reasons (as GET /service-requests/{id}/suggested-articles)")
  public List<@NonNull SuggestedArticleView> serviceRequestSuggestedArticles(
      @Id @NonNull String id, @Name("limit") @DefaultValue("10") int limit) {
    return articles.suggestedFor(Ids.parse(id), limit);
  }

  @Query("walkDiagnosisTree")
  @Description("Where the answers (answer keys, in order) lead: the next question or the solution")
  public DiagnosisWalkView walkDiagnosisTree(
      @Id @NonNull String id, @Name("answers") List<@NonNull String> answers) {
    return trees.walk(Ids.parse(id), answers == null ? List.of() : answers);
  }
}
