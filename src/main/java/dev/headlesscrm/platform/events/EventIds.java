package dev.headlesscrm.platform.events;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID v7 ids (RFC 9562) for rows the platform writes outside Hibernate: the 48-bit millisecond
 * prefix is the given time, so an event's id says when it occurred (the purge relies on this), and
 * ids made in one JVM are strictly increasing (a 12-bit counter within a millisecond).
 */
public final class EventIds {

  private static final long MAX_CLAMP_MILLIS = 1000;
  private static final Object LOCK = new Object();
  private static long lastMillis = -1;
  private static int counter;

  private EventIds() {}

  /**
   * A fresh id whose time prefix is {@code time}. Ids made for non-decreasing times are strictly
   * increasing; so are ids for a time up to a second behind the last one (threads that read the
   * clock in one order and get here in another, a small clock step back), which take the last id's
   * millisecond. An id for an older time is simply made for that time.
   */
  public static UUID at(Instant time) {
    long millis = time.toEpochMilli();
    int sequence;
    synchronized (LOCK) {
      if (millis > lastMillis) {
        lastMillis = millis;
        // Start low in the counter's range, leaving room for many ids in the same millisecond.
        counter = ThreadLocalRandom.current().nextInt(0x400);
        sequence = counter;
      } else if (millis >= lastMillis - MAX_CLAMP_MILLIS) {
        if (++counter > 0xFFF) {
          lastMillis++;
          counter = 0;
        }
        millis = lastMillis;
        sequence = counter;
      } else {
        sequence = ThreadLocalRandom.current().nextInt(0x1000);
      }
    }
    long msb = (millis << 16) | 0x7000L | sequence;
    long lsb = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /**
   * The smallest possible UUID v7 of this millisecond: every id made before {@code time} sorts
   * below it (PostgreSQL compares uuids bytewise, so the time prefix decides).
   */
  public static UUID lowerBound(Instant time) {
    return new UUID(time.toEpochMilli() << 16, 0L);
  }

  /** The time prefix of a UUID v7, to the millisecond. */
  public static Instant timeOf(UUID id) {
    return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
  }
}
