package dev.headlesscrm.platform.events;

/**
 * Who may see the events of a resource whose records are not owned but shown to the people they
 * concern (approvals: the submitter, the approvers, whoever sees the approved record). Declare a
 * bean for the resource; the feed then asks it instead of applying data scope.
 */
public interface EventAudience {

  /** The resource whose events this audience decides, as in {@code EventView.resource}. */
  String resource();

  /** Whether the current caller may see the event. */
  boolean sees(EventView event);
}
