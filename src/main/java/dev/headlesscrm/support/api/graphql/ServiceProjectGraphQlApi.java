package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.ProjectMilestoneService;
import dev.headlesscrm.support.application.ProjectMilestoneView;
import dev.headlesscrm.support.application.ServiceProjectService;
import dev.headlesscrm.support.application.ServiceProjectView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Service projects' and milestones' actions over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class ServiceProjectGraphQlApi {

  @Inject ServiceProjectService projects;
  @Inject ProjectMilestoneService milestones;

  @Mutation("startServiceProject")
  @Description("PLANNED → IN_PROGRESS")
  public ServiceProjectView startServiceProject(@Id @NonNull String id) {
    return projects.start(Ids.parse(id));
  }

  @Mutation("holdServiceProject")
  @Description("IN_PROGRESS → ON_HOLD")
  public ServiceProjectView holdServiceProject(@Id @NonNull String id) {
    return projects.hold(Ids.parse(id));
  }

  @Mutation("resumeServiceProject")
  @Description("ON_HOLD → IN_PROGRESS")
  public ServiceProjectView resumeServiceProject(@Id @NonNull String id) {
    return projects.resume(Ids.parse(id));
  }

  @Mutation("completeServiceProject")
  @Description("IN_PROGRESS → COMPLETED, once every milestone is reached")
  public ServiceProjectView completeServiceProject(@Id @NonNull String id) {
    return projects.complete(Ids.parse(id));
  }

  @Mutation("cancelServiceProject")
  @Description("PLANNED, IN_PROGRESS or ON_HOLD → CANCELLED")
  public ServiceProjectView cancelServiceProject(@Id @NonNull String id) {
    return projects.cancel(Ids.parse(id));
  }

  @Mutation("reachProjectMilestone")
  @Description("PENDING → REACHED; the project's progress follows")
  public ProjectMilestoneView reachProjectMilestone(@Id @NonNull String id) {
    return milestones.reach(Ids.parse(id));
  }

  @Mutation("reopenProjectMilestone")
  @Description("REACHED → PENDING; the project's progress follows")
  public ProjectMilestoneView reopenProjectMilestone(@Id @NonNull String id) {
    return milestones.reopen(Ids.parse(id));
  }
}
