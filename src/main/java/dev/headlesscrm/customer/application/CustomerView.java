package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.LifecycleStage;
import dev.headlesscrm.customer.domain.PoolCriterion;
import dev.headlesscrm.platform.api.Versioned;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer as clients read it. */
@Type("Customer")
@org.eclipse.microprofile.graphql.Description(
    "A customer (客户). Fields hidden from the caller by field permissions (by default creditLimit,"
        + " creditRating and finance for all but sales managers and admins) are null, without an"
        + " error; REST leaves them out.")
@Schema(name = "Customer", description = "A customer (客户).")
public record CustomerView(
    @Id UUID id,
    @Schema(description = "客户编号, from the numbering rule 'customer'", examples = "KH202611230001")
        String number,
    @Schema(description = "助记码: pinyin initials of the name unless given", examples = "BJHWKJ")
        String mnemonic,
    @Schema(examples = "北京华为科技有限公司") String name,
    String officeAddress,
    String mainPhone,
    String postalCode,
    String email,
    String city,
    @Schema(description = "Code from dictionary 'industry'") String industry,
    @Schema(description = "Code from dictionary 'customer-level'") String level,
    @Schema(description = "Code from dictionary 'customer-type'") String type,
    @Schema(description = "Code from dictionary 'customer-status'") String status,
    @Schema(description = "Code from dictionary 'customer-source'") String source,
    @Schema(description = "Code from dictionary 'credit-rating'") String creditRating,
    @Schema(examples = "500000.00") BigDecimal creditLimit,
    @Schema(examples = "CNY") String currency,
    @Schema(description = "上级单位") UUID parentId,
    Finance finance,
    String homepage,
    String notes,
    @Schema(description = "注册时间") LocalDate registeredAt,
    LifecycleStage lifecycleStage,
    @Schema(description = "个人客户 only: the person's birthday (sensitive)") LocalDate birthday,
    @Schema(description = "个人客户 only") dev.headlesscrm.customer.domain.Gender gender,
    List<String> tags,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    @Schema(description = "The id in the integrator's system (unique)") String externalId,
    UUID ownerId,
    UUID ownerDepartmentId,
    @Schema(description = "Set when this customer was merged into another") UUID mergedIntoId,
    @Schema(description = "最近跟进时间: of the latest follow-up record (read-only)")
        Instant lastFollowUpAt,
    @Schema(description = "最近跟进内容: the latest follow-up's content, at most 500 characters")
        String lastFollowUpContent,
    @Schema(description = "最近跟进人: the author of the latest follow-up") UUID lastFollowUpById,
    @Schema(description = "下次跟进时间: as the latest follow-up planned it (read-only)")
        Instant nextFollowUpAt,
    @Schema(description = "公海: the pool the customer is in (then ownerId is null); read-only")
        UUID poolId,
    @Schema(description = "When it entered its pool") Instant poolEnteredAt,
    @Schema(
            description =
                "Why it entered its pool: the rule that returned it, or the put-back reason")
        String poolEntryReason,
    @Schema(description = "Its owner before it entered the pool (cooling-off applies to them)")
        UUID previousOwnerId,
    @Schema(
            description =
                "When the current owner took it (created, claimed, assigned or transferred)")
        Instant ownedSince,
    @Schema(
            description =
                "锁定: exempt from returning to the pool unless a rule includes locked ones")
        boolean locked,
    Instant lockedAt,
    UUID lockedById,
    @Schema(description = "Won deals (approved contracts) so far") int wonDeals,
    Instant firstWonAt,
    @Schema(description = "The latest won deal (approved contract)") Instant lastWonAt,
    @Schema(description = "The latest approved payment (回款)") Instant lastPaymentAt,
    @Schema(description = "The end date of its latest-ending approved contract")
        LocalDate lastContractEndOn,
    @Schema(
            description =
                "When the governing pool's rules return it to the pool (回收时间), computed on every"
                    + " change of the customer (a follow-up pushes it back); null when no rule"
                    + " applies. Filterable and sortable.")
        Instant poolReturnAt,
    @Schema(description = "The pool it would return to") UUID poolReturnPoolId,
    @Schema(description = "The rule that sets poolReturnAt") String poolReturnRule,
    @Schema(description = "The rule's day count that runs out first")
        PoolCriterion poolReturnCriterion,
    @Schema(
            description =
                "Fields withheld from every reader while the customer is in its pool (the pool's"
                    + " hiddenFields, e.g. mainPhone): REST leaves them out, GraphQL answers null."
                    + " Empty once it is claimed.")
        List<String> hiddenFields,
    long version,
    Instant createdAt,
    UUID createdBy,
    Instant updatedAt,
    UUID updatedBy,
    Instant deletedAt)
    implements Versioned, dev.headlesscrm.platform.security.WithheldFields {

  /** 财务: bank, account, tax id, and the finance department's phone (财务电话). */
  @Type("CustomerFinance")
  @Schema(name = "CustomerFinance")
  public record Finance(
      String bankName,
      String bankAccount,
      String taxId,
      @Schema(description = "财务电话: the finance department's phone") String phone) {}

  static Finance financeOf(Customer c) {
    return new Finance(c.bankName, c.bankAccount, c.taxId, c.financePhone);
  }
}
