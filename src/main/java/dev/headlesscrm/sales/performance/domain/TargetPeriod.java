package dev.headlesscrm.sales.performance.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plan period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code 2026}),
 * and the days it spans, {@code [from, until)}.
 */
public record TargetPeriod(TargetPeriodKind kind, String text, LocalDate from, LocalDate until) {

  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  /** The period this text names, if it names one. */
  public static Optional<TargetPeriod> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = MONTH.matcher(text);
    if (m.matches()) {
      return Optional.of(month(YearMonth.of(year(m), Integer.parseInt(m.group(2)))));
    }
    m = QUARTER.matcher(text);
    if (m.matches()) {
      LocalDate from = LocalDate.of(year(m), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
      return Optional.of(
          new TargetPeriod(TargetPeriodKind.QUARTER, text, from, from.plusMonths(3)));
    }
    m = YEAR.matcher(text);
    if (m.matches()) {
      LocalDate from = LocalDate.of(year(m), 1, 1);
      return Optional.of(new TargetPeriod(TargetPeriodKind.YEAR, text, from, from.plusYears(1)));
    }
    return Optional.empty();
  }

  /** The month as a period. */
  public static TargetPeriod month(YearMonth month) {
    LocalDate from = month.atDay(1);
    return new TargetPeriod(TargetPeriodKind.MONTH, month.toString(), from, from.plusMonths(1));
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group(1));
  }
}
