package dev.headlesscrm.platform.idempotency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request that holds a claimed key, from the claim until its answer is stored or the key is
 * released. Exactly one of the places that may finish it (response filter, writer interceptor,
 * end-of-response safety net) does so: whoever {@link #settle() settles} it first.
 */
final class Attempt {

  final String caller;
  final String key;
  final UUID claimId;

  private final AtomicBoolean settled = new AtomicBoolean();
  private volatile int status;
  private final Map<String, String> headers = new LinkedHashMap<>();

  Attempt(String caller, String key, UUID claimId) {
    this.caller = caller;
    this.key = key;
    this.claimId = claimId;
  }

  private volatile boolean marked;

  /** Whether the key was marked COMMITTED in a transaction that has not rolled back. */
  boolean isMarked() {
    return marked;
  }

  void marked(boolean marked) {
    this.marked = marked;
  }

  /** True for the one caller that gets to finish this attempt. */
  boolean settle() {
    return settled.compareAndSet(false, true);
  }

  boolean isSettled() {
    return settled.get();
  }

  synchronized void answered(int status, Map<String, String> headers) {
    this.status = status;
    this.headers.clear();
    this.headers.putAll(headers);
  }

  synchronized void header(String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  synchronized StoredResponse response(byte[] body) {
    return new StoredResponse(status, Map.copyOf(new LinkedHashMap<>(headers)), body);
  }
}
