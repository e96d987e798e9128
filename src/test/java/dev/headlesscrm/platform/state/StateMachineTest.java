package dev.headlesscrm.platform.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMachineTest {

  enum Light {
    RED,
    GREEN,
    YELLOW,
    BROKEN
  }

  static final StateMachine<Light> LIGHT =
      StateMachine.of("light", Light.class)
          .allow(Light.RED, Light.GREEN, Light.BROKEN)
          .allow(Light.GREEN, Light.YELLOW, Light.BROKEN)
          .allow(Light.YELLOW, Light.RED, Light.BROKEN)
          .build();

  @Test
  void declaredTransitionsAndStayingPutAreAllowed() {
    assertTrue(LIGHT.allows(Light.RED, Light.GREEN));
    assertTrue(LIGHT.allows(Light.YELLOW, Light.RED));
    assertTrue(LIGHT.allows(Light.BROKEN, Light.BROKEN));
    assertEquals(Set.of(Light.YELLOW, Light.BROKEN), LIGHT.next(Light.GREEN));
    assertTrue(LIGHT.isFinal(Light.BROKEN));
    assertFalse(LIGHT.isFinal(Light.RED));
  }

  @Test
  void otherTransitionsAreA409NamingWhatIsAllowed() {
    CrmException e = assertThrows(CrmException.class, () -> LIGHT.check(Light.RED, Light.YELLOW));
    assertEquals(ProblemType.CONFLICT, e.type());
    assertEquals("RED", e.extensions().get("from"));
    assertEquals("YELLOW", e.extensions().get("to"));
    assertEquals(List.of("GREEN", "BROKEN"), e.extensions().get("allowed"));
    CrmException fin = assertThrows(CrmException.class, () -> LIGHT.check(Light.BROKEN, Light.RED));
    assertEquals(List.of(), fin.extensions().get("allowed"));
  }
}
