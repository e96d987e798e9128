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

  /** The bounded contexts beside the platform (ARCHITECTURE.md, Layout). */
  private static final java.util.List<String> CONTEXTS =
      java.util.List.of(
          "admin", "catalogue", "customer", "sales", "marketing", "support", "analytics");

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.headlesscrm");
  }

  @Test
  void platformDependsOnNothingOutsideThePlatform() {
    // Not a list of today's contexts: a context added tomorrow is covered too.
    noClasses()
        .that()
        .resideInAPackage("dev.headlesscrm.platform..")
        .should()
        .dependOnClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "reside in dev.headlesscrm outside the platform",
                (com.tngtech.archunit.core.domain.JavaClass c) ->
                    c.getPackageName().startsWith("dev.headlesscrm.")
                        && !c.getPackageName().startsWith("dev.headlesscrm.platform")))
        .check(classes);
  }

  @Test
  void noContextUsesAnothersDomain() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.headlesscrm." + context + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.headlesscrm." + context + ".domain..")
          .because("contexts talk through application services, never another's domain internals")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void contextsDependOnEachOtherWithoutCycles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.headlesscrm.(*)..")
        .should()
        .beFreeOfCycles()
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

  @Test
  void everyGraphQlApiTranslatesFailuresAsProblems() {
    // Without the binding a refusal reaches the client with extensions.code "crm", not "forbidden".
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .areAnnotatedWith(org.eclipse.microprofile.graphql.GraphQLApi.class)
        .should()
        .beAnnotatedWith(dev.headlesscrm.platform.graphql.GraphQlProblems.class)
        .check(classes);
  }
}
