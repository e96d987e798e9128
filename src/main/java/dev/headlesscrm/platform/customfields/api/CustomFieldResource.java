package dev.headlesscrm.platform.customfields.api;

import dev.headlesscrm.platform.customfields.CustomFieldService;
import dev.headlesscrm.platform.customfields.CustomFieldView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Custom fields (自定义字段): the standard routes. {@code filter=resource==customer} lists one
 * resource's fields; DELETE retires a field and POST /{id}/restore brings it back.
 */
@Path("/api/v1/custom-fields")
@Tag(name = "Custom fields")
public class CustomFieldResource extends RecordResource<CustomFieldView> {

  @Inject CustomFieldService service;

  @Override
  protected RecordService<?, CustomFieldView, ?> service() {
    return service;
  }

  @Override
  protected Class<CustomFieldView> viewType() {
    return CustomFieldView.class;
  }
}
