package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.order.domain.OrderStates;
import dev.headlesscrm.sales.order.domain.SalesOrder;
import dev.headlesscrm.sales.order.domain.SalesOrderLine;
import dev.headlesscrm.sales.order.domain.SalesOrderStatus;
import dev.headlesscrm.sales.shared.application.SalesReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sales orders (销售订单): numbered DD+date+sequence, priced like quotes with the order decimal places,
 * confirmed, delivered line by line (the status follows: partially delivered, delivered), closed or
 * cancelled; made from an approved or active contract in one call; upserted by external id from the
 * ERP.
 */
@ApplicationScoped
public class SalesOrderService
    extends OwnedRecordService<SalesOrder, SalesOrderView, SalesOrderInput> {

  @jakarta.inject.Inject jakarta.enterprise.event.Event<OrderLinesDelivered> linesDelivered;

  static final String RESOURCE = "sales-order";
  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject dev.headlesscrm.platform.settings.DecimalPlaces decimalPlaces;
  @Inject NumberingService numbering;
  @Inject SettingsService settings;
  @Inject SalesReferences references;
  @Inject LinePricing pricing;
  @Inject ContractService contracts;

  private final RecordDefinition<SalesOrder, SalesOrderView, SalesOrderInput> definition =
      PricedLines.lines(
              RecordDefinition.of(
                  OrderResources.SALES_ORDERS,
                  SalesOrder.class,
                  SalesOrderView.class,
                  SalesOrderInput.class),
              o -> o.lines,
              this::decimals)
          .view(
              "lines",
              o -> o.lines.stream().map(l -> SalesOrderView.Line.of(l, decimals())).toList())
          .rounded(this::decimals, "subtotal", "discountTotal", "taxTotal", "grandTotal")
          .own("orderDate", "currency")
          .build();

  @Override
  protected RecordDefinition<SalesOrder, SalesOrderView, SalesOrderInput> definition() {
    return definition;
  }

  int decimals() {
    return decimalPlaces.of(Setting.ORDER_DECIMALS);
  }

  @Override
  protected void apply(SalesOrderInput in, SalesOrder o, boolean creating) {
    if (!creating && o.status != SalesOrderStatus.DRAFT) {
      throw CrmException.conflict(
          Text.of(
              "An order can be changed only while DRAFT (it is " + o.status + ").",
              "订单只有在草稿状态时可以修改。"));
    }
    references.customer(in.customerId(), "customerId");
    if (in.contractId() != null) {
      ContractView c = contracts.getAll(List.of(in.contractId())).get(in.contractId());
      if (c == null || !c.customerId().equals(in.customerId())) {
        throw CrmException.invalidField(
            "contractId",
            "not-of-customer",
            Text.of("Not a contract of this customer.", "不是该客户的合同。"));
      }
    }
    if (creating) {
      o.number = numbering.next(RESOURCE);
      o.status = SalesOrderStatus.DRAFT;
    }
    copy(in, o);
    o.orderDate = in.orderDate() != null ? in.orderDate() : LocalDate.now(ZONE);
    o.currency =
        in.currency() != null ? in.currency() : settings.value(Setting.DEFAULT_CURRENCY).asText();
    PricedLines.Totals totals =
        PricedLines.apply(pricing.priced(in.lines()), o.lines, SalesOrderLine::new, decimals());
    o.subtotal = totals.subtotal();
    o.discountTotal = totals.discountTotal();
    o.taxTotal = totals.taxTotal();
    o.grandTotal = totals.grandTotal();
    assignOwner(o, in.ownerId(), creating);
  }

  /** 合同生成订单: a draft order with the contract's customer and lines. */
  @Transactional
  public SalesOrderView fromContract(UUID contractId) {
    access.require(RESOURCE, Action.CREATE);
    ContractView c = contracts.get(contractId);
    // Checked under the contract's lock: a void or termination cannot slip in between.
    if (!contracts.lockFunds(contractId).takesPayments()) {
      throw CrmException.conflict(
          Text.of("Orders are made from approved or active contracts.", "只有已审批或执行中的合同可以生成订单。"));
    }
    return create(
        new SalesOrderInput(
            c.id(),
            c.customerId(),
            null,
            null,
            null,
            c.currency(),
            c.lines().stream()
                .map(
                    l ->
                        new PricedLines.LineInput(
                            l.productId(),
                            l.description(),
                            l.quantity(),
                            l.unitPrice(),
                            l.discountPercent(),
                            l.taxRate()))
                .toList(),
            null,
            null,
            null,
            c.ownerId()));
  }

  @Transactional
  public SalesOrderView confirm(UUID id) {
    return move(id, SalesOrderStatus.CONFIRMED, "confirmed");
  }

  @Transactional
  public SalesOrderView close(UUID id) {
    return move(id, SalesOrderStatus.CLOSED, "closed");
  }

  @Transactional
  public SalesOrderView cancel(UUID id) {
    return move(id, SalesOrderStatus.CANCELLED, "cancelled");
  }

  /** Records delivered quantities; the status becomes partially delivered or delivered. */
  @Transactional
  public SalesOrderView deliver(UUID id, Delivery delivery) {
    validator.valid(delivery);
    SalesOrder o = forUpdate(id);
    if (!EnumSet.of(SalesOrderStatus.CONFIRMED, SalesOrderStatus.PARTIALLY_DELIVERED)
        .contains(o.status)) {
      throw CrmException.conflict(Text.of("Only confirmed orders are delivered.", "只有已确认的订单可以发货。"));
    }
    Map<UUID, SalesOrderLine> byId = o.lines.stream().collect(Collectors.toMap(l -> l.id, l -> l));
    for (int i = 0; i < delivery.lines().size(); i++) {
      Delivery.Item item = delivery.lines().get(i);
      SalesOrderLine line = byId.get(item.lineId());
      if (line == null) {
        throw CrmException.invalidField(
            "lines[" + i + "].lineId",
            "not-of-order",
            Text.of("Not a line of this order.", "不是该订单的明细行。"));
      }
      if (line.deliveredQuantity.add(item.quantity()).compareTo(line.quantity) > 0) {
        throw CrmException.invalidField(
            "lines[" + i + "].quantity",
            "exceeds-ordered",
            Text.of(
                "More than ordered ("
                    + line.quantity.stripTrailingZeros().toPlainString()
                    + ", delivered "
                    + line.deliveredQuantity.stripTrailingZeros().toPlainString()
                    + ").",
                "超过订购数量。"));
      }
    }
    SalesOrderView delivered =
        act(
            o,
            "delivered",
            x -> {
              for (Delivery.Item item : delivery.lines()) {
                SalesOrderLine line = byId.get(item.lineId());
                line.deliveredQuantity = line.deliveredQuantity.add(item.quantity());
              }
              boolean all =
                  x.lines.stream().allMatch(l -> l.deliveredQuantity.compareTo(l.quantity) >= 0);
              SalesOrderStatus to =
                  all ? SalesOrderStatus.DELIVERED : SalesOrderStatus.PARTIALLY_DELIVERED;
              OrderStates.SALES_ORDER.check(x.status, to);
              x.status = to;
            });
    List<OrderLinesDelivered.Line> lines = new java.util.ArrayList<>();
    for (Delivery.Item item : delivery.lines()) {
      SalesOrderLine line = byId.get(item.lineId());
      if (line.productId != null) {
        lines.add(new OrderLinesDelivered.Line(line.id, line.productId, item.quantity()));
      }
    }
    boolean complete = o.status == SalesOrderStatus.DELIVERED;
    if (!lines.isEmpty() || complete) {
      linesDelivered.fire(
          new OrderLinesDelivered(
              o.id,
              o.customerId,
              java.time.LocalDate.now(dev.headlesscrm.platform.api.BusinessTime.ZONE),
              o.shippingAddress,
              List.copyOf(lines),
              complete));
    }
    return delivered;
  }

  private SalesOrderView move(UUID id, SalesOrderStatus to, String action) {
    SalesOrder o = forUpdate(id);
    OrderStates.SALES_ORDER.act(o.status, to);
    return act(o, action, x -> x.status = to);
  }
}
