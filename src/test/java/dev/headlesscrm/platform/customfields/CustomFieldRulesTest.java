package dev.headlesscrm.platform.customfields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The canonical text of each custom field type, and what each refuses (pure, no Quarkus). */
class CustomFieldRulesTest {

  private static final UUID KNOWN = UUID.fromString("0193a000-0000-7000-8000-0000000000aa");

  private static final CustomField.Lookups LOOKUPS =
      new CustomField.Lookups() {
        @Override
        public boolean activeOption(String kind, String code) {
          return Set.of("RED", "BLUE", "GREEN").contains(code);
        }

        @Override
        public boolean exists(String resource, UUID id) {
          return KNOWN.equals(id);
        }
      };

  private static CustomField field(CustomFieldType type) {
    return field(type, null, null, null, null);
  }

  private static CustomField field(
      CustomFieldType type, Pattern pattern, BigDecimal min, BigDecimal max, Integer maxLength) {
    return new CustomField(
        UUID.randomUUID(),
        "customer",
        "k",
        type,
        "字段",
        "Field",
        null,
        false,
        false,
        pattern,
        min,
        max,
        maxLength,
        type.usesDictionary() ? "colour" : null,
        type == CustomFieldType.REFERENCE ? "contact" : null,
        false);
  }

  private static String ok(CustomField f, String raw) {
    List<Violation> v = new ArrayList<>();
    Optional<String> out = f.canonical(raw, LOOKUPS, v);
    assertTrue(v.isEmpty(), () -> raw + " → " + v);
    return out.orElse(null);
  }

  private static String refused(CustomField f, String raw) {
    List<Violation> v = new ArrayList<>();
    Optional<String> out = f.canonical(raw, LOOKUPS, v);
    assertTrue(out.isEmpty(), raw + " was accepted as " + out);
    assertEquals(1, v.size(), v.toString());
    assertEquals("custom.k", v.get(0).field());
    return v.get(0).code();
  }

  @Test
  void numbersAreStoredPlainAndMoneyWithTwoPlaces() {
    CustomField n =
        field(CustomFieldType.NUMBER, null, BigDecimal.ZERO, new BigDecimal("1000"), null);
    assertEquals("12.5", ok(n, " 12.500 "));
    assertEquals("1000", ok(n, "1E3"));
    assertEquals("min", refused(n, "-0.01"));
    assertEquals("max", refused(n, "1000.1"));
    assertEquals("type", refused(n, "twelve"));
    CustomField m = field(CustomFieldType.MONEY);
    assertEquals("12.50", ok(m, "12.5"));
    assertEquals("7.00", ok(m, "7"));
    assertEquals("scale", refused(m, "0.001"));
  }

  @Test
  void datesAndDatetimesAreIsoAndDatetimesUtc() {
    assertEquals("2026-02-28", ok(field(CustomFieldType.DATE), "2026-02-28"));
    assertEquals("type", refused(field(CustomFieldType.DATE), "2026-02-30"));
    CustomField dt = field(CustomFieldType.DATETIME);
    assertEquals("2026-12-04T01:30:00Z", ok(dt, "2026-12-04T09:30:00+08:00"));
    assertEquals("type", refused(dt, "2026-12-04"));
    assertEquals("type", refused(dt, "2026-12-04T09:30:00"));
  }

  @Test
  void textObeysLengthAndPatternAndBlankIsNoValue() {
    CustomField t = field(CustomFieldType.TEXT, Pattern.compile("[A-Z]{2}\\d+"), null, null, 5);
    assertEquals("AB12", ok(t, " AB12 "));
    assertEquals("pattern", refused(t, "ab12"));
    assertEquals("size", refused(t, "AB1234"));
    assertEquals(null, ok(t, "   "));
    assertEquals(null, ok(t, null));
    assertEquals(255, field(CustomFieldType.TEXT).effectiveMaxLength());
    assertEquals(10_000, field(CustomFieldType.LONG_TEXT).effectiveMaxLength());
    // Length counts characters, not UTF-16 units: five CJK-extension characters fit in five.
    assertEquals("𠀀𠀁𠀂𠀃𠀄", ok(field(CustomFieldType.TEXT, null, null, null, 5), "𠀀𠀁𠀂𠀃𠀄"));
  }

  @Test
  void choicesAreActiveDictionaryCodesAndReferencesLiveRecords() {
    assertEquals("true", ok(field(CustomFieldType.BOOLEAN), "TRUE"));
    assertEquals("type", refused(field(CustomFieldType.BOOLEAN), "yes"));
    assertEquals("RED", ok(field(CustomFieldType.SELECT), "RED"));
    assertEquals("option", refused(field(CustomFieldType.SELECT), "PINK"));
    CustomField multi = field(CustomFieldType.MULTI_SELECT);
    assertEquals("RED;BLUE", ok(multi, "RED; BLUE;RED;"));
    assertEquals("option", refused(multi, "RED;PINK"));
    CustomField ref = field(CustomFieldType.REFERENCE);
    assertEquals(KNOWN.toString(), ok(ref, KNOWN.toString().toUpperCase()));
    assertEquals("not-found", refused(ref, UUID.randomUUID().toString()));
    assertEquals("type", refused(ref, "not-a-uuid"));
  }

  @Test
  void listExpressionsReadTheStoredTextTyped() {
    assertEquals(
        "crm_cf_numeric(t.custom_fields ->> 'k')",
        CustomFieldType.MONEY.expression("t.", "custom_fields", "k"));
    assertEquals(
        "string_to_array(t.custom_fields ->> 'k', ';')",
        CustomFieldType.MULTI_SELECT.expression("t.", "custom_fields", "k"));
    assertEquals(
        "(custom_fields ->> 'k')", CustomFieldType.TEXT.expression("", "custom_fields", "k"));
  }
}
