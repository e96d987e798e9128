package dev.headlesscrm.support.application;

import dev.headlesscrm.platform.api.Text;
import dev.headlesscrm.platform.notifications.NotificationService;
import dev.headlesscrm.platform.settings.Setting;
import dev.headlesscrm.platform.settings.SettingsService;
import dev.headlesscrm.support.domain.Goods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The warranty reminder's steps, each in the job's transaction. */
@ApplicationScoped
public class GoodsWarranty {

  @Inject EntityManager em;
  @Inject SettingsService settings;
  @Inject GoodsService goods;
  @Inject NotificationService notifications;

  /** Live goods whose warranty ends from today within the reminder days, not told yet. */
  List<UUID> due(LocalDate today) {
    int days = settings.value(Setting.WARRANTY_REMINDER_DAYS).asInt(30);
    if (days == 0) {
      return List.of();
    }
    return em.createQuery(
            "select g.id from Goods g where g.deletedAt is null and g.warrantyWarnedAt is null"
                + " and g.warrantyEndsOn between :today and :until order by g.warrantyEndsOn, g.id",
            UUID.class)
        .setParameter("today", today)
        .setParameter("until", today.plusDays(days))
        .setMaxResults(1000)
        .getResultList();
  }

  /** Marks the goods told (event warranty-ending) and tells the customer's owner. */
  boolean tell(UUID id, LocalDate today) {
    Goods g = em.find(Goods.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (g == null || g.isDeleted() || g.warrantyWarnedAt != null || g.warrantyEndsOn == null) {
      return false;
    }
    goods.warrantyEnding(g);
    Object owner =
        em
            .createNativeQuery("SELECT owner_id FROM customers WHERE id = ?1", UUID.class)
            .setParameter(1, g.customerId)
            .getResultList()
            .stream()
            .filter(java.util.Objects::nonNull) // a pool customer has no owner
            .findFirst()
            .orElse(null);
    notifications.send(
        (UUID) owner,
        "warranty-ending",
        GoodsService.RESOURCE,
        g.id,
        Text.of(
            "Warranty ends on "
                + g.warrantyEndsOn
                + (g.serialNumber == null ? "" : " (" + g.serialNumber + ")")
                + ".",
            "商品保修将于 "
                + g.warrantyEndsOn
                + " 到期"
                + (g.serialNumber == null ? "" : "（" + g.serialNumber + "）")
                + "。"),
        Map.of(
            "warrantyEndsOn",
            g.warrantyEndsOn.toString(),
            "daysLeft",
            today.until(g.warrantyEndsOn).getDays()));
    return true;
  }
}
