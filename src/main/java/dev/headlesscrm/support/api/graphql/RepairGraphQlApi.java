package dev.headlesscrm.support.api.graphql;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.support.application.RepairCommands;
import dev.headlesscrm.support.application.RepairService;
import dev.headlesscrm.support.application.RepairView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Repairs' status actions over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class RepairGraphQlApi {

  @Inject RepairService repairs;

  @Mutation("scheduleRepair")
  @Description("OPEN or SCHEDULED → SCHEDULED: technician and visit window")
  public RepairView scheduleRepair(@Id @NonNull String id, RepairCommands.Schedule input) {
    return repairs.schedule(Ids.parse(id), input);
  }

  @Mutation("startRepair")
  @Description("OPEN or SCHEDULED → IN_PROGRESS")
  public RepairView startRepair(@Id @NonNull String id) {
    return repairs.start(Ids.parse(id));
  }

  @Mutation("completeRepair")
  @Description("IN_PROGRESS → COMPLETED, with the diagnosis and the resolution")
  public RepairView completeRepair(@Id @NonNull String id, RepairCommands.Completion input) {
    return repairs.complete(Ids.parse(id), input);
  }

  @Mutation("cancelRepair")
  @Description("OPEN, SCHEDULED or IN_PROGRESS → CANCELLED, with the reason")
  public RepairView cancelRepair(@Id @NonNull String id, RepairCommands.Cancellation input) {
    return repairs.cancel(Ids.parse(id), input);
  }
}
