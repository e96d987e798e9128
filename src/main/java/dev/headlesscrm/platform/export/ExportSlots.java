package dev.headlesscrm.platform.export;

import dev.headlesscrm.platform.api.CrmException;
import dev.headlesscrm.platform.api.ProblemType;
import dev.headlesscrm.platform.api.Text;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Exports run under a concurrency limit of their own per pod ({@code crm.export.max-concurrent}),
 * so that however many are asked for, the short requests beside them keep their share of the
 * connection pool and the worker threads: one over the limit is refused at once with 503 and {@code
 * Retry-After}, never queued. A slot is held from the first page until the download ends or its
 * connection closes.
 */
@ApplicationScoped
public class ExportSlots {

  private final Semaphore slots;

  @Inject CurrentVertxRequest http;

  @Inject
  ExportSlots(@ConfigProperty(name = "crm.export.max-concurrent", defaultValue = "4") int max) {
    this.slots = new Semaphore(Math.max(1, max));
  }

  /** The export, holding a slot while it runs; 503 when every slot is taken. */
  public StreamingOutput run(Supplier<StreamingOutput> export) {
    if (!slots.tryAcquire()) {
      throw new CrmException(
          ProblemType.UNAVAILABLE,
          Text.of(
              "As many exports as this service runs at once are running; retry in a few seconds.",
              "同时进行的导出已达上限，请稍后重试。"),
          List.of(),
          Map.of("retryAfter", 5));
    }
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.compareAndSet(true, false)) {
            slots.release();
          }
        };
    try {
      StreamingOutput output = export.get();
      if (http.getCurrent() != null) {
        // Also when the client goes away before the body is written.
        http.getCurrent().addEndHandler(done -> release.run());
      }
      return out -> {
        try {
          output.write(out);
        } finally {
          release.run();
        }
      };
    } catch (RuntimeException | Error e) {
      release.run();
      throw e;
    }
  }

  /** Slots free now (tests and diagnostics). */
  public int available() {
    return slots.availablePermits();
  }

  /** Takes every free slot (tests): returns how many were taken. */
  public int drain() {
    return slots.drainPermits();
  }

  /** Gives slots back (tests). */
  public void give(int n) {
    slots.release(n);
  }
}
