package dev.headlesscrm.platform.numbering;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a rule's sequence starts again at 1. Each policy names the counter period a date falls in;
 * the pattern must print a date at least that fine (see {@link NumberPattern#checkUnique}), so a
 * restarted sequence never repeats a number.
 */
@Schema(description = "When a numbering rule's sequence starts again at 1.")
public enum ResetPolicy {
  NEVER(null),
  DAILY(DateToken.DAY),
  MONTHLY(DateToken.MONTH),
  YEARLY(DateToken.YEAR);

  /** The counter period of {@link #NEVER}: one counter for ever. */
  public static final String FOREVER = "*";

  private final DateToken granularity;

  ResetPolicy(DateToken granularity) {
    this.granularity = granularity;
  }

  /** The date token the pattern needs at least, or null when any pattern will do. */
  public DateToken granularity() {
    return granularity;
  }

  /** The counter period a business date falls in: {@code 20261123}, {@code 202611}, {@code *}. */
  public String periodOf(LocalDate date) {
    return granularity == null ? FOREVER : granularity.format(date);
  }

  /** The date tokens a pattern may contain, from coarse to fine. */
  public enum DateToken {
    YEAR("yyyy"),
    MONTH("yyyyMM"),
    DAY("yyyyMMdd");

    private final String token;
    private final DateTimeFormatter formatter;

    DateToken(String token) {
      this.token = token;
      this.formatter = DateTimeFormatter.ofPattern(token.replace("yyyy", "uuuu"));
    }

    public String token() {
      return token;
    }

    public String format(LocalDate date) {
      return formatter.format(date);
    }

    /**
     * True when this token tells apart every period of {@code other} (a day also names a month).
     */
    public boolean atLeastAsFineAs(DateToken other) {
      return ordinal() >= other.ordinal();
    }

    static DateToken ofToken(String token) {
      for (DateToken t : values()) {
        if (t.token.equals(token)) {
          return t;
        }
      }
      return null;
    }
  }
}
