package dev.headlesscrm.sales;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.state.StateMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/** Every allowed and every refused transition of a status machine, one dynamic test each. */
public final class StateTransitions {
  private StateTransitions() {}

  public static <S extends Enum<S>> Stream<DynamicTest> transitions(
      StateMachine<S> machine, Class<S> type, Map<S, Set<S>> expected) {
    List<DynamicTest> out = new ArrayList<>();
    for (S from : type.getEnumConstants()) {
      for (S to : type.getEnumConstants()) {
        if (from == to) {
          continue;
        }
        boolean allowed = expected.get(from).contains(to);
        out.add(
            DynamicTest.dynamicTest(
                from + " -> " + to + (allowed ? " allowed" : " refused"),
                () -> {
                  if (allowed) {
                    assertDoesNotThrow(() -> machine.check(from, to));
                  } else {
                    CrmException e =
                        assertThrows(CrmException.class, () -> machine.check(from, to));
                    assertEquals(ProblemType.CONFLICT, e.type());
                  }
                }));
      }
    }
    return out.stream();
  }
}
