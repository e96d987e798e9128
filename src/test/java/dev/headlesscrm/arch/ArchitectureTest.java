package dev.headlesscrm.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ARCHITECTURE.md that a compiler cannot check. Each rule asserts through
 * ArchUnit's check(), which fails the test with the offending classes.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.headlesscrm");
  }

  @Test
  void platformDependsOnNoContext() {
    noClasses()
        .that()
        .resideInAPackage("dev.headlesscrm.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.headlesscrm.admin..",
            "dev.headlesscrm.customer..",
            "dev.headlesscrm.sales..",
            "dev.headlesscrm.marketing..",
            "dev.headlesscrm.support..",
            "dev.headlesscrm.analytics..")
        .check(classes);
  }

  @Test
  void facesDoNotTouchTheDomain() {
    noClasses()
        .that()
        .resideInAPackage("..api..")
        .and()
        .resideOutsideOfPackage("dev.headlesscrm.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..domain..")
        .because("endpoints are thin: they call application services, never repositories")
        .check(classes);
  }

  @Test
  void facesHoldNoTransactions() {
    noClasses()
        .that()
        .resideInAPackage("..api..")
        .should()
        .beAnnotatedWith(jakarta.transaction.Transactional.class)
        .because("transactions sit on application services")
        .check(classes);
  }

  @Test
  void servicesKnowNothingOfTheirFaces() {
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..api.rest..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("..api.graphql..")
        .check(classes);
  }
}
