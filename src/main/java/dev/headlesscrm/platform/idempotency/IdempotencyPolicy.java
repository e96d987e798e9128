package dev.headlesscrm.platform.idempotency;

import java.util.List;

/** Which answers a key remembers. */
final class IdempotencyPolicy {

  /** The response headers stored and replayed with the body. */
  static final List<String> REPLAYED_HEADERS = List.of("Content-Type", "Location", "ETag");

  private IdempotencyPolicy() {}

  /**
   * Every final answer below 500 is kept, 4xx included (as Stripe does and as API.md §3 says: "the
   * first completed response"): a retry sees exactly what the first attempt saw, and a client that
   * corrects its request sends a different body, which needs a new key anyway. Not kept, so the
   * same key may be retried: 5xx (including 503 database unreachable), 429 rate limited and 408
   * timeout, which say nothing about the request itself.
   */
  static boolean remembers(int status) {
    return status < 500 && status != 429 && status != 408;
  }
}
