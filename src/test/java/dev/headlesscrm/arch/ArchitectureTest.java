package dev.headlesscrm.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
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

  private static final String ROOT = "dev.headlesscrm.";

  /** The aggregates of sales, each with its own domain, application and api (ARCHITECTURE.md). */
  private static final java.util.List<String> SALES_AGGREGATES =
      java.util.List.of("lead", "pipeline", "order", "receivable", "performance");

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

  /** The top-level package under dev.headlesscrm, or null for the root and the platform. */
  private static String contextOf(String packageName) {
    if (!packageName.startsWith(ROOT)) {
      return null;
    }
    String rest = packageName.substring(ROOT.length());
    String top = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    return top.equals("platform") ? null : top;
  }

  @Test
  void noContextUsesAnothersDomainIncludingContextsAddedLater() {
    // Every top-level package but the platform is a context; sales counts as one context here
    // (its aggregates have their own rule below). A domain package is any ".domain" segment.
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .should(
            new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                "not depend on another context's domain package") {
              @Override
              public void check(
                  JavaClass origin, com.tngtech.archunit.lang.ConditionEvents events) {
                String from = contextOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                  String target = d.getTargetClass().getPackageName();
                  String to = contextOf(target);
                  if (to != null && !to.equals(from) && (target + ".").contains(".domain.")) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            d, d.getDescription()));
                  }
                }
              }
            })
        .because("contexts talk through application services, never another's domain internals")
        .check(classes);
  }

  @Test
  void salesAggregatesUseNoOtherAggregatesDomain() {
    for (String aggregate : SALES_AGGREGATES) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.headlesscrm.sales." + aggregate + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.headlesscrm.sales." + aggregate + ".domain..")
          .because("aggregates meet through their application APIs (services, commands, views)")
          .check(classes);
    }
  }

  @Test
  void salesAggregatesDependOnEachOtherWithoutCycles() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.headlesscrm.sales.(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }

  @Test
  void salesSharedDependsOnNoAggregate() {
    noClasses()
        .that()
        .resideInAPackage("dev.headlesscrm.sales.shared..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            SALES_AGGREGATES.stream()
                .map(a -> "dev.headlesscrm.sales." + a + "..")
                .toArray(String[]::new))
        .check(classes);
  }

  @Test
  void stateMachinesAndRulesArePureDomainCode() {
    // Business rules live in the domain with plain unit tests: no CDI, no persistence, no Quarkus.
    noClasses()
        .that(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are state machines, rules or calculations in a domain package",
                (JavaClass c) ->
                    (c.getPackageName() + ".").contains(".domain.")
                        && java.util.stream.Stream.of("States", "Rules", "Calculation")
                            .anyMatch(
                                suffix ->
                                    c.getSimpleName().endsWith(suffix)
                                        || c.getName().contains(suffix + "$"))))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.persistence..",
            "jakarta.transaction..",
            "io.quarkus..",
            "org.hibernate..")
        .check(classes);
  }

  @Test
  void theStateMachinesLiveInTheirAggregatesDomain() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that()
        .haveSimpleNameEndingWith("States")
        .and()
        .resideInAPackage("dev.headlesscrm.sales..")
        .should()
        .resideInAPackage("..domain..")
        .check(classes);
  }

  @Test
  void contextServicesHandOutNoEntities() {
    // Services take command records and return view records; entities never leave a service.
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("..application..")
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.headlesscrm.platform..")
        .should()
        .haveRawReturnType(
            com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith(
                jakarta.persistence.Entity.class))
        .check(classes);
  }

  @Test
  void contextsDependOnEachOtherWithoutCycles() {
    // Contexts as top-level packages (sales as one, the platform as one).
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
