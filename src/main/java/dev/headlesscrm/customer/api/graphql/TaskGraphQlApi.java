package dev.headlesscrm.customer.api.graphql;

import dev.headlesscrm.customer.application.TaskService;
import dev.headlesscrm.customer.application.TaskView;
import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Tasks' status actions and the caller's own tasks over GraphQL: the same services as REST. */
@GraphQLApi
@GraphQlProblems
public class TaskGraphQlApi {

  @Inject TaskService tasks;

  /** A page of tasks. */
  public static class TaskConnection extends Connection<TaskView> {
    TaskConnection(Page<TaskView> page) {
      super(page);
    }
  }

  @Query("myTasks")
  @Description(
      "The caller's open tasks, earliest due first. The due argument picks every open task"
          + " (the default), those due today, overdue ones or upcoming ones.")
  public TaskConnection myTasks(TaskService.Due due, Integer first, String after) {
    return new TaskConnection(tasks.mine(due, first, after));
  }

  @Mutation("completeTask")
  @Description("OPEN → DONE")
  public TaskView completeTask(@Id @NonNull String id) {
    return tasks.complete(Ids.parse(id));
  }

  @Mutation("cancelTask")
  @Description("OPEN → CANCELLED")
  public TaskView cancelTask(@Id @NonNull String id) {
    return tasks.cancel(Ids.parse(id));
  }

  @Mutation("reopenTask")
  @Description("DONE or CANCELLED → OPEN")
  public TaskView reopenTask(@Id @NonNull String id) {
    return tasks.reopen(Ids.parse(id));
  }
}
