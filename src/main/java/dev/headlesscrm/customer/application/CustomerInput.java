package dev.headlesscrm.customer.application;

import dev.headlesscrm.customer.domain.Customer;
import dev.headlesscrm.customer.domain.LifecycleStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a customer: the body of a create, the target of a merge patch. */
@Input("CustomerInput")
@Schema(name = "CustomerInput", description = "The writable fields of a customer.")
public record CustomerInput(
    @Size(max = 32) @Schema(description = "Generated from the numbering rule when omitted")
        String number,
    @Size(max = 32)
        @Pattern(regexp = "[A-Z0-9]*")
        @Schema(description = "Generated from the name's pinyin initials when omitted")
        String mnemonic,
    @NotBlank @Size(max = 200) @Schema(examples = "北京华为科技有限公司") String name,
    @Size(max = 300) @Schema(examples = "北京市海淀区中关村大街 1 号") String officeAddress,
    @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]*") @Schema(examples = "010-62800000")
        String mainPhone,
    @Size(max = 16) @Schema(examples = "100080") String postalCode,
    @Email @Size(max = 254) @Schema(examples = "info@example.com") String email,
    @Size(max = 100) @Schema(examples = "北京") String city,
    @Size(max = 64) @Schema(description = "A code of dictionary industry", examples = "IT")
        String industry,
    @Size(max = 64) @Schema(description = "A code of dictionary customer-level", examples = "A")
        String level,
    @Size(max = 64)
        @Schema(description = "A code of dictionary customer-type", examples = "ENTERPRISE")
        String type,
    @Size(max = 64)
        @Schema(description = "A code of dictionary customer-status", examples = "POTENTIAL")
        String status,
    @Size(max = 64) @Schema(description = "A code of dictionary customer-source", examples = "WEB")
        String source,
    @Size(max = 64) @Schema(description = "A code of dictionary credit-rating", examples = "AA")
        String creditRating,
    @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal creditLimit,
    @Pattern(regexp = "[A-Z]{3}") @Schema(description = "ISO 4217, CNY when omitted")
        String currency,
    UUID parentId,
    @Valid Finance finance,
    @Size(max = 300) String homepage,
    @Size(max = 10000) String notes,
    LocalDate registeredAt,
    @Schema(
            description =
                "Derived from won deals, payments and follow-ups (read-only: a value other than"
                    + " the customer's own is refused)")
        LifecycleStage lifecycleStage,
    @Schema(description = "Individual customers (type INDIVIDUAL) only") LocalDate birthday,
    @Schema(description = "Individual customers (type INDIVIDUAL) only")
        dev.headlesscrm.customer.domain.Gender gender,
    @Size(max = 50) List<@Size(min = 1, max = 50) String> tags,
    @Schema(description = "Custom fields (text values); filter with custom.<key>")
        Map<String, String> custom,
    @Size(max = 100) String externalId,
    @Schema(description = "The owning employee; the caller when omitted") UUID ownerId) {

  /** 财务. */
  @Input("CustomerFinanceInput")
  @Schema(name = "CustomerFinanceInput")
  public record Finance(
      @Size(max = 200) String bankName,
      @Size(max = 64) String bankAccount,
      @Size(max = 64) String taxId,
      @Schema(description = "财务电话: the finance department's phone")
          @Size(max = 40)
          @Pattern(regexp = "[0-9+()\\- ]*")
          String phone) {}

  static Finance financeOf(Customer c) {
    return new Finance(c.bankName, c.bankAccount, c.taxId, c.financePhone);
  }
}
