package dev.headlesscrm.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Rate limits ({@code crm.rate-limits.*}): points per window, per caller and per client. */
@ConfigMapping(prefix = "crm.rate-limits")
public interface RateLimitsConfig {

  /** Off: no limit is counted or enforced, and no RateLimit headers are sent. */
  @WithDefault("true")
  boolean enabled();

  /** The length of a window; limits are points per window, windows aligned to the epoch. */
  @WithDefault("1m")
  Duration window();

  /** Points per window of a caller whose roles name no limit of their own. */
  @WithDefault("1200")
  int defaultLimit();

  /** Points per window by realm role ({@code crm.rate-limits.roles.integration=12000}). */
  Map<String, Integer> roles();

  /** Points per window of every caller of one OAuth client together, unless named below. */
  @WithDefault("60000")
  int clientLimit();

  /** Points per window by client id ({@code crm.rate-limits.clients.crm-erp=120000}). */
  Map<String, Integer> clients();

  /**
   * Each replica takes points from the shared count in blocks of this share of a limit (at least
   * 1): the larger, the fewer database round trips; with n replicas, a caller refused by one may
   * leave up to n blocks unused in the others.
   */
  @WithDefault("0.02")
  double blockShare();
}
