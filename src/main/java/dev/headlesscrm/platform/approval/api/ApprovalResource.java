package dev.headlesscrm.platform.approval.api;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageRequest;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.approval.ApprovalComment;
import dev.headlesscrm.platform.approval.ApprovalEngine;
import dev.headlesscrm.platform.approval.ApprovalView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Approvals (审批): the caller's inbox, one approval, a record's approvals, and the decisions.
 * Records are submitted by the services of their own resource (a quote's submit action...).
 */
@Path("/api/v1/approvals")
@Tag(name = "Approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

  @Inject ApprovalEngine engine;

  @GET
  @Path("inbox")
  @Operation(
      operationId = "listApprovalInbox",
      description =
          "What waits for the caller's decision: pending requests whose current step names the caller (directly, by role or as the submitter's supervisor). Keyset-paged like every list.",
      summary = "The pending approvals whose current step the caller may decide, oldest first")
  public Page<ApprovalView> inbox(
      @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
    return engine.inbox(PageRequest.of(limit, cursor));
  }

  @GET
  @Operation(
      operationId = "listApprovals",
      description =
          "Every approval request of one record (resource and recordId), oldest first, with its steps and decisions. Records the caller may not see answer 404.",
      summary = "A record's approvals, oldest first (those the caller may see)")
  public Page<ApprovalView> history(
      @Parameter(description = "The record's resource", example = "quote", required = true)
          @QueryParam("resource")
          String resource,
      @Parameter(description = "The record's id", required = true) @QueryParam("recordId")
          String recordId,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return engine.visibleHistory(
        resource, recordId == null ? null : Ids.parse(recordId), PageRequest.of(limit, cursor));
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getApproval",
      description =
          "One approval request with its flow, steps, decisions and comments. Visible to its submitter, the approvers of any step, administrators and whoever may see the record.",
      summary =
          "Get an approval (its submitter, approvers, administrators and who sees the record)")
  @APIResponse(
      responseCode = "200",
      description = "The approval, with its ETag",
      content = @Content(schema = @Schema(implementation = ApprovalView.class)))
  public Response get(
      @PathParam("id") UUID id, @HeaderParam(RestResponses.IF_NONE_MATCH) String ifNoneMatch) {
    return RestResponses.read(engine.get(id), ifNoneMatch);
  }

  @POST
  @Path("{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "approveApproval",
      description =
          "Records the caller's approval of the current step, with an optional comment. When the step's rule is met the request moves on; after the last step the record itself is approved and its approved event is written. 409 when the request is not pending.",
      summary = "Approve the current step (its approvers only); the last step approves the record")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ApprovalComment.class)))
  public ApprovalView approve(@PathParam("id") UUID id, ApprovalComment body) {
    return engine.approve(id, comment(body));
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rejectApproval",
      description =
          "Rejects the request at its current step, with a comment; the record becomes REJECTED and may be changed and submitted again. 409 when the request is not pending.",
      summary = "Reject the record (an approver of the current step)")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ApprovalComment.class)))
  public ApprovalView reject(@PathParam("id") UUID id, ApprovalComment body) {
    return engine.reject(id, comment(body));
  }

  @POST
  @Path("{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "withdrawApproval",
      description =
          "The submitter takes the record back while its request is pending; the record goes back to DRAFT. 409 once a decision closed the request.",
      summary = "Take the record out of approval (the submitter, while pending)")
  @RequestBody(
      required = false,
      content = @Content(schema = @Schema(implementation = ApprovalComment.class)))
  public ApprovalView withdraw(@PathParam("id") UUID id, ApprovalComment body) {
    return engine.withdraw(id, comment(body));
  }

  private static String comment(ApprovalComment body) {
    return body == null ? null : body.comment();
  }
}
