package dev.headlesscrm.platform.api;

import java.time.ZoneId;

/**
 * The business time zone, in one place: what "today", a due day, a birthday, a date-only amount
 * period or a pool return night mean (China Standard Time). Instants on the wire stay UTC.
 */
public final class BusinessTime {
  private BusinessTime() {}

  /** The zone's id, for SQL ({@code AT TIME ZONE}) and annotations. */
  public static final String ZONE_ID = "Asia/Shanghai";

  public static final ZoneId ZONE = ZoneId.of(ZONE_ID);
}
