package dev.headlesscrm.owasp;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * The allow-list of defects the OWASP suite found and that are not fixed yet. A listed check still
 * runs: while it fails it is reported as KNOWN FAILURE on the console (not a silent skip); once it
 * passes, the test fails until the entry is removed here, so a fixed defect cannot regress unseen.
 */
final class KnownFailures {

  /** Check name → the defect, for the report. */
  static final Map<String, String> ALLOWED = Map.of();

  private KnownFailures() {}

  static void check(String name, Executable check) throws Throwable {
    if (!ALLOWED.containsKey(name)) {
      check.execute();
      return;
    }
    try {
      check.execute();
    } catch (AssertionError known) {
      System.out.println("[OWASP] KNOWN FAILURE " + name + ": " + ALLOWED.get(name));
      return;
    }
    fail("'" + name + "' passes now: remove it from KnownFailures.ALLOWED");
  }
}
