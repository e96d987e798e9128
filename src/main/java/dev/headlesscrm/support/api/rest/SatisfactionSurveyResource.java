package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.SatisfactionSurveyService;
import dev.headlesscrm.support.application.SatisfactionSurveyView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Satisfaction surveys and return visits (满意度调查, 回访): the standard routes and the answer. */
@Path("/api/v1/satisfaction-surveys")
@Tag(name = "Satisfaction surveys")
public class SatisfactionSurveyResource extends RecordResource<SatisfactionSurveyView> {

  @Inject SatisfactionSurveyService service;

  @Override
  protected RecordService<?, SatisfactionSurveyView, ?> service() {
    return service;
  }

  @Override
  protected Class<SatisfactionSurveyView> viewType() {
    return SatisfactionSurveyView.class;
  }

  /** The customer's answer. */
  @Schema(name = "SurveyAnswer")
  public record Answer(
      @Schema(description = "1 very unhappy … 5 very happy") Integer score,
      @Schema(description = "How likely they recommend us, 0–10") Integer nps,
      String comment) {}

  @POST
  @Path("{id}/answer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "answerSatisfactionSurvey",
      summary = "Record the customer's answer (PENDING → ANSWERED)",
      description =
          "A score (1–5) and/or an NPS answer (0–10), and a comment. A score at or below the"
              + " satisfaction-low-score setting, or NPS 0–6, opens a follow-up task for the"
              + " customer's owner (followUpTaskId). 409 when answered already.")
  public Response answer(@PathParam("id") UUID id, Answer body) {
    return RestResponses.updated(
        service.answer(
            id,
            body == null ? null : body.score(),
            body == null ? null : body.nps(),
            body == null ? null : body.comment()));
  }
}
