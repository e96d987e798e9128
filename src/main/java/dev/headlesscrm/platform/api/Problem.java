package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned for every error.")
public record Problem(
    @Schema(examples = "/problems/validation") String type,
    @Schema(examples = "Validation failed") String title,
    @Schema(examples = "422") int status,
    String detail,
    @Schema(examples = "/api/v1/departments") String instance,
    @Schema(description = "Quote it when reporting a problem; it is in the server log.")
        String traceId,
    @Schema(description = "Every failing field, for validation problems.") List<FieldError> errors,
    @JsonIgnore Map<String, Object> extensions) {

  public Problem(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      String traceId,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, traceId, errors, Map.of());
  }

  /** RFC 9457 extension members appear at the top level of the document. */
  @JsonAnyGetter
  public Map<String, Object> extensionMembers() {
    return extensions;
  }
}
