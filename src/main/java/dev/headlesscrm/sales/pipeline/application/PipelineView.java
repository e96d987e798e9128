package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.api.Versioned;
import dev.headlesscrm.sales.pipeline.domain.PipelineStage;
import dev.headlesscrm.sales.pipeline.domain.StageKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A pipeline (商机组) with its stages in order. */
@Type("Pipeline")
@Schema(name = "Pipeline", description = "A pipeline (商机组) with its stages in order.")
public record PipelineView(
    @Id UUID id,
    String name,
    @Schema(description = "New opportunities use it when they name none") boolean defaultPipeline,
    String description,
    List<Stage> stages,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned {

  /** One stage. */
  @Type("PipelineStage")
  @Schema(name = "PipelineStage")
  public record Stage(
      UUID id,
      @Schema(examples = "PROPOSAL") String code,
      @Schema(examples = "方案报价") String name,
      int position,
      @Schema(description = "Win probability in percent", examples = "60") BigDecimal probability,
      StageKind kind,
      @Schema(description = "Entering it needs a reason (lossReason / closeNotes)")
          boolean requiresReason) {

    static Stage of(PipelineStage s) {
      return new Stage(s.id, s.code, s.name, s.position, s.probability, s.kind, s.requiresReason);
    }
  }
}
