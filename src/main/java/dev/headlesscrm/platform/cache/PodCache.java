package dev.headlesscrm.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values of one kind of data ({@code org}, {@code roles}) kept in this pod by key, each dropped
 * when the kind's version moves ({@link CacheVersions}) or when it is older than its longest life.
 * Bounded: past {@code maxEntries} it starts afresh rather than grow (the keys are employees and
 * departments, a few thousand at most).
 */
public final class PodCache<K, V> {

  private record Entry<V>(CacheVersions.Stamp stamp, long bornNanos, V value) {}

  private final CacheVersions versions;
  private final String kind;
  private final long maxAgeNanos;
  private final int maxEntries;
  private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

  public PodCache(CacheVersions versions, String kind, Duration maxAge, int maxEntries) {
    this.versions = versions;
    this.kind = kind;
    this.maxAgeNanos = maxAge.toNanos();
    this.maxEntries = maxEntries;
  }

  /** The value for this key: held while current, else loaded (a null value is not held). */
  public V get(K key, Function<K, V> load) {
    CacheVersions.Stamp now = versions.current(kind);
    long nanos = System.nanoTime();
    Entry<V> held = entries.get(key);
    if (held != null && held.stamp().equals(now) && nanos - held.bornNanos() < maxAgeNanos) {
      return held.value();
    }
    V value = load.apply(key);
    if (value != null) {
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
      entries.put(key, new Entry<>(now, nanos, value));
    }
    return value;
  }
}
