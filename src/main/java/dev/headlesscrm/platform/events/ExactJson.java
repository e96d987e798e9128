package dev.headlesscrm.platform.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * The application's ObjectMapper, adjusted so that JSON trees keep numbers exactly as REST
 * responses write them: {@code 12.30} stays {@code 12.30} (trees would otherwise strip the zero)
 * and decimals read back from PostgreSQL stay decimals (instead of doubles). Used for everything
 * the change log stores and serves.
 */
public final class ExactJson {

  private ExactJson() {}

  public static ObjectMapper of(ObjectMapper application) {
    return application
        .copy()
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }
}
