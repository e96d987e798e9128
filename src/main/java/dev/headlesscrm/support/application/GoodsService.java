package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.BusinessTime;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.order.application.OrderLinesDelivered;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.GoodsStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Goods (商品): what customers own. Made by hand, or one per delivered order line each time a sales
 * order delivers (with the order's shipping address and the default warranty). Read by every role
 * that reads goods: service works with any customer's installed base.
 */
@ApplicationScoped
public class GoodsService extends RecordService<Goods, GoodsView, GoodsInput> {

  static final String RESOURCE = "goods";

  @Inject References references;
  @Inject SettingsService settings;

  static final RecordDefinition<Goods, GoodsView, GoodsInput> DEFINITION =
      RecordDefinition.of(SupportResources.GOODS, Goods.class, GoodsView.class, GoodsInput.class)
          .view("underWarranty", g -> g.underWarranty(today()))
          .own("productId", "customerId", "quantity", "warrantyEndsOn", "status", "serialNumber")
          .build();

  @Override
  protected RecordDefinition<Goods, GoodsView, GoodsInput> definition() {
    return DEFINITION;
  }

  static LocalDate today() {
    return LocalDate.ofInstant(dev.headlesscrm.platform.persistence.Clock.now(), BusinessTime.ZONE);
  }

  @Override
  protected void apply(GoodsInput in, Goods g, boolean creating) {
    if (!creating && !Objects.equals(g.customerId, in.customerId())) {
      throw CrmException.invalidField(
          "customerId", "immutable", Text.of("Goods stay with their customer.", "商品的客户不可更改。"));
    }
    if (creating && references.readable("customer", in.customerId()).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (!Objects.equals(g.productId, in.productId())
        && references.readable("product", in.productId()).isEmpty()) {
      throw CrmException.invalidField(
          "productId", "not-found", Text.of("No such product.", "产品不存在。"));
    }
    references.requireContactOf(in.customerId(), in.contactId(), g.contactId);
    copy(in, g);
    g.productId = in.productId();
    g.customerId = in.customerId();
    g.quantity = in.quantity() == null ? BigDecimal.ONE : in.quantity();
    g.serialNumber =
        in.serialNumber() == null || in.serialNumber().isBlank() ? null : in.serialNumber().trim();
    g.status = in.status() == null ? GoodsStatus.IN_USE : in.status();
    g.warrantyEndsOn =
        in.warrantyEndsOn() != null
            ? in.warrantyEndsOn()
            : creating ? defaultWarranty(in.deliveredOn()) : g.warrantyEndsOn;
    if (!Objects.equals(in.warrantyEndsOn(), g.warrantyEndsOn) || creating) {
      g.warrantyWarnedAt = null;
    }
  }

  private LocalDate defaultWarranty(LocalDate delivered) {
    int months = settings.value(Setting.WARRANTY_MONTHS).asInt(12);
    return months == 0
        ? null
        : (delivered == null ? today() : delivered).plusMonths(months).minusDays(1);
  }

  /** A delivery made goods: one per line with a product, in the delivering transaction. */
  void delivered(@Observes OrderLinesDelivered delivery) {
    for (OrderLinesDelivered.Line line : delivery.lines()) {
      Goods g = new Goods();
      g.productId = line.productId();
      g.customerId = delivery.customerId();
      g.quantity = line.quantity();
      g.orderId = delivery.orderId();
      g.orderLineId = line.lineId();
      g.deliveredOn = delivery.deliveredOn();
      g.installAddress = delivery.shippingAddress();
      g.warrantyEndsOn = defaultWarranty(delivery.deliveredOn());
      g.status = GoodsStatus.IN_USE;
      em.persist(g);
      em.flush();
      GoodsView view = view(g);
      record(g, "created", changeLog.diff(null, view), view);
    }
  }

  /** The warranty reminder: marked through the goods' version (history and event). */
  void warrantyEnding(Goods g) {
    act(g, "warranty-ending", x -> x.warrantyWarnedAt = now());
  }

  /** The goods a service request names: live, of that customer, and readable. */
  Goods forRequest(UUID goodsId, UUID customerId) {
    Goods g = goodsId == null ? null : em.find(Goods.class, goodsId);
    if (g == null || g.isDeleted() || !g.customerId.equals(customerId)) {
      throw CrmException.invalidField(
          "goodsId", "not-found", Text.of("The goods must be the customer's.", "商品必须属于该客户。"));
    }
    return g;
  }
}
