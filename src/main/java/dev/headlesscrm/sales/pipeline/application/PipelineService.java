package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.pipeline.domain.Pipeline;
import dev.headlesscrm.sales.pipeline.domain.PipelineStage;
import dev.headlesscrm.sales.pipeline.domain.StageKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Pipelines (商机组): stages in order, each open, won or lost; one is the default. */
@ApplicationScoped
public class PipelineService extends RecordService<Pipeline, PipelineView, PipelineInput> {

  private static final RecordDefinition<Pipeline, PipelineView, PipelineInput> DEFINITION =
      RecordDefinition.of(
              PipelineResources.PIPELINES, Pipeline.class, PipelineView.class, PipelineInput.class)
          .view("stages", p -> p.stages.stream().map(PipelineView.Stage::of).toList())
          .input(
              "stages",
              p ->
                  p.stages.stream()
                      .map(
                          s ->
                              new PipelineInput.StageInput(
                                  s.code, s.name, s.probability, s.kind, s.requiresReason))
                      .toList())
          .derived("defaultPipeline", p -> p.isDefault)
          .own("stages", "defaultPipeline")
          .build();

  @Override
  protected RecordDefinition<Pipeline, PipelineView, PipelineInput> definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(PipelineInput in, Pipeline p, boolean creating) {
    Set<String> codes = new HashSet<>();
    Set<StageKind> kinds = new HashSet<>();
    List<CrmException.Violation> problems = new ArrayList<>();
    for (int i = 0; i < in.stages().size(); i++) {
      PipelineInput.StageInput s = in.stages().get(i);
      if (!codes.add(s.code())) {
        problems.add(
            new CrmException.Violation(
                "stages[" + i + "].code",
                "duplicate",
                Text.of("Stage codes must differ.", "阶段编码不能重复。")));
      }
      kinds.add(s.kind());
    }
    if (!kinds.containsAll(List.of(StageKind.OPEN, StageKind.WON, StageKind.LOST))) {
      problems.add(
          new CrmException.Violation(
              "stages",
              "kinds",
              Text.of(
                  "A pipeline needs at least one OPEN, one WON and one LOST stage.",
                  "商机组至少需要一个进行中、一个赢单和一个输单阶段。")));
    }
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    p.name = in.name().trim();
    p.description = in.description();
    boolean makeDefault = Boolean.TRUE.equals(in.defaultPipeline());
    if (makeDefault && !p.isDefault) {
      em.createNativeQuery("UPDATE pipelines SET is_default = false WHERE is_default")
          .executeUpdate();
    } else if (!makeDefault && p.isDefault) {
      throw CrmException.invalidField(
          "defaultPipeline",
          "default",
          Text.of("Make another pipeline the default instead.", "请将其他商机组设为默认，而不是取消默认。"));
    }
    p.isDefault = makeDefault;
    Map<String, PipelineStage> existing = new LinkedHashMap<>();
    p.stages.forEach(s -> existing.put(s.code, s));
    List<PipelineStage> next = new ArrayList<>();
    for (int i = 0; i < in.stages().size(); i++) {
      PipelineInput.StageInput s = in.stages().get(i);
      PipelineStage stage = existing.remove(s.code());
      if (stage == null) {
        stage = new PipelineStage();
      }
      stage.position = i + 1;
      stage.code = s.code();
      stage.name = s.name();
      stage.probability = s.probability();
      stage.kind = s.kind();
      stage.requiresReason = Boolean.TRUE.equals(s.requiresReason());
      next.add(stage);
    }
    for (PipelineStage removed : existing.values()) {
      if (inUse(removed.id)) {
        throw CrmException.conflict(
            Text.of(
                "Stage " + removed.code + " is used by opportunities; move them first.",
                "阶段 " + removed.code + " 仍有商机使用，请先移动这些商机。"));
      }
    }
    p.stages.clear();
    p.stages.addAll(next);
  }

  @Override
  protected void beforeDelete(Pipeline p) {
    if (p.isDefault) {
      throw CrmException.conflict(Text.of("The default pipeline cannot be deleted.", "默认商机组不能删除。"));
    }
    // Opportunities that use it: restricted by the opportunity's declared pipeline relation.
  }

  private boolean inUse(UUID stageId) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT (SELECT count(*) FROM opportunities WHERE stage_id = ?1)"
                        + " + (SELECT count(*) FROM opportunity_stage_history WHERE stage_id = ?1)")
                .setParameter(1, stageId)
                .getSingleResult();
    return n.longValue() > 0;
  }

  /** The pipeline new opportunities use when they name none. */
  Pipeline defaultPipeline() {
    return em.createQuery(
            "from Pipeline p where p.isDefault = true and p.deletedAt is null", Pipeline.class)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> CrmException.conflict(Text.of("There is no default pipeline.", "没有默认商机组。")));
  }

  /** A live pipeline by id, or a 422 on the named field. */
  Pipeline pipeline(UUID id, String field) {
    Pipeline p = em.find(Pipeline.class, id);
    if (p == null || p.isDeleted()) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such pipeline.", "商机组不存在。"));
    }
    return p;
  }
}
