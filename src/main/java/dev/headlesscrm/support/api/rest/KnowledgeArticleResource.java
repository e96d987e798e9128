package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.ArticleFeedbackInput;
import dev.headlesscrm.support.application.ArticleUseInput;
import dev.headlesscrm.support.application.KnowledgeArticleService;
import dev.headlesscrm.support.application.KnowledgeArticleView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Knowledge articles (知识库: FAQ, solutions, technical documents): the standard routes, the status
 * actions, and their use on service requests and readers' votes.
 */
@Path("/api/v1/knowledge-articles")
@Tag(name = "Knowledge articles")
public class KnowledgeArticleResource extends RecordResource<KnowledgeArticleView> {

  @Inject KnowledgeArticleService service;

  @Override
  protected RecordService<?, KnowledgeArticleView, ?> service() {
    return service;
  }

  @Override
  protected Class<KnowledgeArticleView> viewType() {
    return KnowledgeArticleView.class;
  }

  @POST
  @Path("{id}/publish")
  @Operation(
      operationId = "publishKnowledgeArticle",
      summary = "Publish a knowledge article (DRAFT → PUBLISHED)",
      description =
          "Sets publishedAt; from now on every reader sees it and it may be suggested for service"
              + " requests. Needs the DELETE permission on knowledge-article (the service"
              + " manager's).")
  public Response publish(@PathParam("id") UUID id) {
    return RestResponses.updated(service.publish(id));
  }

  @POST
  @Path("{id}/retire")
  @Operation(
      operationId = "retireKnowledgeArticle",
      summary = "Retire a knowledge article (PUBLISHED → RETIRED)",
      description =
          "It no longer applies: readers no longer see it, it is no longer suggested. Sets"
              + " retiredAt. Needs the DELETE permission on knowledge-article.")
  public Response retire(@PathParam("id") UUID id) {
    return RestResponses.updated(service.retire(id));
  }

  @POST
  @Path("{id}/redraft")
  @Operation(
      operationId = "redraftKnowledgeArticle",
      summary =
          "Take a knowledge article back to a draft for revision (PUBLISHED or RETIRED → DRAFT)",
      description =
          "Readers no longer see it until it is published again; a retired article must be"
              + " redrafted before it is edited. Needs the DELETE permission on knowledge-article.")
  public Response redraft(@PathParam("id") UUID id) {
    return RestResponses.updated(service.redraft(id));
  }

  @POST
  @Path("{id}/feedback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "giveKnowledgeArticleFeedback",
      summary = "Vote a published knowledge article helpful or not",
      description =
          "One vote per reader and article, counted in helpfulCount or notHelpfulCount through the"
              + " article's version (concurrent votes are all counted). Changing your vote moves"
              + " it from one count to the other; the same vote again is a 409. The comment and"
              + " the service request it was read for are kept with the vote. Needs the UPDATE"
              + " permission on knowledge-article (the service desk and integrations, e.g. a"
              + " self-service portal passing its customers' votes on); other readers get 403.")
  public Response feedback(@PathParam("id") UUID id, ArticleFeedbackInput body) {
    return RestResponses.updated(service.feedback(id, body));
  }

  @POST
  @Path("{id}/use")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "useKnowledgeArticle",
      summary = "Record a published knowledge article as used on a service request",
      description =
          "Counted once per request in usageCount (a second time for the same request is a 409);"
              + " GET /service-requests/{id}/suggested-articles marks it used. Needs the UPDATE"
              + " permission on knowledge-article and on service requests, and a request you can"
              + " see (422 otherwise).")
  public Response use(@PathParam("id") UUID id, ArticleUseInput body) {
    return RestResponses.updated(service.use(id, body));
  }
}
