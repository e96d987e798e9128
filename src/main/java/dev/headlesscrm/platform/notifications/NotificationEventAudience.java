package dev.headlesscrm.platform.notifications;

import dev.headlesscrm.platform.events.EventAudience;
import dev.headlesscrm.platform.events.EventView;
import dev.headlesscrm.platform.security.CurrentPrincipal;
import dev.headlesscrm.platform.security.PrincipalKind;
import dev.headlesscrm.platform.security.ResolvedPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A notification's events reach its recipient only, whatever anyone's data scope. */
@ApplicationScoped
public class NotificationEventAudience implements EventAudience {

  @Inject CurrentPrincipal principal;

  @Override
  public String resource() {
    return NotificationService.RESOURCE;
  }

  @Override
  public boolean sees(EventView event) {
    ResolvedPrincipal me = principal.resolve();
    if (me.kind() != PrincipalKind.EMPLOYEE || event.data() == null) {
      return false;
    }
    com.fasterxml.jackson.databind.JsonNode recipient = event.data().get("recipientId");
    return recipient != null && recipient.asText().equals(me.id().toString());
  }
}
