package dev.headlesscrm.sales.pipeline.application;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stay of an opportunity in a stage (for funnel and cycle analysis). */
@Type("StageVisit")
@Schema(name = "StageVisit", description = "When an opportunity entered and left a stage.")
public record StageVisit(
    UUID stageId,
    String stageCode,
    String stageName,
    Instant enteredAt,
    UUID enteredBy,
    @Schema(description = "Null while it is still there") Instant leftAt,
    UUID leftBy) {

  static StageVisit of(Object[] row) {
    return new StageVisit(
        (UUID) row[0],
        (String) row[1],
        (String) row[2],
        instant(row[3]),
        (UUID) row[4],
        instant(row[5]),
        (UUID) row[6]);
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return (Instant) value;
  }
}
