package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.sales.pipeline.domain.StageKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a pipeline; stages are matched by code, in the order given. */
@Input("PipelineInput")
@Schema(name = "PipelineInput")
public record PipelineInput(
    @NotBlank @Size(max = 100) String name,
    Boolean defaultPipeline,
    @Size(max = 500) String description,
    @NotEmpty @Size(max = 50) List<@Valid @NotNull StageInput> stages) {

  /** One stage; a stage keeps its id while its code stays. */
  @Input("PipelineStageInput")
  @Schema(name = "PipelineStageInput")
  public record StageInput(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
      @NotBlank @Size(max = 100) String name,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal probability,
      @NotNull StageKind kind,
      Boolean requiresReason) {}
}
