package dev.headlesscrm.platform.persistence;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The background loop the event publisher and the webhook worker run on. */
class RepeatingTaskTest {

  private static final Logger LOG = Logger.getLogger(RepeatingTaskTest.class);

  @Test
  void failedRunsDoNotEndTheLoopAndStopEndsIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    RepeatingTask task =
        new RepeatingTask(
            "test-repeating",
            "Test work",
            Duration.ofMillis(5),
            LOG,
            () -> {
              if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("the database is down");
              }
              succeeded.incrementAndGet();
            });
    task.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> succeeded.get() >= 5);
    task.stop(Duration.ofSeconds(1));
    int after = calls.get();
    Thread.sleep(100);
    assertEquals(after, calls.get(), "no run after stop");
    assertTrue(calls.get() >= 8, "three failures, then on: " + calls.get());
  }
}
