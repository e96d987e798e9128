package dev.headlesscrm.catalogue.application;

import dev.headlesscrm.catalogue.domain.Product;
import dev.headlesscrm.catalogue.domain.ProductCategoryRepository;
import dev.headlesscrm.catalogue.domain.ProductRules;
import dev.headlesscrm.catalogue.domain.ProductSource;
import dev.headlesscrm.catalogue.domain.ProductStatus;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.search.Mnemonic;
import dev.headlesscrm.platform.search.SearchText;
import dev.headlesscrm.platform.settings.DecimalPlaces;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * Products (产品管理): company-wide records every role reads; the generic record life plus the
 * product's rules. Prices are rounded HALF_UP to the system parameter decimal-places.product when
 * stored and when read, so a change of the setting shows at once and applies to the next write.
 */
@ApplicationScoped
public class ProductService extends RecordService<Product, ProductView, ProductInput> {

  static final String RESOURCE = "product";

  private final RecordDefinition<Product, ProductView, ProductInput> definition =
      RecordDefinition.of(
              ProductResources.PRODUCTS, Product.class, ProductView.class, ProductInput.class)
          .view("listPrice", p -> price(p.listPrice))
          .view("cost", p -> price(p.cost))
          .view("taxRate", p -> p.taxRate == null ? null : p.taxRate.setScale(4))
          .own("code", "name", "kind", "source", "service", "training", "unit")
          .own("listPrice", "cost", "currency", "status")
          .build();

  @Inject ProductCategoryRepository categories;
  @Inject NumberingService numbering;
  @Inject DecimalPlaces decimals;
  @Inject SettingsService settings;

  @Override
  protected RecordDefinition<Product, ProductView, ProductInput> definition() {
    return definition;
  }

  @Override
  protected void apply(ProductInput in, Product p, boolean creating) {
    if (creating) {
      p.code = blank(in.code()) ? numbering.next(RESOURCE) : in.code().trim();
    } else if (blank(in.code())) {
      throw CrmException.invalidField(
          "code", "required", Text.of("The product code is required.", "产品编号不能为空。"));
    } else {
      p.code = in.code().trim();
    }
    p.name = in.name().trim();
    if (in.categoryId() != null && categories.findLive(in.categoryId()).isEmpty()) {
      throw CrmException.invalidField(
          "categoryId", "not-found", Text.of("No such product category.", "产品类别不存在。"));
    }
    copy(in, p);
    p.service = Boolean.TRUE.equals(in.service());
    p.training = Boolean.TRUE.equals(in.training());
    p.kind = ProductRules.kindOf(in.kind(), p.service, p.training);
    p.source = in.source() == null ? ProductSource.IN_HOUSE : in.source();
    p.unit = blank(in.unit()) ? null : in.unit().trim();
    p.listPrice = price(in.listPrice());
    p.cost = price(in.cost());
    p.currency =
        blank(in.currency()) ? settings.value(Setting.DEFAULT_CURRENCY).asText() : in.currency();
    p.status = in.status() == null ? ProductStatus.ACTIVE : in.status();
    SearchText.Columns search =
        SearchText.builder()
            .add(p.name)
            .mnemonic(Mnemonic.of(p.name))
            .code(p.code)
            .code(p.externalId)
            .build();
    p.searchText = search.searchText();
    p.searchTokens = new ArrayList<>(search.searchTokens());
  }

  private BigDecimal price(BigDecimal amount) {
    return decimals.round(Setting.PRODUCT_DECIMALS, amount);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
