package dev.headlesscrm.verify.fuzz;

import java.util.Map;

/**
 * Failures the fuzzer finds that are known and not fixed yet, each with why. A finding listed here
 * is still printed in the summary (as "known"), it just does not fail the build. Keys are {@code
 * <operationId> <kind>}, kinds as {@link OpenApiFuzzTest} names them (5xx, not-problem,
 * undocumented-<status>, changed-on-refusal, accepted-invalid-setup).
 */
final class KnownFailures {

  static final Map<String, String> ALLOWED =
      Map.of(
          // SalesTargetService.progress answers 422 naming period or metric when either is not
          // one of its values (SalesTargetTest asserts it), but the contract of this GET lists no
          // 422, and an @APIResponse on the method would replace the generated 200 page schema.
          // Fix: let ContractFilter document 422 on reads that validate their parameters.
          "salesTargetProgress undocumented-422",
          "the contract of GET /sales-targets/progress lists no 422 (period, metric)");

  private KnownFailures() {}

  static String why(String operationId, String kind) {
    return ALLOWED.get(operationId + " " + kind);
  }
}
