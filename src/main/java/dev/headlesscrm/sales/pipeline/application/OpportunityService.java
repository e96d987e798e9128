package dev.headlesscrm.sales.pipeline.application;

import dev.headlesscrm.catalogue.application.ProductService;
import dev.headlesscrm.customer.application.ContactService;
import dev.headlesscrm.customer.application.ContactView;
import dev.headlesscrm.customer.application.CustomerService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.dictionary.DictionaryService;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.security.Action;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.pipeline.domain.Opportunity;
import dev.headlesscrm.sales.pipeline.domain.OpportunityLine;
import dev.headlesscrm.sales.pipeline.domain.OpportunityStates;
import dev.headlesscrm.sales.pipeline.domain.OpportunityStatus;
import dev.headlesscrm.sales.pipeline.domain.Pipeline;
import dev.headlesscrm.sales.pipeline.domain.PipelineStage;
import dev.headlesscrm.sales.pipeline.domain.StageKind;
import dev.headlesscrm.sales.shared.application.SalesValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Opportunities (商机): a customer, a pipeline stage (whose kind decides open, won or lost), an
 * amount computed from product lines when there are lines, and a stage history of when each stage
 * was entered and left and by whom.
 */
@ApplicationScoped
public class OpportunityService
    extends OwnedRecordService<Opportunity, OpportunityView, OpportunityInput> {

  static final String RESOURCE = "opportunity";
  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject dev.headlesscrm.platform.settings.DecimalPlaces decimalPlaces;
  @Inject CustomerService customers;
  @Inject ContactService contacts;
  @Inject PipelineService pipelines;
  @Inject NumberingService numbering;
  @Inject SettingsService settings;
  @Inject DictionaryService dictionaryCheck;
  @Inject ProductService catalogue;

  /** The stage an entity had when it was loaded, to know whether it moved. */
  private final ThreadLocal<Map<UUID, UUID>> stageBefore = ThreadLocal.withInitial(HashMap::new);

  private final RecordDefinition<Opportunity, OpportunityView, OpportunityInput> definition =
      RecordDefinition.of(
              PipelineResources.OPPORTUNITIES,
              Opportunity.class,
              OpportunityView.class,
              OpportunityInput.class)
          .view("stageCode", o -> stage(o) == null ? null : stage(o).code)
          .view("probability", o -> stage(o) == null ? null : stage(o).probability)
          .rounded(this::decimals, "amount")
          .view(
              "lines",
              o -> o.lines.stream().map(l -> OpportunityView.Line.of(l, decimals())).toList())
          .own("name", "pipelineId", "stageId", "currency", "actualCloseDate", "lossReason")
          .own("amount", "lines")
          .build();

  @Override
  protected RecordDefinition<Opportunity, OpportunityView, OpportunityInput> definition() {
    return definition;
  }

  private PipelineStage stage(Opportunity o) {
    return o.stageId == null ? null : em.find(PipelineStage.class, o.stageId);
  }

  private int decimals() {
    return decimalPlaces.of(Setting.QUOTE_DECIMALS);
  }

  /** For lead conversion (sales/lead): the opportunity remembers the lead it came from. */
  @Transactional
  public OpportunityView createFromLead(OpportunityInput input, UUID leadId) {
    OpportunityView created = create(input);
    Opportunity o = em.find(Opportunity.class, created.id());
    o.leadId = leadId;
    em.flush();
    return view(o);
  }

  @Override
  protected void apply(OpportunityInput in, Opportunity o, boolean creating) {
    if (!creating && o.status == OpportunityStatus.WON) {
      throw CrmException.conflict(
          Text.of("A won opportunity can no longer be changed.", "已赢单的商机不能再修改。"));
    }
    if (customers.getAll(List.of(in.customerId())).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    if (in.primaryContactId() != null) {
      ContactView contact =
          contacts.getAll(List.of(in.primaryContactId())).get(in.primaryContactId());
      if (contact == null || !contact.customerId().equals(in.customerId())) {
        throw CrmException.invalidField(
            "primaryContactId",
            "not-of-customer",
            Text.of("Not a contact of this customer.", "不是该客户的联系人。"));
      }
    }
    Map<String, String> codes = new HashMap<>();
    codes.put("source", in.source());
    codes.put("lossReason", in.lossReason());
    dictionaryCheck.requireActive(spec().dictionaries(), codes);

    Pipeline pipeline =
        in.pipelineId() == null
            ? (creating || o.pipelineId == null
                ? pipelines.defaultPipeline()
                : pipelines.pipeline(o.pipelineId, "pipelineId"))
            : pipelines.pipeline(in.pipelineId(), "pipelineId");
    PipelineStage stage;
    if (in.stageId() == null
        || (!pipeline.id.equals(o.pipelineId) && in.stageId().equals(o.stageId))) {
      stage =
          pipeline.stages.stream().filter(s -> s.kind == StageKind.OPEN).findFirst().orElseThrow();
    } else {
      stage =
          pipeline.stages.stream()
              .filter(s -> s.id.equals(in.stageId()))
              .findFirst()
              .orElseThrow(
                  () ->
                      CrmException.invalidField(
                          "stageId",
                          "not-in-pipeline",
                          Text.of("Not a stage of the pipeline.", "不是该商机组的阶段。")));
    }
    OpportunityStatus status =
        switch (stage.kind) {
          case OPEN -> OpportunityStatus.OPEN;
          case WON -> OpportunityStatus.WON;
          case LOST -> OpportunityStatus.LOST;
        };
    if (!creating) {
      OpportunityStates.OPPORTUNITY.check(o.status, status);
    }
    if (stage.requiresReason) {
      if (status == OpportunityStatus.LOST && blank(in.lossReason())) {
        throw CrmException.invalidField(
            "lossReason",
            "required",
            Text.of(
                "Stage " + stage.code + " needs a loss reason.",
                "进入阶段 " + stage.code + " 需要填写输单原因。"));
      }
      if (status == OpportunityStatus.WON && blank(in.closeNotes())) {
        throw CrmException.invalidField(
            "closeNotes",
            "required",
            Text.of(
                "Stage " + stage.code + " needs closing notes.",
                "进入阶段 " + stage.code + " 需要填写成交说明。"));
      }
    }
    stageBefore.get().remove(o.id);
    if (!creating && !stage.id.equals(o.stageId)) {
      stageBefore.get().put(o.id, o.stageId);
    }
    if (creating) {
      o.number = numbering.next(RESOURCE);
    }
    copy(in, o);
    o.name = in.name().trim();
    o.pipelineId = pipeline.id;
    o.stageId = stage.id;
    o.status = status;
    o.currency =
        in.currency() != null ? in.currency() : settings.value(Setting.DEFAULT_CURRENCY).asText();
    o.actualCloseDate =
        status == OpportunityStatus.OPEN
            ? null
            : in.actualCloseDate() != null ? in.actualCloseDate() : LocalDate.now(ZONE);
    o.lossReason = status == OpportunityStatus.LOST ? in.lossReason() : null;
    applyLines(in, o);
    assignOwner(o, in.ownerId(), creating);
  }

  private void applyLines(OpportunityInput in, Opportunity o) {
    int scale = decimals();
    List<OpportunityInput.LineInput> lines = in.lines() == null ? List.of() : in.lines();
    productsExist(
        lines.stream().map(OpportunityInput.LineInput::productId).toList(), "lines.productId");
    o.lines.clear();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      OpportunityInput.LineInput l = lines.get(i);
      OpportunityLine line = new OpportunityLine();
      line.position = i + 1;
      line.productId = l.productId();
      line.description = l.description();
      line.quantity = l.quantity();
      line.unitPrice = l.unitPrice();
      line.discountPercent = l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent();
      line.amount =
          SalesValues.storable(
              lineAmount(line.quantity, line.unitPrice, line.discountPercent, scale),
              "lines[" + i + "].amount");
      total = SalesValues.storable(total.add(line.amount), "amount");
      o.lines.add(line);
    }
    o.amount =
        lines.isEmpty()
            ? (in.amount() == null ? BigDecimal.ZERO : in.amount())
                .setScale(scale, RoundingMode.HALF_UP)
            : total;
  }

  /** quantity × unit price × (1 − discount / 100), rounded half up to the given places. */
  static BigDecimal lineAmount(
      BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, int scale) {
    BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
    return quantity.multiply(unitPrice).multiply(factor).setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  protected void afterSave(Opportunity o, boolean created) {
    UUID previous = stageBefore.get().remove(o.id);
    if (!created && previous == null) {
      return;
    }
    UUID actor = principal.resolve().id();
    Timestamp at = Timestamp.from(now());
    if (!created) {
      em.createNativeQuery(
              "UPDATE opportunity_stage_history SET left_at = ?1, left_by = ?2"
                  + " WHERE opportunity_id = ?3 AND left_at IS NULL")
          .setParameter(1, at)
          .setParameter(2, actor)
          .setParameter(3, o.id)
          .executeUpdate();
    }
    em.createNativeQuery(
            "INSERT INTO opportunity_stage_history"
                + " (id, opportunity_id, stage_id, entered_at, entered_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, o.id)
        .setParameter(3, o.stageId)
        .setParameter(4, at)
        .setParameter(5, actor)
        .executeUpdate();
  }

  /** When each stage was entered and left, oldest first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<StageVisit> stageHistory(UUID id) {
    access.require(RESOURCE, Action.READ);
    live(id);
    return stageHistories(List.of(id)).getOrDefault(id, List.of());
  }

  /** The stage history of each of these opportunities (already visible), in one statement. */
  @Transactional
  @SuppressWarnings("unchecked")
  public java.util.Map<UUID, List<StageVisit>> stageHistories(java.util.Collection<UUID> ids) {
    access.require(RESOURCE, Action.READ);
    java.util.Map<UUID, List<StageVisit>> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT h.stage_id, s.code, s.name, h.entered_at, h.entered_by, h.left_at,"
                    + " h.left_by, h.opportunity_id FROM opportunity_stage_history h"
                    + " JOIN pipeline_stages s ON s.id = h.stage_id"
                    + " WHERE h.opportunity_id IN (:ids) ORDER BY h.entered_at, h.id")
            .setParameter("ids", ids)
            .getResultList();
    for (Object[] row : rows) {
      out.computeIfAbsent((UUID) row[7], k -> new java.util.ArrayList<>()).add(StageVisit.of(row));
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Product ids of lines must name live products (read through the catalogue). */
  private void productsExist(List<UUID> productIds, String field) {
    java.util.Set<UUID> ids = new java.util.HashSet<>();
    productIds.forEach(
        id -> {
          if (id != null) {
            ids.add(id);
          }
        });
    if (!ids.isEmpty() && catalogue.getAll(ids).size() < ids.size()) {
      throw CrmException.invalidField(field, "not-found", Text.of("No such product.", "产品不存在。"));
    }
  }
}
