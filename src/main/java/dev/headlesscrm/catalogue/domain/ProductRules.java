package dev.headlesscrm.catalogue.domain;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;

/** The rules a product obeys whatever the way it is written. */
public final class ProductRules {

  private ProductRules() {}

  /**
   * A service or a training is intangible: when no kind is given it is INTANGIBLE for them and
   * TANGIBLE for anything else; TANGIBLE together with the service or training flag is refused.
   */
  public static ProductKind kindOf(ProductKind given, boolean service, boolean training) {
    boolean intangibleByNature = service || training;
    if (given == null) {
      return intangibleByNature ? ProductKind.INTANGIBLE : ProductKind.TANGIBLE;
    }
    if (given == ProductKind.TANGIBLE && intangibleByNature) {
      throw CrmException.invalidField(
          "kind",
          "intangible",
          Text.of("A service or training product is INTANGIBLE.", "服务类或培训类产品必须是无形产品（INTANGIBLE）。"));
    }
    return given;
  }
}
