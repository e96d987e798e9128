package dev.headlesscrm.platform.approval.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.approval.ApprovalEngine;
import dev.headlesscrm.platform.approval.ApprovalFlowInput;
import dev.headlesscrm.platform.approval.ApprovalFlowService;
import dev.headlesscrm.platform.approval.ApprovalFlowView;
import dev.headlesscrm.platform.approval.ApprovalView;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Approvals over GraphQL: the same engine, rules and events as REST. */
@GraphQLApi
@GraphQlProblems
public class ApprovalGraphQlApi {

  @Inject ApprovalEngine engine;
  @Inject ApprovalFlowService flows;
  @Inject ObjectMapper json;

  /** A page of approvals. */
  public static class ApprovalConnection extends Connection<ApprovalView> {
    ApprovalConnection(Page<ApprovalView> page) {
      super(page);
    }
  }

  @Query("approval")
  public ApprovalView approval(@Id @NonNull String id) {
    return engine.get(Ids.parse(id));
  }

  @Query("approvalInbox")
  @Description(
      "The pending approvals whose current step the caller may decide, oldest first; pass"
          + " pageInfo.endCursor as after to read on.")
  public ApprovalConnection approvalInbox(Integer first, String after) {
    return new ApprovalConnection(engine.inbox(PageRequest.of(first, after)));
  }

  @Query("approvals")
  @Description("A record's approvals, oldest first (those the caller may see).")
  public List<ApprovalView> approvals(@NonNull String resource, @Id @NonNull String recordId) {
    return engine
        .visibleHistory(resource, Ids.parse(recordId), PageRequest.of(PageRequest.MAX_LIMIT, null))
        .data();
  }

  @Mutation("approveApproval")
  @Description("Approves the current step (its approvers only); the last step approves the record.")
  public ApprovalView approveApproval(@Id @NonNull String id, String comment) {
    return engine.approve(Ids.parse(id), comment);
  }

  @Mutation("rejectApproval")
  @Description("Rejects the record (an approver of the current step).")
  public ApprovalView rejectApproval(@Id @NonNull String id, String comment) {
    return engine.reject(Ids.parse(id), comment);
  }

  @Mutation("withdrawApproval")
  @Description("Takes the record out of approval (the submitter, while pending).")
  public ApprovalView withdrawApproval(@Id @NonNull String id, String comment) {
    return engine.withdraw(Ids.parse(id), comment);
  }

  @Mutation("createApprovalFlow")
  @Description("Creates an approval flow for a resource (administrators).")
  public ApprovalFlowView createApprovalFlow(@NonNull ApprovalFlowInput input) {
    return flows.createFromJson(GraphQlInputs.replacement(json, input));
  }
}
