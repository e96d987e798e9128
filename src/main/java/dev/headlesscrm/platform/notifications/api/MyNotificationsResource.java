package dev.headlesscrm.platform.notifications.api;

import dev.headlesscrm.platform.api.Page;
import dev.headlesscrm.platform.api.RestResponses;
import dev.headlesscrm.platform.notifications.NotificationService;
import dev.headlesscrm.platform.notifications.NotificationView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's notification inbox (站内通知): one place a mobile app polls. */
@Path("/api/v1/me/notifications")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class MyNotificationsResource {

  @Inject NotificationService service;

  @GET
  @Operation(
      operationId = "listMyNotifications",
      summary = "The caller's notifications, newest first",
      description =
          "unread=true lists the unread ones, unread=false the read ones; kind limits to one kind."
              + " A service account has none.")
  public Page<NotificationView> list(
      @Parameter(description = "true: only unread ones; false: only read ones; left out: all")
          @QueryParam("unread")
          Boolean unread,
      @Parameter(description = "e.g. pool-warning, record-transferred, task-assigned")
          @QueryParam("kind")
          String kind,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    return service.mine(unread, kind, limit, cursor);
  }

  @GET
  @Path("unread-count")
  @Operation(
      operationId = "getMyUnreadNotifications",
      summary = "How many unread, in all and by kind",
      description = "The number a mobile app shows on its badge: cheap enough to poll.")
  public NotificationService.UnreadCount unread() {
    return service.unread();
  }

  @GET
  @Path("{id}")
  @Operation(
      operationId = "getMyNotification",
      summary = "One of the caller's notifications",
      description = "Another employee's notification is a 404.")
  public Response get(@PathParam("id") UUID id) {
    return RestResponses.read(service.get(id), null);
  }

  @POST
  @Path("{id}/read")
  @Operation(
      operationId = "markNotificationRead",
      summary = "Mark one read (409 when it already is)",
      description =
          "A change of the notification: its version moves and a notification.read event follows.")
  public Response read(@PathParam("id") UUID id) {
    return RestResponses.updated(service.markRead(id));
  }

  @POST
  @Path("read-all")
  @Operation(
      operationId = "markAllNotificationsRead",
      summary = "Mark every unread one read (of one kind, if given); answers how many",
      description = "Each one marked is a change of its own, with its version and event.")
  public Map<String, Integer> readAll(@QueryParam("kind") String kind) {
    return Map.of("marked", service.markAllRead(kind));
  }
}
