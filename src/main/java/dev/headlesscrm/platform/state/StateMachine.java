package dev.headlesscrm.platform.state;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The allowed transitions of a status, declared once per record type and checked in one place: a
 * refused transition is a 409 problem naming both states and what the record may become instead.
 * Staying in the same state is not a transition and is always allowed.
 *
 * <pre>
 * static final StateMachine&lt;LeadStatus&gt; LEAD = StateMachine.of("lead", LeadStatus.class)
 *     .allow(NEW, CONTACTED, QUALIFIED, UNQUALIFIED)
 *     .allow(CONTACTED, QUALIFIED, UNQUALIFIED)
 *     .build();
 * </pre>
 */
public final class StateMachine<S extends Enum<S>> {

  private final String name;
  private final Map<S, Set<S>> allowed;

  private StateMachine(String name, Map<S, Set<S>> allowed) {
    this.name = name;
    this.allowed = allowed;
  }

  public static <S extends Enum<S>> Builder<S> of(String name, Class<S> type) {
    return new Builder<>(name, type);
  }

  public boolean allows(S from, S to) {
    return from == to || allowed.get(from).contains(to);
  }

  /** The states reachable from this one in one step. */
  public Set<S> next(S from) {
    return Collections.unmodifiableSet(allowed.get(from));
  }

  /** Whether nothing leaves this state. */
  public boolean isFinal(S state) {
    return allowed.get(state).isEmpty();
  }

  /** Checks the transition; a refused one is a 409 problem with the allowed next states. */
  public void check(S from, S to) {
    if (!allows(from, to)) {
      List<String> next = allowed.get(from).stream().map(Enum::name).toList();
      throw new CrmException(
          ProblemType.CONFLICT,
          Text.of(
              "A "
                  + name
                  + " cannot go from "
                  + from
                  + " to "
                  + to
                  + (next.isEmpty() ? "; " + from + " is final." : "; from " + from + ": " + next)
                  + ".",
              name + " 不能从 " + from + " 变为 " + to + "；可变为：" + next + "。"),
          List.of(),
          Map.of("from", from.name(), "to", to.name(), "allowed", next));
    }
  }

  /**
   * Checks a state action (submit, confirm, void…), which unlike a field change must move the
   * record: already being in the target state, or in one of {@code alreadyIn} (a submitted record
   * in approval), is a 409 problem naming the current state; otherwise as {@link #check}.
   */
  @SafeVarargs
  public final void act(S from, S to, S... alreadyIn) {
    if (from == to || List.of(alreadyIn).contains(from)) {
      throw already(name, from.name());
    }
    check(from, to);
  }

  /** The 409 problem of an action that has already happened: it names the record's state. */
  public static CrmException already(String name, String state) {
    return new CrmException(
        ProblemType.CONFLICT,
        Text.of(
            "The " + name + " is already " + state + "; the action has nothing to do.",
            name + " 已是 " + state + " 状态，无需重复操作。"),
        List.of(),
        Map.of("state", state));
  }

  /** Declares the transitions. */
  public static final class Builder<S extends Enum<S>> {
    private final String name;
    private final Map<S, Set<S>> allowed;

    private Builder(String name, Class<S> type) {
      this.name = name;
      this.allowed = new EnumMap<>(type);
      for (S s : type.getEnumConstants()) {
        allowed.put(s, EnumSet.noneOf(type));
      }
    }

    @SafeVarargs
    public final Builder<S> allow(S from, S... to) {
      allowed.get(from).addAll(List.of(to));
      return this;
    }

    public StateMachine<S> build() {
      return new StateMachine<>(name, allowed);
    }
  }
}
