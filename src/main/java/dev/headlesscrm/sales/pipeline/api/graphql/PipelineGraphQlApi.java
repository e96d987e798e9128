package dev.headlesscrm.sales.pipeline.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import dev.headlesscrm.platform.records.TransferRequest;
import dev.headlesscrm.sales.pipeline.application.OpportunityInput;
import dev.headlesscrm.sales.pipeline.application.OpportunityService;
import dev.headlesscrm.sales.pipeline.application.OpportunityView;
import dev.headlesscrm.sales.pipeline.application.PipelineInput;
import dev.headlesscrm.sales.pipeline.application.PipelineService;
import dev.headlesscrm.sales.pipeline.application.PipelineView;
import dev.headlesscrm.sales.pipeline.application.StageVisit;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/** Pipelines and opportunities over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class PipelineGraphQlApi {

  @Inject OpportunityService opportunities;
  @Inject PipelineService pipelines;
  @Inject ObjectMapper json;

  /** A page of opportunities. */
  public static class OpportunityConnection extends Connection<OpportunityView> {
    OpportunityConnection(Page<OpportunityView> page) {
      super(page);
    }
  }

  /** A page of pipelines. */
  public static class PipelineConnection extends Connection<PipelineView> {
    PipelineConnection(Page<PipelineView> page) {
      super(page);
    }
  }

  @Query("opportunity")
  public OpportunityView opportunity(@Id @NonNull String id) {
    return opportunities.get(Ids.parse(id));
  }

  @Query("opportunities")
  @Description("Filter is the REST filter language, e.g. \"status==OPEN;customer.level==A\".")
  public OpportunityConnection opportunities(
      String filter, String q, List<String> sort, Integer first, String after, Boolean count) {
    return new OpportunityConnection(
        opportunities.list(ListQuery.of(filter, q, sort, first, after, count)));
  }

  @Query("pipelines")
  public PipelineConnection pipelines(Integer first, String after) {
    return new PipelineConnection(
        pipelines.list(new ListQuery(null, null, null, first, after, null, null, null, null)));
  }

  @Mutation("createOpportunity")
  public OpportunityView createOpportunity(@NonNull OpportunityInput input) {
    return opportunities.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateOpportunity")
  @Description(
      "Changes the fields given (moving stages with stageId); fields left out or null stay.")
  public OpportunityView updateOpportunity(
      @Id @NonNull String id, @NonNull OpportunityInput input, Long expectedVersion) {
    return opportunities.update(Ids.parse(id), expectedVersion, GraphQlInputs.patch(json, input));
  }

  @Mutation("deleteOpportunity")
  public boolean deleteOpportunity(@Id @NonNull String id, Long expectedVersion) {
    opportunities.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  @Mutation("transferOpportunity")
  public OpportunityView transferOpportunity(
      @Id @NonNull String id, @NonNull TransferRequest input) {
    return opportunities.transfer(Ids.parse(id), input);
  }

  @Name("stageHistory")
  @Description("When the opportunity entered and left each stage (batched: one statement a level).")
  public List<List<StageVisit>> stageHistory(@Source List<OpportunityView> of) {
    Map<UUID, List<StageVisit>> byId =
        opportunities.stageHistories(of.stream().map(OpportunityView::id).distinct().toList());
    return of.stream().map(o -> byId.getOrDefault(o.id(), List.of())).toList();
  }

  @Mutation("createPipeline")
  @Description("Creates a sales pipeline with its stages (administrators).")
  public PipelineView createPipeline(@NonNull PipelineInput input) {
    return pipelines.createFromJson(GraphQlInputs.replacement(json, input));
  }
}
