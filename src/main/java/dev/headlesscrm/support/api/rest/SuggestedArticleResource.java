package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.PageInfo;
import dev.headlesscrm.support.application.KnowledgeArticleService;
import dev.headlesscrm.support.application.SuggestedArticleView;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The knowledge articles suggested for a service request (searched when handling it). */
// The same class path as the collection's own resource: RESTEasy Reactive merges the two, so
// another method on this path is a 405 (a class of its own would answer 404).
@Path("/api/v1/service-requests")
@Tag(name = "Service requests")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestedArticleResource {

  @Inject KnowledgeArticleService articles;

  @GET
  @Path("{id}/suggested-articles")
  @Operation(
      operationId = "listServiceRequestSuggestedArticles",
      summary = "Knowledge articles suggested for a service request",
      description =
          "Published articles ranked by relevance to the request, best first, each with its score"
              + " (0–1) and the reasons: SAME_PRODUCT (the request's goods' or defect's product,"
              + " 0.4), SAME_CATEGORY (0.2), TEXT (up to 0.4: the share of the subject's and"
              + " description's terms — Chinese bigrams, Latin words — found in the article's"
              + " title, summary, content and tags), OTHER_PRODUCT (an article about another"
              + " product keeps half). Ties go to the more helpful, then the more used; used"
              + " marks articles already recorded on the request. 404 when you cannot see the"
              + " request.")
  public Page<SuggestedArticleView> suggested(
      @PathParam("id") UUID id,
      @Parameter(description = "How many (1–50, default 10)")
          @QueryParam("limit")
          @DefaultValue("10")
          int limit) {
    List<SuggestedArticleView> found = articles.suggestedFor(id, limit);
    return new Page<>(found, new PageInfo(limit, null, false, null));
  }
}
