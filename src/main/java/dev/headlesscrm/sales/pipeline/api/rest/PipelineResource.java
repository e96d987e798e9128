package dev.headlesscrm.sales.pipeline.api.rest;

import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.pipeline.application.PipelineService;
import dev.headlesscrm.sales.pipeline.application.PipelineView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Pipelines (商机组) and their stages. */
@Path("/api/v1/pipelines")
@Tag(name = "Pipelines")
public class PipelineResource extends RecordResource<PipelineView> {

  @Inject PipelineService service;

  @Override
  protected RecordService<?, PipelineView, ?> service() {
    return service;
  }

  @Override
  protected Class<PipelineView> viewType() {
    return PipelineView.class;
  }
}
