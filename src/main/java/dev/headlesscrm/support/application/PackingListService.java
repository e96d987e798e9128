package dev.headlesscrm.support.application;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.sales.order.application.SalesOrderView;
import dev.headlesscrm.support.domain.PackingDirection;
import dev.headlesscrm.support.domain.PackingList;
import dev.headlesscrm.support.domain.PackingListLine;
import dev.headlesscrm.support.domain.PackingListStates;
import dev.headlesscrm.support.domain.PackingListStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Packing lists (装箱单): for a repair or a sales order (exactly one, readable by the caller), whose
 * customer they take; made without lines, they take the repair's parts (with their serial numbers)
 * or the order's product lines. Lines change while DRAFT, the rest until the list ships; packed,
 * shipped (with a tracking number), delivered and returned through their actions.
 */
@ApplicationScoped
public class PackingListService
    extends RecordService<PackingList, PackingListView, PackingListInput> {

  static final String RESOURCE = "packing-list";

  @Inject NumberingService numbering;
  @Inject ProductService products;

  static final RecordDefinition<PackingList, PackingListView, PackingListInput> DEFINITION =
      RecordDefinition.of(
              FieldServiceResources.PACKING_LISTS,
              PackingList.class,
              PackingListView.class,
              PackingListInput.class)
          .view("lines", p -> p.lines.stream().map(PackingListView.Line::of).toList())
          .input(
              "lines",
              p ->
                  p.lines.stream()
                      .map(
                          l ->
                              new PackingListInput.Line(
                                  l.productId,
                                  l.description,
                                  l.quantity,
                                  List.copyOf(l.serialNumbers)))
                      .toList())
          .own(
              "direction",
              "repairId",
              "orderId",
              "shipFromAddress",
              "shipToAddress",
              "carrier",
              "trackingNumber",
              "lines")
          .build();

  @Override
  protected RecordDefinition<PackingList, PackingListView, PackingListInput> definition() {
    return DEFINITION;
  }

  /** Where the list's parts come from: its customer, address and default lines. */
  private record Source(UUID customerId, String address, List<PackingListInput.Line> lines) {}

  @Override
  protected void apply(PackingListInput in, PackingList p, boolean creating) {
    if (!creating && p.status != PackingListStatus.DRAFT && p.status != PackingListStatus.PACKED) {
      throw CrmException.conflict(
          Text.of("A " + p.status + " packing list can no longer be changed.", "已发货的装箱单不能再修改。"));
    }
    if (!creating
        && (!Objects.equals(in.repairId(), p.repairId)
            || !Objects.equals(in.orderId(), p.orderId))) {
      throw CrmException.invalidField(
          in.repairId() == null || !in.repairId().equals(p.repairId) ? "repairId" : "orderId",
          "immutable",
          Text.of("A packing list stays with its repair or order.", "装箱单所属的维修单或订单不可更改。"));
    }
    // Everything is looked up before the record changes: a query after it would flush it early.
    Source source = creating ? source(in.repairId(), in.orderId()) : null;
    List<PackingListInput.Line> given =
        creating && (in.lines() == null || in.lines().isEmpty())
            ? source.lines()
            : in.lines() == null ? List.of() : in.lines();
    List<PackingListInput.Line> lines = checked(given);
    boolean linesChanged = !sameLines(lines, p.lines);
    if (linesChanged && !creating && p.status != PackingListStatus.DRAFT) {
      throw CrmException.conflict(
          Text.of("Lines change only while the list is a DRAFT.", "只有草稿状态的装箱单可以修改明细。"));
    }
    PackingDirection direction =
        in.direction() == null ? PackingDirection.OUTBOUND : in.direction();

    copy(in, p);
    if (creating) {
      p.number = numbering.next(RESOURCE);
      p.status = PackingListStatus.DRAFT;
      p.repairId = in.repairId();
      p.orderId = in.orderId();
      p.customerId = source.customerId();
    }
    p.direction = direction;
    p.shipToAddress = trimmed(in.shipToAddress());
    p.shipFromAddress = trimmed(in.shipFromAddress());
    if (creating && direction == PackingDirection.OUTBOUND && p.shipToAddress == null) {
      p.shipToAddress = source.address();
    }
    if (creating && direction == PackingDirection.RETURN && p.shipFromAddress == null) {
      p.shipFromAddress = source.address();
    }
    p.carrier = trimmed(in.carrier());
    p.trackingNumber = trimmed(in.trackingNumber());
    if (linesChanged) {
      p.lines.clear();
      for (int i = 0; i < lines.size(); i++) {
        PackingListInput.Line l = lines.get(i);
        PackingListLine line = new PackingListLine();
        line.position = i + 1;
        line.productId = l.productId();
        line.description = l.description();
        line.quantity = l.quantity();
        line.serialNumbers = new ArrayList<>(l.serialNumbers());
        p.lines.add(line);
      }
      if (!creating) {
        p.touch(); // the lines are the list's: their change moves its version
      }
    }
  }

  // --- Actions ---------------------------------------------------------------------------------

  /** DRAFT → PACKED; a list without lines has nothing to pack (422). */
  @Transactional
  public PackingListView pack(UUID id) {
    PackingList p = forUpdate(id);
    PackingListStates.PACKING_LIST.act(p.status, PackingListStatus.PACKED);
    if (p.lines.isEmpty()) {
      throw CrmException.invalidField(
          "lines", "required", Text.of("Nothing to pack: add lines first.", "装箱单没有明细，无法装箱。"));
    }
    return act(
        p,
        "packed",
        x -> {
          x.status = PackingListStatus.PACKED;
          x.packedAt = now();
        });
  }

  /** PACKED → SHIPPED, with a tracking number (given now or before; 422 naming it otherwise). */
  @Transactional
  public PackingListView ship(UUID id, PackingListCommands.Shipment body) {
    PackingListCommands.Shipment s =
        body == null ? new PackingListCommands.Shipment(null, null) : body;
    validator.valid(s);
    PackingList p = forUpdate(id);
    PackingListStates.PACKING_LIST.act(p.status, PackingListStatus.SHIPPED);
    String tracking =
        trimmed(s.trackingNumber()) != null ? trimmed(s.trackingNumber()) : p.trackingNumber;
    String carrier = trimmed(s.carrier()) != null ? trimmed(s.carrier()) : p.carrier;
    if (tracking == null) {
      throw CrmException.invalidField(
          "trackingNumber",
          "required",
          Text.of("A shipment needs its tracking number.", "发货须填写运单号。"));
    }
    return act(
        p,
        "shipped",
        x -> {
          x.status = PackingListStatus.SHIPPED;
          x.trackingNumber = tracking;
          x.carrier = carrier;
          x.shippedAt = now();
        });
  }

  /** SHIPPED → DELIVERED. */
  @Transactional
  public PackingListView deliver(UUID id) {
    PackingList p = forUpdate(id);
    PackingListStates.PACKING_LIST.act(p.status, PackingListStatus.DELIVERED);
    return act(
        p,
        "delivered",
        x -> {
          x.status = PackingListStatus.DELIVERED;
          x.deliveredAt = now();
        });
  }

  /** SHIPPED or DELIVERED → RETURNED: the shipment came back. */
  @Transactional
  public PackingListView markReturned(UUID id) {
    PackingList p = forUpdate(id);
    PackingListStates.PACKING_LIST.act(p.status, PackingListStatus.RETURNED);
    return act(
        p,
        "returned",
        x -> {
          x.status = PackingListStatus.RETURNED;
          x.returnedAt = now();
        });
  }

  // --- Rules -----------------------------------------------------------------------------------

  /** The repair or the order (exactly one, live and readable by the caller; 422 otherwise). */
  private Source source(UUID repairId, UUID orderId) {
    if (repairId == null && orderId == null) {
      throw CrmException.invalidField(
          "repairId", "required", Text.of("Name the repair or the sales order.", "请指定维修单或销售订单。"));
    }
    if (repairId != null && orderId != null) {
      throw CrmException.invalidField(
          "orderId",
          "one-source",
          Text.of(
              "A packing list is for a repair or a sales order, not both.",
              "装箱单只能对应一个维修单或一个销售订单。"));
    }
    if (repairId != null) {
      RepairView repair =
          references
              .readable(RepairService.RESOURCE, repairId)
              .map(RepairView.class::cast)
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "repairId", "not-found", Text.of("No such repair.", "维修单不存在。")));
      return new Source(
          repair.customerId(),
          repair.visitAddress(),
          repair.parts().stream()
              .map(
                  part ->
                      new PackingListInput.Line(
                          part.productId(),
                          part.description(),
                          part.quantity(),
                          part.serialNumber() == null ? List.of() : List.of(part.serialNumber())))
              .toList());
    }
    SalesOrderView order =
        references
            .readable("sales-order", orderId)
            .map(SalesOrderView.class::cast)
            .orElseThrow(
                () ->
                    CrmException.invalidField(
                        "orderId", "not-found", Text.of("No such sales order.", "销售订单不存在。")));
    return new Source(
        order.customerId(),
        order.shippingAddress(),
        order.lines().stream()
            .filter(l -> l.productId() != null)
            .map(
                l ->
                    new PackingListInput.Line(
                        l.productId(), l.description(), l.quantity(), List.of()))
            .toList());
  }

  /**
   * Lines with their products checked (live products only) and their serial numbers: one per unit
   * at most, none twice in the list; the description is the product's name when omitted.
   */
  private List<PackingListInput.Line> checked(List<PackingListInput.Line> lines) {
    if (lines.isEmpty()) {
      return List.of();
    }
    Set<UUID> ids = new HashSet<>();
    lines.forEach(l -> ids.add(l.productId()));
    Map<UUID, ProductView> found = products.getAll(ids);
    List<CrmException.Violation> problems = new ArrayList<>();
    Set<String> serialsSeen = new HashSet<>();
    List<PackingListInput.Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      PackingListInput.Line l = lines.get(i);
      ProductView product = found.get(l.productId());
      if (product == null) {
        problems.add(
            new CrmException.Violation(
                "lines[" + i + "].productId", "not-found", Text.of("No such product.", "产品不存在。")));
        continue;
      }
      List<String> serials =
          l.serialNumbers() == null
              ? List.of()
              : l.serialNumbers().stream().map(String::trim).toList();
      if (!PackingListLine.serialsFit(serials.size(), l.quantity())) {
        problems.add(
            new CrmException.Violation(
                "lines[" + i + "].serialNumbers",
                "exceeds-quantity",
                Text.of(
                    serials.size()
                        + " serial numbers for "
                        + l.quantity().stripTrailingZeros().toPlainString()
                        + " units: one per unit at most.",
                    "序列号数量不能超过数量。")));
        continue;
      }
      for (String serial : serials) {
        if (!serialsSeen.add(serial)) {
          problems.add(
              new CrmException.Violation(
                  "lines[" + i + "].serialNumbers",
                  "duplicate",
                  Text.of(
                      "Serial number " + serial + " is listed twice.", "序列号 " + serial + " 重复。")));
          break;
        }
      }
      String description =
          l.description() == null || l.description().isBlank()
              ? product.name()
              : l.description().trim();
      out.add(
          new PackingListInput.Line(
              l.productId(),
              description.length() > 200 ? description.substring(0, 200) : description,
              l.quantity(),
              serials));
    }
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    return out;
  }

  private static boolean sameLines(List<PackingListInput.Line> given, List<PackingListLine> now) {
    if (given.size() != now.size()) {
      return false;
    }
    for (int i = 0; i < given.size(); i++) {
      PackingListInput.Line g = given.get(i);
      PackingListLine c = now.get(i);
      if (!g.productId().equals(c.productId)
          || !g.description().equals(c.description)
          || g.quantity().compareTo(c.quantity) != 0
          || !g.serialNumbers().equals(c.serialNumbers)) {
        return false;
      }
    }
    return true;
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
