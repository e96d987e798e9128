package dev.headlesscrm.admin.api.graphql;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.admin.application.DepartmentInput;
import dev.headlesscrm.admin.application.DepartmentService;
import dev.headlesscrm.admin.application.DepartmentView;
import dev.headlesscrm.admin.application.EmployeeInput;
import dev.headlesscrm.admin.application.EmployeeService;
import dev.headlesscrm.admin.application.EmployeeView;
import dev.headlesscrm.admin.application.MeService;
import dev.headlesscrm.admin.application.MeView;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlInputs;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.query.ListQuery;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The organisation over GraphQL: the same services, permissions and validation as REST. */
@GraphQLApi
@GraphQlProblems
public class OrganisationGraphQlApi {

  @Inject MeService me;
  @Inject DepartmentService departments;
  @Inject EmployeeService employees;
  @Inject ObjectMapper json;

  @Query("me")
  @Description("Who the caller is.")
  public MeView me() {
    return me.me();
  }

  @Query("department")
  public DepartmentView department(@Id @NonNull String id) {
    return departments.get(Ids.parse(id));
  }

  @Query("departments")
  @Description("Departments in creation order; pass pageInfo.endCursor as after to read on.")
  public DepartmentConnection departments(Integer first, String after) {
    return new DepartmentConnection(departments.list(ListQuery.firstPage(first, after)));
  }

  @Query("employee")
  public EmployeeView employee(@Id @NonNull String id) {
    return employees.get(Ids.parse(id));
  }

  @Query("employees")
  @Description("Employees in creation order; pass pageInfo.endCursor as after to read on.")
  public EmployeeConnection employees(Integer first, String after) {
    return new EmployeeConnection(employees.list(ListQuery.firstPage(first, after)));
  }

  @Mutation("createDepartment")
  public DepartmentView createDepartment(@NonNull DepartmentInput input) {
    return departments.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateDepartment")
  @Description("Replaces the writable fields; expectedVersion guards against lost updates.")
  public DepartmentView updateDepartment(
      @Id @NonNull String id, @NonNull DepartmentInput input, Long expectedVersion) {
    return departments.update(Ids.parse(id), expectedVersion, replacement(input));
  }

  @Mutation("deleteDepartment")
  public boolean deleteDepartment(@Id @NonNull String id, Long expectedVersion) {
    departments.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  @Mutation("createEmployee")
  public EmployeeView createEmployee(@NonNull EmployeeInput input) {
    return employees.createFromJson(GraphQlInputs.replacement(json, input));
  }

  @Mutation("updateEmployee")
  @Description("Replaces the writable fields; expectedVersion guards against lost updates.")
  public EmployeeView updateEmployee(
      @Id @NonNull String id, @NonNull EmployeeInput input, Long expectedVersion) {
    return employees.update(Ids.parse(id), expectedVersion, replacement(input));
  }

  @Mutation("deleteEmployee")
  public boolean deleteEmployee(@Id @NonNull String id, Long expectedVersion) {
    employees.delete(Ids.parse(id), expectedVersion);
    return true;
  }

  /** A page of departments. */
  public static class DepartmentConnection extends Connection<DepartmentView> {
    DepartmentConnection(Page<DepartmentView> page) {
      super(page);
    }
  }

  /** A page of employees. */
  public static class EmployeeConnection extends Connection<EmployeeView> {
    EmployeeConnection(Page<EmployeeView> page) {
      super(page);
    }
  }

  private ObjectNode replacement(Object input) {
    return GraphQlInputs.replacement(json, input);
  }
}
