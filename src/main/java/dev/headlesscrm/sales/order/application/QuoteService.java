package dev.headlesscrm.sales.order.application;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.numbering.NumberingService;
import dev.headlesscrm.platform.records.OwnedRecordService;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.sales.order.domain.OrderStates;
import dev.headlesscrm.sales.order.domain.Quote;
import dev.headlesscrm.sales.order.domain.QuoteLine;
import dev.headlesscrm.sales.order.domain.QuoteStatus;
import dev.headlesscrm.sales.pipeline.application.OpportunityReferences;
import dev.headlesscrm.sales.shared.application.SalesApprovalListeners;
import dev.headlesscrm.sales.shared.application.SalesApprovals;
import dev.headlesscrm.sales.shared.application.SalesReferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Quotes (销售报价): lines priced by the server with the quote decimal places; submitted, they are
 * approved at once or go through approval when a line's discount exceeds the configured threshold;
 * then sent and accepted. A revision is a new version with the same number; the old one stays
 * readable and frozen.
 */
@ApplicationScoped
public class QuoteService extends OwnedRecordService<Quote, QuoteView, QuoteInput>
    implements SalesApprovalListeners.Outcomes {

  static final String RESOURCE = "quote";
  static final ZoneId ZONE = dev.headlesscrm.platform.api.BusinessTime.ZONE;

  @Inject dev.headlesscrm.platform.settings.DecimalPlaces decimalPlaces;
  @Inject NumberingService numbering;
  @Inject SettingsService settings;
  @Inject SalesReferences references;
  @Inject OpportunityReferences opportunityReferences;
  @Inject LinePricing pricing;
  @Inject SalesApprovals approvals;

  private final ThreadLocal<Quote> revising = new ThreadLocal<>();

  private final RecordDefinition<Quote, QuoteView, QuoteInput> definition =
      PricedLines.lines(
              RecordDefinition.of(
                  OrderResources.QUOTES, Quote.class, QuoteView.class, QuoteInput.class),
              q -> q.lines,
              this::decimals)
          .rounded(this::decimals, "subtotal", "discountTotal", "taxTotal", "grandTotal")
          .view("maxDiscount", q -> q.maxDiscount.stripTrailingZeros())
          .own("name", "currency")
          .build();

  @Override
  protected RecordDefinition<Quote, QuoteView, QuoteInput> definition() {
    return definition;
  }

  int decimals() {
    return decimalPlaces.of(Setting.QUOTE_DECIMALS);
  }

  @Override
  protected void apply(QuoteInput in, Quote q, boolean creating) {
    if (!creating) {
      if (q.superseded) {
        throw CrmException.conflict(
            Text.of("A superseded revision is read-only.", "已被新版本取代的报价只读。"));
      }
      if (!EnumSet.of(QuoteStatus.DRAFT, QuoteStatus.REJECTED).contains(q.status)) {
        throw CrmException.conflict(
            Text.of(
                "A quote can be changed only while DRAFT or REJECTED (it is " + q.status + ").",
                "报价只有在草稿或被驳回时可以修改。"));
      }
    }
    references.customer(in.customerId(), "customerId");
    references.contactOf(in.contactId(), in.customerId(), "contactId");
    opportunityReferences.opportunityOf(in.opportunityId(), in.customerId(), "opportunityId");
    if (creating) {
      Quote from = revising.get();
      if (from != null) {
        q.number = from.number;
        q.revision = from.revision + 1;
        q.revisionOfId = from.id;
      } else {
        q.number = numbering.next(RESOURCE);
        q.revision = 1;
      }
    }
    q.status = QuoteStatus.DRAFT;
    copy(in, q);
    q.name = in.name().trim();
    q.currency =
        in.currency() != null ? in.currency() : settings.value(Setting.DEFAULT_CURRENCY).asText();
    PricedLines.Totals totals =
        PricedLines.apply(pricing.priced(in.lines()), q.lines, QuoteLine::new, decimals());
    q.subtotal = totals.subtotal();
    q.discountTotal = totals.discountTotal();
    q.taxTotal = totals.taxTotal();
    q.grandTotal = totals.grandTotal();
    q.maxDiscount = totals.maxDiscount();
    assignOwner(q, in.ownerId(), creating);
  }

  /** Approved at once, or into approval when a discount exceeds the threshold. */
  @Transactional
  public QuoteView submit(UUID id) {
    Quote q = editable(id);
    OrderStates.QUOTE.act(q.status, QuoteStatus.APPROVED, QuoteStatus.IN_APPROVAL);
    BigDecimal threshold =
        BigDecimal.valueOf(settings.value(Setting.QUOTE_APPROVAL_DISCOUNT).asInt(20));
    boolean needsApproval = q.maxDiscount.compareTo(threshold) > 0;
    if (needsApproval && !approvals.submit(RESOURCE, q.id, null)) {
      // The setting says this quote needs approval; nobody can give it while no quote approval
      // flow is active, and approving it at once would ignore the setting.
      throw new CrmException(
          dev.headlesscrm.platform.api.ProblemType.CONFLICT,
          Text.of(
              "A discount of "
                  + q.maxDiscount.stripTrailingZeros().toPlainString()
                  + "% is above quote-approval-discount-percent ("
                  + threshold
                  + "%) and needs approval, but no approval flow for quotes is active: an"
                  + " administrator activates one (POST /api/v1/approval-flows), or the discount is"
                  + " lowered.",
              "折扣超过报价审批阈值，需要审批，但没有启用的报价审批流程：请管理员启用审批流程，或降低折扣。"),
          java.util.List.of(),
          java.util.Map.of(
              "maxDiscount", q.maxDiscount.stripTrailingZeros().toPlainString(),
              "threshold", threshold.toPlainString()));
    }
    return act(
        q,
        needsApproval ? "submitted" : "approved",
        x -> x.status = needsApproval ? QuoteStatus.IN_APPROVAL : QuoteStatus.APPROVED);
  }

  @Transactional
  public QuoteView send(UUID id) {
    Quote q = editable(id);
    if (q.validUntil != null && q.validUntil.isBefore(LocalDate.now(ZONE))) {
      throw CrmException.conflict(
          Text.of("The quote's validity has ended; revise it.", "报价已过有效期，请修订。"));
    }
    OrderStates.QUOTE.act(q.status, QuoteStatus.SENT);
    return act(q, "sent", x -> x.status = QuoteStatus.SENT);
  }

  @Transactional
  public QuoteView accept(UUID id) {
    Quote q = editable(id);
    OrderStates.QUOTE.act(q.status, QuoteStatus.ACCEPTED);
    return act(q, "accepted", x -> x.status = QuoteStatus.ACCEPTED);
  }

  /** A new version with the same number; this one becomes read-only. */
  @Transactional
  public QuoteView revise(UUID id) {
    Quote q = editable(id);
    if (q.status == QuoteStatus.ACCEPTED || q.status == QuoteStatus.IN_APPROVAL) {
      throw CrmException.conflict(
          Text.of("An accepted quote or one in approval cannot be revised.", "已接受或审批中的报价不能修订。"));
    }
    QuoteInput copy = definition.input().apply(q);
    revising.set(q);
    QuoteView next;
    try {
      next =
          create(
              new QuoteInput(
                  copy.name(),
                  copy.opportunityId(),
                  copy.customerId(),
                  copy.contactId(),
                  copy.validUntil(),
                  copy.currency(),
                  copy.lines(),
                  copy.terms(),
                  copy.notes(),
                  copy.custom(),
                  null,
                  copy.ownerId()));
    } finally {
      revising.remove();
    }
    act(q, "superseded", x -> x.superseded = true);
    return next;
  }

  /** The submitter took it back out of approval: a draft again. */
  @Transactional
  @Override
  public void withdrawn(UUID id) {
    Quote x = em.find(Quote.class, id);
    if (x != null && x.status == QuoteStatus.IN_APPROVAL) {
      act(x, "withdrawn", y -> y.status = QuoteStatus.DRAFT);
    }
  }

  /** The approval engine's outcome. */
  @Transactional
  @Override
  public void decided(UUID id, boolean approved) {
    Quote q = em.find(Quote.class, id);
    if (q == null || q.status != QuoteStatus.IN_APPROVAL) {
      return;
    }
    QuoteStatus to = approved ? QuoteStatus.APPROVED : QuoteStatus.REJECTED;
    act(q, approved ? "approved" : "rejected", x -> x.status = to);
  }

  /** Daily: approved or sent quotes past their validity become EXPIRED (an event each). */
  @io.quarkus.scheduler.Scheduled(
      cron = "0 10 0 * * ?",
      timeZone = dev.headlesscrm.platform.api.BusinessTime.ZONE_ID,
      identity = "quotes-expiry")
  void expiryJob() {
    expire();
  }

  /** Marks every approved or sent quote whose valid-until date has passed; returns how many. */
  @Transactional
  public int expire() {
    List<Quote> late =
        em.createQuery(
                "from Quote q where q.deletedAt is null and q.validUntil < :today"
                    + " and q.status in (:open)",
                Quote.class)
            .setParameter("today", LocalDate.now(ZONE))
            .setParameter("open", List.of(QuoteStatus.APPROVED, QuoteStatus.SENT))
            .getResultList();
    late.forEach(q -> act(q, "expired", x -> x.status = QuoteStatus.EXPIRED));
    return late.size();
  }

  /** An accepted quote, as contracts are made from it (visible to the caller). */
  Quote acceptedQuote(UUID id) {
    Quote q = live(id);
    if (q.status != QuoteStatus.ACCEPTED) {
      throw CrmException.conflict(
          Text.of("Only an accepted quote becomes a contract.", "只有已接受的报价可以生成合同。"));
    }
    return q;
  }

  private Quote editable(UUID id) {
    Quote q = forUpdate(id);
    if (q.superseded) {
      throw CrmException.conflict(Text.of("A superseded revision is read-only.", "已被新版本取代的报价只读。"));
    }
    return q;
  }
}
