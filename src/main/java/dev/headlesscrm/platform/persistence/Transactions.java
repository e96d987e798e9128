package dev.headlesscrm.platform.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/** Transactions whose outcome is decided by the work's result, not only by exceptions. */
public final class Transactions {

  private Transactions() {}

  /** The decision of a piece of work: its result, and whether to keep what it wrote. */
  public record Outcome<T>(T result, boolean commit) {}

  /**
   * Runs the work in a new transaction and commits it or rolls it back as the work decided (dry
   * runs, failed batch items), returning the result either way.
   */
  public static <T> T inNew(Supplier<Outcome<T>> work) {
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Outcome<T> outcome = work.get();
                if (!outcome.commit()) {
                  throw new Discard(outcome.result());
                }
                return outcome.result();
              });
    } catch (RuntimeException e) {
      Discard discard = find(e);
      if (discard != null) {
        @SuppressWarnings("unchecked")
        T result = (T) discard.result;
        return result;
      }
      throw e;
    }
  }

  private static Discard find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Discard d) {
        return d;
      }
    }
    return null;
  }

  /** Carries the result out of a transaction that is rolled back on purpose. */
  private static final class Discard extends RuntimeException {
    private final transient Object result;

    Discard(Object result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
