package dev.headlesscrm.sales.performance.application;

import dev.headlesscrm.platform.events.EventAudience;
import dev.headlesscrm.platform.events.EventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code sales-target.*} events reach whoever sees the target now: a department's target has no
 * owner for data scope to judge by, and its managers see it whatever their scope.
 */
@ApplicationScoped
public class SalesTargetEventAudience implements EventAudience {

  @Inject SalesTargetService targets;

  @Override
  public String resource() {
    return SalesTargetService.RESOURCE;
  }

  @Override
  public boolean sees(EventView event) {
    return targets.canSee(event.resourceId());
  }
}
