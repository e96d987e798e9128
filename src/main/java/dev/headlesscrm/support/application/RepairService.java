package dev.headlesscrm.support.application;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.catalogue.application.ProductView;
import dev.headlesscrm.platform.api.BusinessTime;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.settings.DecimalPlaces;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.support.domain.Goods;
import dev.headlesscrm.support.domain.Repair;
import dev.headlesscrm.support.domain.RepairCosts;
import dev.headlesscrm.support.domain.RepairPart;
import dev.headlesscrm.support.domain.RepairStates;
import dev.headlesscrm.support.domain.RepairStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Repairs (产品维修): made from a service request, whose customer they take and whose goods they
 * default to (goods of another customer are refused); whether the goods' warranty covered the day
 * the repair was opened decides what is charged. Parts and labour are priced on the server with the
 * order decimal places. Scheduled, started, completed or cancelled through their actions, each
 * through the version with its history entry and event; edited while not finished.
 */
@ApplicationScoped
public class RepairService extends OwnedRecordService<Repair, RepairView, RepairInput> {

  static final String RESOURCE = "repair";

  /** What an amount column (numeric(18, 6)) holds. */
  static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(12);

  @Inject NumberingService numbering;
  @Inject DecimalPlaces decimalPlaces;
  @Inject SettingsService settings;
  @Inject ProductService products;
  @Inject GoodsService goods;

  private final RecordDefinition<Repair, RepairView, RepairInput> definition =
      RecordDefinition.of(
              FieldServiceResources.REPAIRS, Repair.class, RepairView.class, RepairInput.class)
          .view("parts", r -> r.parts.stream().map(p -> RepairView.Part.of(p, decimals())).toList())
          .view("labourRate", r -> RepairView.plain(r.labourRate))
          .view("labourHours", r -> r.labourHours.setScale(2, java.math.RoundingMode.HALF_UP))
          .input(
              "parts",
              r ->
                  r.parts.stream()
                      .map(
                          p ->
                              new RepairInput.Part(
                                  p.productId,
                                  p.description,
                                  p.quantity,
                                  p.unitPrice,
                                  p.serialNumber))
                      .toList())
          .rounded(this::decimals, "partsTotal", "labourTotal", "total", "chargeable")
          .own(
              "serviceRequestId",
              "goodsId",
              "fault",
              "technicianId",
              "visitAddress",
              "labourHours",
              "labourRate",
              "currency",
              "parts",
              "ownerId")
          .build();

  @Override
  protected RecordDefinition<Repair, RepairView, RepairInput> definition() {
    return definition;
  }

  int decimals() {
    return decimalPlaces.of(Setting.ORDER_DECIMALS);
  }

  @Override
  protected void apply(RepairInput in, Repair r, boolean creating) {
    if (!creating && !RepairStates.editable(r.status)) {
      throw CrmException.conflict(
          Text.of(
              "A " + r.status + " repair can no longer be changed.",
              "已" + (r.status == RepairStatus.COMPLETED ? "完成" : "取消") + "的维修单不能再修改。"));
    }
    if (!creating && !Objects.equals(in.serviceRequestId(), r.serviceRequestId)) {
      throw CrmException.invalidField(
          "serviceRequestId",
          "immutable",
          Text.of("A repair stays with its service request.", "维修单的服务请求不可更改。"));
    }
    // Everything is looked up before the record changes: a query after it would flush it early.
    ServiceRequestView request = creating ? request(in.serviceRequestId()) : null;
    UUID customerId = creating ? request.customerId() : r.customerId;
    UUID goodsId = in.goodsId() != null ? in.goodsId() : creating ? request.goodsId() : null;
    Goods item = null;
    boolean goodsChanged = creating || !Objects.equals(goodsId, r.goodsId);
    if (goodsChanged && goodsId != null) {
      item = goods.forRequest(goodsId, customerId);
    }
    if (in.technicianId() != null && !in.technicianId().equals(r.technicianId)) {
      requireTechnician(in.technicianId());
    }
    requireWindow(in.scheduledStart(), in.scheduledEnd());
    if (!creating
        && r.status == RepairStatus.SCHEDULED
        && (in.technicianId() == null || in.scheduledStart() == null)) {
      throw CrmException.invalidField(
          in.technicianId() == null ? "technicianId" : "scheduledStart",
          "required",
          Text.of(
              "A scheduled repair keeps its technician and visit time.", "已预约的维修单须保留技术员和上门时间。"));
    }
    List<RepairInput.Part> parts = priced(in.parts());
    String fault = blank(in.fault()) ? (creating ? request.subject() : null) : in.fault().trim();
    if (fault == null) {
      throw CrmException.invalidField(
          "fault", "required", Text.of("Say what the fault is.", "请填写故障描述。"));
    }
    int scale = decimals();
    BigDecimal total =
        RepairCosts.of(
                parts.stream().map(p -> new RepairCosts.Part(p.quantity(), p.unitPrice())).toList(),
                in.labourHours(),
                in.labourRate(),
                false,
                scale)
            .total();
    if (total.compareTo(MAX_AMOUNT) >= 0) {
      throw CrmException.invalidField(
          "parts", "max", Text.of("The repair would cost too much to record.", "维修费用超出可记录的范围。"));
    }
    String currency =
        in.currency() != null
            ? in.currency()
            : r.currency != null ? r.currency : settings.value(Setting.DEFAULT_CURRENCY).asText();

    copy(in, r);
    if (creating) {
      r.number = numbering.next(RESOURCE);
      r.status = RepairStatus.OPEN;
      r.serviceRequestId = in.serviceRequestId();
      r.customerId = customerId;
    }
    if (goodsChanged) {
      LocalDate opened =
          creating ? GoodsService.today() : LocalDate.ofInstant(r.createdAt, BusinessTime.ZONE);
      r.inWarranty = item != null && item.underWarranty(opened);
      r.goodsId = goodsId;
    }
    r.fault = fault;
    r.technicianId = in.technicianId();
    r.visitAddress =
        !blank(in.visitAddress())
            ? in.visitAddress().trim()
            : creating && item != null ? item.installAddress : null;
    r.labourHours = in.labourHours() == null ? BigDecimal.ZERO : in.labourHours();
    r.labourRate = in.labourRate() == null ? BigDecimal.ZERO : in.labourRate();
    r.currency = currency;
    if (!sameParts(parts, r.parts)) {
      r.parts.clear();
      for (int i = 0; i < parts.size(); i++) {
        RepairInput.Part p = parts.get(i);
        RepairPart part = new RepairPart();
        part.position = i + 1;
        part.productId = p.productId();
        part.description = p.description();
        part.quantity = p.quantity();
        part.unitPrice = p.unitPrice();
        part.serialNumber = blank(p.serialNumber()) ? null : p.serialNumber().trim();
        r.parts.add(part);
      }
      if (!creating) {
        r.touch(); // the parts are the repair's: their change moves its version
      }
    }
    r.price(scale);
    if (creating) {
      assignOwner(r, in.ownerId() != null ? in.ownerId() : in.technicianId(), true);
    } else {
      assignOwner(r, in.ownerId(), false);
    }
  }

  // --- Actions ---------------------------------------------------------------------------------

  /**
   * OPEN or SCHEDULED → SCHEDULED: a technician and a visit window (what the body omits stays).
   * Scheduling again with nothing new is a 409.
   */
  @Transactional
  public RepairView schedule(UUID id, RepairCommands.Schedule body) {
    RepairCommands.Schedule s =
        body == null ? new RepairCommands.Schedule(null, null, null, null) : body;
    validator.valid(s);
    Repair r = forUpdate(id);
    RepairStates.REPAIR.check(r.status, RepairStatus.SCHEDULED);
    UUID technician = s.technicianId() != null ? s.technicianId() : r.technicianId;
    Instant start = s.scheduledStart() != null ? s.scheduledStart() : r.scheduledStart;
    Instant end = s.scheduledEnd() != null ? s.scheduledEnd() : r.scheduledEnd;
    String address = !blank(s.visitAddress()) ? s.visitAddress().trim() : r.visitAddress;
    List<CrmException.Violation> missing = new ArrayList<>();
    if (technician == null) {
      missing.add(
          new CrmException.Violation(
              "technicianId", "required", Text.of("Name the technician.", "请指定技术员。")));
    }
    if (start == null) {
      missing.add(
          new CrmException.Violation(
              "scheduledStart", "required", Text.of("Give the visit time.", "请填写预约上门时间。")));
    }
    if (!missing.isEmpty()) {
      throw CrmException.validation(missing);
    }
    if (!technician.equals(r.technicianId)) {
      requireTechnician(technician);
    }
    requireWindow(start, end);
    return act(
        r,
        "scheduled",
        x -> {
          x.status = RepairStatus.SCHEDULED;
          x.technicianId = technician;
          x.scheduledStart = start;
          x.scheduledEnd = end;
          x.visitAddress = address;
        });
  }

  /** OPEN or SCHEDULED → IN_PROGRESS. */
  @Transactional
  public RepairView start(UUID id) {
    Repair r = forUpdate(id);
    RepairStates.REPAIR.act(r.status, RepairStatus.IN_PROGRESS);
    return act(
        r,
        "started",
        x -> {
          x.status = RepairStatus.IN_PROGRESS;
          x.startedAt = now();
        });
  }

  /** IN_PROGRESS → COMPLETED, with the diagnosis and the resolution (and the final hours). */
  @Transactional
  public RepairView complete(UUID id, RepairCommands.Completion body) {
    RepairCommands.Completion c =
        body == null ? new RepairCommands.Completion(null, null, null) : body;
    validator.valid(c);
    Repair r = forUpdate(id);
    RepairStates.REPAIR.act(r.status, RepairStatus.COMPLETED);
    String diagnosis = !blank(c.diagnosis()) ? c.diagnosis().trim() : r.diagnosis;
    List<CrmException.Violation> missing = new ArrayList<>();
    if (blank(diagnosis)) {
      missing.add(
          new CrmException.Violation(
              "diagnosis", "required", Text.of("Say what was found.", "请填写诊断结果。")));
    }
    if (blank(c.resolution())) {
      missing.add(
          new CrmException.Violation(
              "resolution", "required", Text.of("Say what was done.", "请填写处理结果。")));
    }
    if (!missing.isEmpty()) {
      throw CrmException.validation(missing);
    }
    int scale = decimals();
    return act(
        r,
        "completed",
        x -> {
          x.status = RepairStatus.COMPLETED;
          x.diagnosis = diagnosis;
          x.resolution = c.resolution().trim();
          x.completedAt = now();
          if (c.labourHours() != null) {
            x.labourHours = c.labourHours();
            x.price(scale);
          }
        });
  }

  /** OPEN, SCHEDULED or IN_PROGRESS → CANCELLED, with the reason. */
  @Transactional
  public RepairView cancel(UUID id, RepairCommands.Cancellation body) {
    RepairCommands.Cancellation c = body == null ? new RepairCommands.Cancellation(null) : body;
    validator.valid(c);
    Repair r = forUpdate(id);
    RepairStates.REPAIR.act(r.status, RepairStatus.CANCELLED);
    return act(
        r,
        "cancelled",
        x -> {
          x.status = RepairStatus.CANCELLED;
          x.cancelledAt = now();
          x.cancelReason = blank(c.reason()) ? null : c.reason().trim();
        });
  }

  // --- Rules -----------------------------------------------------------------------------------

  /** The request the repair works: live and readable by the caller (422 otherwise). */
  private ServiceRequestView request(UUID id) {
    return references
        .readable(ServiceRequestService.RESOURCE, id)
        .map(ServiceRequestView.class::cast)
        .orElseThrow(
            () ->
                CrmException.invalidField(
                    "serviceRequestId",
                    "not-found",
                    Text.of("No such service request.", "服务请求不存在。")));
  }

  private void requireTechnician(UUID id) {
    if (org.activeEmployee(id).isEmpty()) {
      throw CrmException.invalidField(
          "technicianId", "not-found", Text.of("No such active employee.", "该员工不存在或已停用。"));
    }
  }

  private static void requireWindow(Instant start, Instant end) {
    if (end != null && (start == null || !end.isAfter(start))) {
      throw CrmException.invalidField(
          "scheduledEnd",
          "after-start",
          Text.of("The visit window ends after it starts.", "预约结束时间必须晚于开始时间。"));
    }
  }

  /**
   * The parts with their products checked (live products only, 422 on the part's productId) and
   * what they omit filled from the product: the description from its name, the unit price from its
   * list price (a product without one needs the part's).
   */
  private List<RepairInput.Part> priced(List<RepairInput.Part> parts) {
    if (parts == null || parts.isEmpty()) {
      return List.of();
    }
    Set<UUID> ids = new HashSet<>();
    parts.forEach(p -> ids.add(p.productId()));
    Map<UUID, ProductView> found = products.getAll(ids);
    List<CrmException.Violation> problems = new ArrayList<>();
    List<RepairInput.Part> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      RepairInput.Part p = parts.get(i);
      ProductView product = found.get(p.productId());
      if (product == null) {
        problems.add(
            new CrmException.Violation(
                "parts[" + i + "].productId", "not-found", Text.of("No such product.", "产品不存在。")));
        continue;
      }
      BigDecimal price = p.unitPrice() != null ? p.unitPrice() : product.listPrice();
      if (price == null) {
        problems.add(
            new CrmException.Violation(
                "parts[" + i + "].unitPrice",
                "required",
                Text.of("The product has no list price: give one.", "该产品没有标准价格，请填写单价。")));
        continue;
      }
      String description = blank(p.description()) ? product.name() : p.description().trim();
      out.add(
          new RepairInput.Part(
              p.productId(),
              description.length() > 200 ? description.substring(0, 200) : description,
              p.quantity(),
              price,
              p.serialNumber()));
    }
    if (!problems.isEmpty()) {
      throw CrmException.validation(problems);
    }
    return out;
  }

  private static boolean sameParts(List<RepairInput.Part> given, List<RepairPart> current) {
    if (given.size() != current.size()) {
      return false;
    }
    for (int i = 0; i < given.size(); i++) {
      RepairInput.Part g = given.get(i);
      RepairPart c = current.get(i);
      String serial = blank(g.serialNumber()) ? null : g.serialNumber().trim();
      if (!g.productId().equals(c.productId)
          || !g.description().equals(c.description)
          || g.quantity().compareTo(c.quantity) != 0
          || g.unitPrice().compareTo(c.unitPrice) != 0
          || !Objects.equals(serial, c.serialNumber)) {
        return false;
      }
    }
    return true;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
