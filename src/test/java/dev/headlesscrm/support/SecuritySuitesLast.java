package dev.headlesscrm.support;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Test classes by name, with the OWASP and fuzzer suites last: they write records of every
 * resource, global set-up among them, into the database the run shares.
 */
public class SecuritySuitesLast implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(
            Comparator.comparing((ClassDescriptor d) -> last(d.getTestClass().getName()))
                .thenComparing(d -> d.getTestClass().getName()));
  }

  private static boolean last(String name) {
    return name.startsWith("dev.headlesscrm.owasp.") || name.startsWith("dev.headlesscrm.fuzz.");
  }
}
