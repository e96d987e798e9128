package dev.headlesscrm.platform.notifications.api;

import dev.headlesscrm.platform.api.Ids;
import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.graphql.Connection;
import dev.headlesscrm.platform.graphql.GraphQlProblems;
import dev.headlesscrm.platform.notifications.NotificationService;
import dev.headlesscrm.platform.notifications.NotificationView;
import jakarta.inject.Inject;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The caller's notification inbox over GraphQL: the same service as REST. */
@GraphQLApi
@GraphQlProblems
public class NotificationGraphQlApi {

  @Inject NotificationService notifications;
  @Inject dev.headlesscrm.platform.notifications.ReminderService reminders;

  @Query("myReminders")
  @Description(
      "What falls due for the caller (birthdays, follow-ups, tasks, receivables, pool returns,"
          + " approvals), earliest first; days overrides every kind's lead days.")
  public dev.headlesscrm.platform.notifications.ReminderService.Reminders myReminders(
      Integer days, java.util.List<String> kind) {
    return reminders.mine(days, kind);
  }

  /** A page of notifications. */
  public static class NotificationConnection extends Connection<NotificationView> {
    NotificationConnection(Page<NotificationView> page) {
      super(page);
    }
  }

  @Query("myNotifications")
  @Description("The caller's notifications, newest first; unread and kind narrow them.")
  public NotificationConnection myNotifications(
      Boolean unread, String kind, Integer first, String after) {
    return new NotificationConnection(notifications.mine(unread, kind, first, after));
  }

  @Query("myNotification")
  @Description("One of the caller's notifications.")
  public NotificationView myNotification(@Id @NonNull String id) {
    return notifications.get(Ids.parse(id));
  }

  @Query("myUnreadNotifications")
  @Description("How many of the caller's notifications are unread, in all and by kind.")
  public NotificationService.UnreadCount myUnreadNotifications() {
    return notifications.unread();
  }

  @Mutation("markNotificationRead")
  public NotificationView markNotificationRead(@Id @NonNull String id) {
    return notifications.markRead(Ids.parse(id));
  }

  @Mutation("markAllNotificationsRead")
  @Description("Marks every unread notification (of one kind, if given) read; answers how many.")
  public int markAllNotificationsRead(String kind) {
    return notifications.markAllRead(kind);
  }
}
