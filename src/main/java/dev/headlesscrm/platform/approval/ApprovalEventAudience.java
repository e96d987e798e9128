package dev.headlesscrm.platform.approval;

import dev.headlesscrm.platform.events.EventAudience;
import dev.headlesscrm.platform.events.EventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code approval.*} events reach whoever may read the approval: its submitter and approvers,
 * administrators, and those who see the approved record; comments are nobody else's business.
 */
@ApplicationScoped
public class ApprovalEventAudience implements EventAudience {

  @Inject ApprovalEngine engine;

  @Override
  public String resource() {
    return ApprovalEngine.RESOURCE;
  }

  @Override
  public boolean sees(EventView event) {
    return engine.canRead(event);
  }
}
