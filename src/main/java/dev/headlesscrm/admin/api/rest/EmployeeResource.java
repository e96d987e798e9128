package dev.headlesscrm.admin.api.rest;

import dev.headlesscrm.admin.application.EmployeeService;
import dev.headlesscrm.admin.application.EmployeeView;
import dev.headlesscrm.platform.records.RecordResource;
import dev.headlesscrm.platform.records.RecordService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Employees (员工): the standard routes; writes are for administrators. */
@Path("/api/v1/employees")
@Tag(name = "Organisation")
public class EmployeeResource extends RecordResource<EmployeeView> {

  @Inject EmployeeService service;

  @Override
  protected RecordService<?, EmployeeView, ?> service() {
    return service;
  }

  @Override
  protected Class<EmployeeView> viewType() {
    return EmployeeView.class;
  }
}
