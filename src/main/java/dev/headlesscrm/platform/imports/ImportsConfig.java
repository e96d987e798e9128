package dev.headlesscrm.platform.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How import jobs run: {@code crm.imports.*}. */
@ConfigMapping(prefix = "crm.imports")
public interface ImportsConfig {

  /** How often a replica looks for a job to run; 0 turns the worker off (tests drive it). */
  @WithDefault("1s")
  Duration pollInterval();

  /** Rows read, checked and written per step; progress is committed with each step's rows. */
  @WithDefault("1000")
  int chunkSize();

  /** The most one uploaded part may hold (a request body is at most 10 MB). */
  @WithDefault("8388608")
  int maxPartBytes();

  /** The most parts a file may have. */
  @WithDefault("1000")
  int maxParts();

  /** How long a replica holds a job without committing progress before another may resume it. */
  @WithDefault("2m")
  Duration lease();

  /** How many times a job is started (the first run and resumptions) before it is failed. */
  @WithDefault("3")
  int maxRuns();
}
