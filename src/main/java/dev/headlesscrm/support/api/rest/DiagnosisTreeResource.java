package dev.headlesscrm.support.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.support.application.DiagnosisTreeService;
import dev.headlesscrm.support.application.DiagnosisTreeView;
import dev.headlesscrm.support.application.DiagnosisWalkView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Diagnosis trees (诊断树, 横向决策树): the standard routes, the whole tree (its questions as {@code
 * nodes}) written at once, and a walk through its answers.
 */
@Path("/api/v1/diagnosis-trees")
@Tag(name = "Diagnosis trees")
public class DiagnosisTreeResource extends RecordResource<DiagnosisTreeView> {

  @Inject DiagnosisTreeService service;

  @Override
  protected RecordService<?, DiagnosisTreeView, ?> service() {
    return service;
  }

  @Override
  protected Class<DiagnosisTreeView> viewType() {
    return DiagnosisTreeView.class;
  }

  @GET
  @Path("{id}/walk")
  @Operation(
      operationId = "walkDiagnosisTree",
      summary = "Walk a diagnosis tree: the next question, or the solution",
      description =
          "Follows the answers chosen so far (answer keys, comma-separated, in order) from the"
              + " root. Answers QUESTION with the next question and its answers, SOLUTION with"
              + " the solution article (embedded when you may read it), or CONCLUSION with the"
              + " tree's conclusion in words. No answers: the root"
              + " question. A key the question at its place does not offer, or one after the"
              + " solution, is a 400 naming it (answers[1]). Changes nothing.")
  public DiagnosisWalkView walk(
      @PathParam("id") UUID id,
      @Parameter(description = "Answer keys chosen so far, in order", example = "yes,no")
          @QueryParam("answers")
          String answers) {
    List<String> keys =
        answers == null || answers.isBlank()
            ? List.of()
            : Arrays.stream(answers.split(",", -1)).map(String::trim).toList();
    return service.walk(id, keys);
  }
}
