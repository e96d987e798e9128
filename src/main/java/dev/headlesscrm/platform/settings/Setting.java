package dev.headlesscrm.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headlesscrm.platform.api.Text;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue of system parameters (系统参数): each with its type, bounds, default and meaning.
 * Values live in table system_settings; a key never written has its default.
 */
public enum Setting {
  ADMIN_EMAIL(
      "admin-email",
      Kind.EMAIL,
      JsonNodeFactory.instance.nullNode(),
      0,
      0,
      "The administrator's email address (系统管理员邮箱)."),
  RECEIVABLE_REMINDER_DAYS(
      "receivable-reminder-days",
      Kind.INTEGER,
      IntNode.valueOf(7),
      0,
      365,
      "Days before a receivable falls due to remind (应收款提前提醒天数)."),
  BIRTHDAY_REMINDER_DAYS(
      "birthday-reminder-days",
      Kind.INTEGER,
      IntNode.valueOf(3),
      0,
      365,
      "Days before a customer contact's birthday to remind (客户生日提醒提前天数)."),
  CARE_BEFORE_MARKETING_DAYS(
      "care-before-marketing-days",
      Kind.INTEGER,
      IntNode.valueOf(7),
      0,
      365,
      "Care planned within this many days before a marketing contact of the same customer is"
          + " flagged (关怀与营销间隔天数; 0: never)."),
  LIFECYCLE_NEW_DAYS(
      "lifecycle.new-days",
      Kind.INTEGER,
      IntNode.valueOf(90),
      1,
      3650,
      "A won customer is NEW this many days after its first won deal (新客户天数)."),
  LIFECYCLE_LOYAL_DEALS(
      "lifecycle.loyal-deals",
      Kind.INTEGER,
      IntNode.valueOf(3),
      1,
      1000,
      "Won deals from which an active customer is LOYAL (忠诚客户成交次数)."),
  LIFECYCLE_AT_RISK_DAYS(
      "lifecycle.at-risk-days",
      Kind.INTEGER,
      IntNode.valueOf(90),
      1,
      3650,
      "Days without a follow-up, won deal or payment after which a won customer is AT_RISK (流失风险天数)."),
  LIFECYCLE_LOST_DAYS(
      "lifecycle.lost-days",
      Kind.INTEGER,
      IntNode.valueOf(365),
      1,
      3650,
      "Days without a follow-up, won deal or payment after which a won customer is LOST (流失天数)."),
  CONTRACT_DECIMALS(
      "decimal-places.contract",
      Kind.INTEGER,
      IntNode.valueOf(2),
      0,
      6,
      "Decimal places of contract amounts."),
  ORDER_DECIMALS(
      "decimal-places.order",
      Kind.INTEGER,
      IntNode.valueOf(2),
      0,
      6,
      "Decimal places of order amounts."),
  QUOTE_DECIMALS(
      "decimal-places.quote",
      Kind.INTEGER,
      IntNode.valueOf(2),
      0,
      6,
      "Decimal places of quote amounts."),
  PRODUCT_DECIMALS(
      "decimal-places.product",
      Kind.INTEGER,
      IntNode.valueOf(2),
      0,
      6,
      "Decimal places of product prices."),
  QUOTE_APPROVAL_DISCOUNT(
      "quote-approval-discount-percent",
      Kind.INTEGER,
      IntNode.valueOf(20),
      0,
      100,
      "A quote with a line discount above this percent needs approval (报价审批折扣线)."),
  WARRANTY_MONTHS(
      "warranty-months",
      Kind.INTEGER,
      IntNode.valueOf(12),
      0,
      120,
      "Months of warranty goods get from their delivery when none is given (默认保修月数)."),
  WARRANTY_REMINDER_DAYS(
      "warranty-reminder-days",
      Kind.INTEGER,
      IntNode.valueOf(30),
      0,
      365,
      "Days before goods' warranty ends to tell the customer's owner (保修到期提前提醒天数; 0: never)."),
  SATISFACTION_LOW_SCORE(
      "satisfaction-low-score",
      Kind.INTEGER,
      IntNode.valueOf(2),
      0,
      5,
      "A satisfaction score (1–5) at or below this opens a follow-up task for the customer's owner,"
          + " as does an NPS answer of 0–6 (低满意度阈值; 0: scores never do)."),
  DEFAULT_CURRENCY(
      "default-currency",
      Kind.CURRENCY,
      JsonNodeFactory.instance.textNode("CNY"),
      0,
      0,
      "ISO 4217 code used when a record gives none."),
  REQUIRE_IF_MATCH(
      "require-if-match",
      Kind.BOOLEAN,
      BooleanNode.FALSE,
      0,
      0,
      "When true, a PATCH or DELETE without If-Match is answered 428.");

  /** The value types settings can have. */
  public enum Kind {
    INTEGER,
    BOOLEAN,
    EMAIL,
    CURRENCY
  }

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private final String key;
  private final Kind kind;
  private final JsonNode defaultValue;
  private final int min;
  private final int max;
  private final String description;

  Setting(String key, Kind kind, JsonNode defaultValue, int min, int max, String description) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public JsonNode defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  public static Optional<Setting> byKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  /** Why a value is not acceptable for this setting, or empty when it is. */
  public Optional<Text> problemWith(JsonNode value) {
    if (value == null || value.isNull()) {
      return kind == Kind.EMAIL
          ? Optional.empty()
          : Optional.of(Text.of("A value is required.", "必须提供值。"));
    }
    return switch (kind) {
      case INTEGER ->
          value.canConvertToInt()
                  && value.isIntegralNumber()
                  && value.intValue() >= min
                  && value.intValue() <= max
              ? Optional.empty()
              : Optional.of(
                  Text.of(
                      "An integer from " + min + " to " + max + ".",
                      "须为 " + min + " 到 " + max + " 之间的整数。"));
      case BOOLEAN ->
          value.isBoolean()
              ? Optional.empty()
              : Optional.of(Text.of("true or false.", "须为 true 或 false。"));
      case EMAIL ->
          value.isTextual() && EMAIL.matcher(value.asText()).matches()
              ? Optional.empty()
              : Optional.of(Text.of("An email address.", "须为邮箱地址。"));
      case CURRENCY ->
          value.isTextual() && CURRENCY.matcher(value.asText()).matches()
              ? Optional.empty()
              : Optional.of(Text.of("An ISO 4217 code such as CNY.", "须为 ISO 4217 货币代码，如 CNY。"));
    };
  }
}
