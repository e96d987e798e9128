package dev.headlesscrm.platform.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Allocation on the real database: unique under concurrency, periods, zone, no gaps. */
@QuarkusTest
class NumberingServiceTest {

  @Inject NumberingService numbering;
  @Inject AgroalDataSource db;

  @Test
  void concurrentCallersNeverGetTheSameNumber() throws Exception {
    int threads = 8;
    int each = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(
            () -> {
              List<String> mine = new ArrayList<>();
              for (int i = 0; i < each; i++) {
                mine.add(numbering.next("customer"));
              }
              return mine;
            });
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : pool.invokeAll(work, 2, TimeUnit.MINUTES)) {
        all.addAll(f.get());
      }
      assertEquals(threads * each, all.size());
      Set<String> distinct = new HashSet<>(all);
      assertEquals(threads * each, distinct.size(), "no number twice");
      for (String number : all) {
        assertTrue(number.matches("KH\\d{8}\\d{4,}"), number);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDailySequenceStartsAgainEachBusinessDay() {
    Instant day1 = Instant.parse("2031-03-04T02:00:00Z");
    Instant day2 = Instant.parse("2031-03-05T02:00:00Z");
    assertEquals("HT20310304001", numbering.nextAt("contract", day1));
    assertEquals("HT20310304002", numbering.nextAt("contract", day1));
    assertEquals("HT20310305001", numbering.nextAt("contract", day2), "a new day, a new period");
    assertEquals("HT20310304003", numbering.nextAt("contract", day1), "each day keeps its own");
    assertEquals(3, NumberingFixtures.counter(db, "contract", "20310304"));
  }

  @Test
  void monthlyYearlyAndNeverUseTheirOwnPeriods() {
    String monthly = NumberingFixtures.rule(db, "M{yyyyMM}{seq:3}", ResetPolicy.MONTHLY);
    assertEquals("M203205001", numbering.nextAt(monthly, Instant.parse("2032-05-01T04:00:00Z")));
    assertEquals("M203205002", numbering.nextAt(monthly, Instant.parse("2032-05-31T04:00:00Z")));
    assertEquals("M203206001", numbering.nextAt(monthly, Instant.parse("2032-06-01T04:00:00Z")));

    String never = NumberingFixtures.rule(db, "N{yyyy}{seq:2}", ResetPolicy.NEVER);
    assertEquals("N203301", numbering.nextAt(never, Instant.parse("2033-01-01T04:00:00Z")));
    assertEquals("N203402", numbering.nextAt(never, Instant.parse("2034-01-01T04:00:00Z")));
    assertEquals(2, NumberingFixtures.counter(db, never, ResetPolicy.FOREVER));
  }

  @Test
  void datesAreBusinessDatesInTheConfiguredZone() {
    // 16:30 UTC on the 23rd is 00:30 on the 24th in Asia/Shanghai (UTC+8).
    Instant lateUtc = Instant.parse("2035-11-23T16:30:00Z");
    assertEquals(LocalDate.of(2035, 11, 24), numbering.businessDate(lateUtc));
    assertNotEquals(LocalDate.of(2035, 11, 24), LocalDate.ofInstant(lateUtc, ZoneOffset.UTC));
    assertEquals("HK20351124001", numbering.nextAt("payment", lateUtc));
  }

  @Test
  void aCallerThatRollsBackGivesItsNumberBackNeverADuplicate() {
    String rule = NumberingFixtures.rule(db, "G{seq:3}", ResetPolicy.NEVER);
    AtomicReference<String> lost = new AtomicReference<>();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      lost.set(numbering.next(rule));
                      throw new IllegalStateException("the caller fails after taking a number");
                    }));
    assertEquals("G001", lost.get());
    assertEquals("G001", numbering.next(rule), "rolled back with its caller: no gap");
    assertEquals("G002", numbering.next(rule), "committed: never handed out twice");
  }

  @Test
  void anUnknownRuleIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> numbering.next("no-such-rule"));
  }
}
