package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.SatisfactionSurveyService;
import dev.headlesscrm.support.application.SatisfactionSurveyView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/** The survey answer over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class SatisfactionSurveyGraphQlApi {

  @Inject SatisfactionSurveyService surveys;

  @Mutation("answerSatisfactionSurvey")
  @Description("PENDING → ANSWERED; a low answer opens a follow-up task for the customer's owner")
  public SatisfactionSurveyView answerSatisfactionSurvey(
      @Id @NonNull String id,
      @Name("score") Integer score,
      @Name("nps") Integer nps,
      @Name("comment") String comment) {
    return surveys.answer(Ids.parse(id), score, nps, comment);
  }
}
