package dev.headlesscrm.platform.events;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Until data permissions apply to the feed, every authenticated caller sees every event. */
@DefaultBean
@ApplicationScoped
public class AllEventsVisible implements EventVisibility {

  @Override
  public Optional<EventView> view(EventView event) {
    return Optional.of(event);
  }

  @Override
  public List<EventView> visible(List<EventView> events) {
    return events;
  }
}
