package dev.headlesscrm.platform.api;

import java.util.Map;

/**
 * Each context declares what its database constraints mean to a client, by constraint name. The
 * platform looks violations up here, never in the database's message text.
 */
public interface ConstraintProblems {

  /** What a violated constraint means: the type of problem and, for validation, the field. */
  record Meaning(ProblemType type, String field, Text message) {
    public static Meaning duplicate(String field, Text message) {
      return new Meaning(ProblemType.CONFLICT, field, message);
    }

    public static Meaning invalidReference(String field, Text message) {
      return new Meaning(ProblemType.VALIDATION, field, message);
    }

    public static Meaning inUse(Text message) {
      return new Meaning(ProblemType.CONFLICT, null, message);
    }
  }

  Map<String, Meaning> constraints();

  /** Meanings derived by rule rather than declared: a declaration of the same name wins. */
  default boolean derived() {
    return false;
  }
}
