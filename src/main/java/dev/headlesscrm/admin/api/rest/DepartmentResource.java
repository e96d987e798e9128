package dev.headlesscrm.admin.api.rest;

import dev.headlesscrm.admin.application.DepartmentService;
import dev.headlesscrm.admin.application.DepartmentView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Departments (部门): the standard routes; writes are for administrators. */
@Path("/api/v1/departments")
@Tag(name = "Organisation")
public class DepartmentResource extends RecordResource<DepartmentView> {

  @Inject DepartmentService service;

  @Override
  protected RecordService<?, DepartmentView, ?> service() {
    return service;
  }

  @Override
  protected Class<DepartmentView> viewType() {
    return DepartmentView.class;
  }
}
