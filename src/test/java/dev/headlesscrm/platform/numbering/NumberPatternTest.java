package dev.headlesscrm.platform.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The pattern rules of numbering, as a reader of the rule would state them. */
class NumberPatternTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 23);

  static String format(String pattern, long seq) {
    return NumberPattern.parse(pattern).format(DAY, seq);
  }

  /** Asserts the pattern is refused as a 422 naming {@code pattern}, with this code. */
  static CrmException refused(String pattern, String code) {
    CrmException e = assertThrows(CrmException.class, () -> NumberPattern.parse(pattern));
    assertRefusal(e, code);
    return e;
  }

  static void assertRefusal(CrmException e, String code) {
    assertEquals(ProblemType.VALIDATION, e.type());
    assertEquals(1, e.violations().size());
    assertEquals("pattern", e.violations().get(0).field());
    assertEquals(code, e.violations().get(0).code());
  }

  @Test
  void customerNumbersCarryTheDayAndAFourDigitSequence() {
    assertEquals("KH202611230001", format("KH{yyyyMMdd}{seq:4}", 1));
    assertEquals("KH202611230042", format("KH{yyyyMMdd}{seq:4}", 42));
  }

  @Test
  void theSequenceIsPaddedToAtLeastNDigitsAndNeverCut() {
    assertEquals("HT20261123999", format("HT{yyyyMMdd}{seq:3}", 999));
    assertEquals("HT202611231000", format("HT{yyyyMMdd}{seq:3}", 1000));
    assertEquals("C000007", format("C{seq:6}", 7));
    assertEquals("7", format("{seq}", 7));
    assertEquals("123456789012", format("{seq}", 123456789012L));
  }

  @Test
  void monthAndYearTokensAndLiteralTextAnywhere() {
    assertEquals("202611-07", format("{yyyyMM}-{seq:2}", 7));
    assertEquals("Q2026/0005/X", format("Q{yyyy}/{seq:4}/X", 5));
    assertEquals("客户-001-2026", format("客户-{seq:3}-{yyyy}", 1));
  }

  @Test
  void aPatternWithoutASequenceIsRefused() {
    refused("KH{yyyyMMdd}", "missing-seq");
    refused("CONST", "missing-seq");
  }

  @Test
  void unknownTokensAreRefusedByName() {
    CrmException e = refused("KH{yyMMdd}{seq:4}", "unknown-token");
    assertTrue(e.detail().en() != null);
    assertTrue(e.violations().get(0).message().en().contains("{yyMMdd}"));
    refused("{SEQ}", "unknown-token");
    refused("{}{seq}", "unknown-token");
  }

  @Test
  void theSequenceWidthIsANumberFrom1To18() {
    refused("{seq:0}", "seq-width");
    refused("{seq:19}", "seq-width");
    refused("{seq:x}", "seq-width");
    refused("{seq:}", "seq-width");
    refused("{seq:-1}", "seq-width");
    assertEquals("000000000000000001", format("{seq:18}", 1));
  }

  @Test
  void oneSequenceOnly() {
    refused("{seq}{seq:2}", "duplicate-seq");
  }

  @Test
  void bracesMustPairAndNoSpacesOrControlCharacters() {
    refused("KH{yyyyMMdd{seq}", "syntax");
    refused("KH{seq", "syntax");
    refused("KH}{seq}", "syntax");
    refused("KH {seq}", "syntax");
    refused("KH\t{seq}", "syntax");
  }

  @Test
  void emptyAndOverlongPatternsAreRefused() {
    refused("", "required");
    refused("   ", "required");
    refused(null, "required");
    refused("X".repeat(60) + "{seq}", "size");
  }

  @Test
  void aSequenceThatResetsMustBePrintedWithADateAtLeastAsFine() {
    NumberPattern daily = NumberPattern.parse("KH{yyyyMMdd}{seq:4}");
    assertSame(daily, daily.checkUnique(ResetPolicy.DAILY));
    daily.checkUnique(ResetPolicy.MONTHLY);
    daily.checkUnique(ResetPolicy.YEARLY);
    daily.checkUnique(ResetPolicy.NEVER);

    NumberPattern monthly = NumberPattern.parse("M{yyyyMM}{seq:4}");
    monthly.checkUnique(ResetPolicy.MONTHLY);
    monthly.checkUnique(ResetPolicy.YEARLY);
    assertRefusal(
        assertThrows(CrmException.class, () -> monthly.checkUnique(ResetPolicy.DAILY)),
        "reset-needs-date");

    NumberPattern yearly = NumberPattern.parse("Y{yyyy}{seq:4}");
    yearly.checkUnique(ResetPolicy.YEARLY);
    assertRefusal(
        assertThrows(CrmException.class, () -> yearly.checkUnique(ResetPolicy.MONTHLY)),
        "reset-needs-date");

    NumberPattern plain = NumberPattern.parse("LXR{seq:6}");
    plain.checkUnique(ResetPolicy.NEVER);
    assertRefusal(
        assertThrows(CrmException.class, () -> plain.checkUnique(ResetPolicy.YEARLY)),
        "reset-needs-date");
  }

  @Test
  void periodsFollowTheResetPolicy() {
    assertEquals("*", ResetPolicy.NEVER.periodOf(DAY));
    assertEquals("20261123", ResetPolicy.DAILY.periodOf(DAY));
    assertEquals("202611", ResetPolicy.MONTHLY.periodOf(DAY));
    assertEquals("2026", ResetPolicy.YEARLY.periodOf(DAY));
  }

  @Test
  void sequencesStartAt1() {
    NumberPattern pattern = NumberPattern.parse("{seq}");
    assertThrows(IllegalArgumentException.class, () -> pattern.format(DAY, 0));
  }
}
