package dev.headlesscrm.catalogue.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import org.junit.jupiter.api.Test;

/** A product's kind: services and trainings are intangible. */
class ProductRulesTest {

  @Test
  void withoutAKindGoodsAreTangibleAndServicesAndTrainingsIntangible() {
    assertEquals(ProductKind.TANGIBLE, ProductRules.kindOf(null, false, false));
    assertEquals(ProductKind.INTANGIBLE, ProductRules.kindOf(null, true, false));
    assertEquals(ProductKind.INTANGIBLE, ProductRules.kindOf(null, false, true));
    assertEquals(ProductKind.INTANGIBLE, ProductRules.kindOf(null, true, true));
  }

  @Test
  void aGivenKindIsKeptWhenItFits() {
    assertEquals(ProductKind.TANGIBLE, ProductRules.kindOf(ProductKind.TANGIBLE, false, false));
    assertEquals(ProductKind.INTANGIBLE, ProductRules.kindOf(ProductKind.INTANGIBLE, false, false));
    assertEquals(ProductKind.INTANGIBLE, ProductRules.kindOf(ProductKind.INTANGIBLE, true, true));
  }

  @Test
  void aTangibleServiceOrTrainingIsRefused() {
    for (boolean[] flags : new boolean[][] {{true, false}, {false, true}, {true, true}}) {
      CrmException e =
          assertThrows(
              CrmException.class,
              () -> ProductRules.kindOf(ProductKind.TANGIBLE, flags[0], flags[1]));
      assertEquals(ProblemType.VALIDATION, e.type());
      assertEquals("kind", e.violations().get(0).field());
    }
  }
}
