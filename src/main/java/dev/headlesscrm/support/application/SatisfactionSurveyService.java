package dev.headlesscrm.support.application;

import dev.headlesscrm.customer.application.TaskService;
import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.records.RecordDefinition;
import dev.headlesscrm.platform.records.RecordService;
import dev.headlesscrm.platform.records.References;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.platform.state.StateMachine;
import dev.headlesscrm.sales.order.application.OrderLinesDelivered;
import dev.headlesscrm.support.domain.SatisfactionSurvey;
import dev.headlesscrm.support.domain.ServiceRequest;
import dev.headlesscrm.support.domain.SurveyKind;
import dev.headlesscrm.support.domain.SurveyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Satisfaction surveys and return visits (满意度调查, 回访): one PENDING survey after each closed service
 * request and each order delivered in full, answered once; a low answer opens a follow-up task for
 * the customer's owner in the same transaction.
 */
@ApplicationScoped
public class SatisfactionSurveyService
    extends RecordService<SatisfactionSurvey, SatisfactionSurveyView, SatisfactionSurveyInput> {

  static final String RESOURCE = "satisfaction-survey";

  @Inject References references;
  @Inject SettingsService settings;
  @Inject TaskService tasks;

  static final RecordDefinition<SatisfactionSurvey, SatisfactionSurveyView, SatisfactionSurveyInput>
      DEFINITION =
          RecordDefinition.of(
                  SupportResources.SURVEYS,
                  SatisfactionSurvey.class,
                  SatisfactionSurveyView.class,
                  SatisfactionSurveyInput.class)
              .own("kind", "customerId", "requestId", "orderId", "score", "nps")
              .build();

  @Override
  protected RecordDefinition<SatisfactionSurvey, SatisfactionSurveyView, SatisfactionSurveyInput>
      definition() {
    return DEFINITION;
  }

  @Override
  protected void apply(SatisfactionSurveyInput in, SatisfactionSurvey s, boolean creating) {
    if (!creating) {
      if (!Objects.equals(s.customerId, in.customerId())
          || !Objects.equals(s.requestId, in.requestId())
          || !Objects.equals(s.orderId, in.orderId())
          || (in.kind() != null && in.kind() != s.kind)) {
        throw CrmException.invalidField(
            "customerId",
            "immutable",
            Text.of(
                "A survey keeps its kind, customer, request and order.", "调查的类型、客户、服务请求与订单不可更改。"));
      }
      if (!Objects.equals(s.score, in.score()) || !Objects.equals(s.nps, in.nps())) {
        throw CrmException.invalidField(
            "score",
            "use-answer",
            Text.of(
                "Answers are given with POST /satisfaction-surveys/{id}/answer.",
                "请用 POST /satisfaction-surveys/{id}/answer 提交答卷。"));
      }
    } else if (references.readable("customer", in.customerId()).isEmpty()) {
      throw CrmException.invalidField(
          "customerId", "not-found", Text.of("No such customer.", "客户不存在。"));
    }
    references.requireContactOf(in.customerId(), in.contactId(), s.contactId);
    if (creating) {
      requireOfCustomer("service-request", "requestId", in.requestId(), in.customerId());
      requireOfCustomer("sales-order", "orderId", in.orderId(), in.customerId());
    }
    copy(in, s);
    if (creating) {
      s.kind = in.kind() == null ? SurveyKind.RETURN_VISIT : in.kind();
      s.customerId = in.customerId();
      s.requestId = in.requestId();
      s.orderId = in.orderId();
      s.status = SurveyStatus.PENDING;
      if (in.score() != null || in.nps() != null) {
        answered(
            s, in.score(), in.nps(), in.comment(), followUp(in.customerId(), in.score(), in.nps()));
      }
    }
  }

  /** A request or order the survey asks about: readable and the same customer's (422 else). */
  private void requireOfCustomer(String resource, String field, UUID id, UUID customerId) {
    if (id == null) {
      return;
    }
    Object customer =
        references.readable(resource, id).map(v -> References.field(v, "customerId")).orElse(null);
    if (!customerId.equals(customer)) {
      throw CrmException.invalidField(
          field, "not-found", Text.of("It must be one of the customer's.", "必须属于该客户。"));
    }
  }

  /** PENDING → ANSWERED with the score and/or NPS answer; a low answer opens a follow-up task. */
  @Transactional
  public SatisfactionSurveyView answer(UUID id, Integer score, Integer nps, String comment) {
    if (score == null && nps == null) {
      throw CrmException.invalidField(
          "score", "required", Text.of("Give a score or an NPS answer.", "请填写满意度评分或推荐度。"));
    }
    if ((score != null && (score < 1 || score > 5)) || (nps != null && (nps < 0 || nps > 10))) {
      throw CrmException.invalidField(
          score != null && (score < 1 || score > 5) ? "score" : "nps",
          "out-of-range",
          Text.of("A score is 1–5, an NPS answer 0–10.", "评分为 1–5，推荐度为 0–10。"));
    }
    SatisfactionSurvey s = forUpdate(id);
    if (s.status == SurveyStatus.ANSWERED) {
      throw StateMachine.already(RESOURCE, s.status.name());
    }
    UUID task = followUp(s.customerId, score, nps);
    return act(s, "answered", x -> answered(x, score, nps, comment, task));
  }

  /**
   * The answer on the survey, with the follow-up task a low one opened. The task is made first
   * (before the survey changes), so the survey moves one version.
   */
  private void answered(
      SatisfactionSurvey s, Integer score, Integer nps, String comment, UUID followUp) {
    s.score = score;
    s.nps = nps;
    if (comment != null) {
      s.comment = comment;
    }
    s.status = SurveyStatus.ANSWERED;
    s.answeredAt = now();
    s.followUpTaskId = followUp;
  }

  /** The follow-up task for the customer's owner when the answer is low; null otherwise. */
  private UUID followUp(UUID customerId, Integer score, Integer nps) {
    SatisfactionSurvey probe = new SatisfactionSurvey();
    probe.score = score;
    probe.nps = nps;
    if (!probe.low(settings.value(Setting.SATISFACTION_LOW_SCORE).asInt(2))) {
      return null;
    }
    Object owner =
        em
            .createNativeQuery("SELECT owner_id FROM customers WHERE id = ?1", UUID.class)
            .setParameter(1, customerId)
            .getResultList()
            .stream()
            .filter(java.util.Objects::nonNull) // a pool customer has no owner
            .findFirst()
            .orElse(null);
    if (owner == null) {
      return null;
    }
    return tasks.plan(
        (UUID) owner,
        "满意度回访跟进：评分 " + (score == null ? "-" : score) + "，推荐度 " + (nps == null ? "-" : nps),
        "customer",
        customerId,
        customerId,
        now().plus(Duration.ofDays(1)),
        Map.of(
            "reason",
            "low-satisfaction",
            "score",
            score == null ? -1 : score,
            "nps",
            nps == null ? -1 : nps));
  }

  /** A closed request asks its customer once. */
  void requestClosed(ServiceRequest r) {
    long existing =
        em.createQuery(
                "select count(s) from SatisfactionSurvey s where s.requestId = :id"
                    + " and s.kind = :kind and s.deletedAt is null",
                Long.class)
            .setParameter("id", r.id)
            .setParameter("kind", SurveyKind.SERVICE)
            .getSingleResult();
    if (existing == 0) {
      plan(SurveyKind.SERVICE, r.customerId, r.contactId, r.id, null);
    }
  }

  /** An order delivered in full asks its customer once. */
  void delivered(@Observes OrderLinesDelivered delivery) {
    if (!delivery.complete()) {
      return;
    }
    long existing =
        em.createQuery(
                "select count(s) from SatisfactionSurvey s where s.orderId = :id"
                    + " and s.kind = :kind and s.deletedAt is null",
                Long.class)
            .setParameter("id", delivery.orderId())
            .setParameter("kind", SurveyKind.DELIVERY)
            .getSingleResult();
    if (existing == 0) {
      plan(SurveyKind.DELIVERY, delivery.customerId(), null, null, delivery.orderId());
    }
  }

  private void plan(SurveyKind kind, UUID customer, UUID contact, UUID request, UUID order) {
    SatisfactionSurvey s = new SatisfactionSurvey();
    s.kind = kind;
    s.customerId = customer;
    s.contactId = contact;
    s.requestId = request;
    s.orderId = order;
    s.status = SurveyStatus.PENDING;
    em.persist(s);
    em.flush();
    SatisfactionSurveyView view = view(s);
    record(s, "created", changeLog.diff(null, view), view);
  }
}
