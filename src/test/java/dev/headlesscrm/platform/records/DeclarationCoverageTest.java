package dev.headlesscrm.platform.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.headlesscrm.platform.api.ConstraintProblems;
import dev.headlesscrm.platform.api.ProblemClassifier;
import dev.headlesscrm.platform.query.ResourceRegistry;
import dev.headlesscrm.platform.query.ResourceSpec;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every registered resource, whoever adds it, comes with what the platform needs to serve it
 * properly: a meaning for each of its unique constraints (so a race that trips one is a 409 naming
 * the field, not a bare "duplicate"), and its default grants applied.
 */
@QuarkusTest
class DeclarationCoverageTest {

  @Inject ResourceRegistry registry;
  @Inject ProblemClassifier classifier;
  @Inject EntityManager em;

  @Test
  @Transactional
  @SuppressWarnings("unchecked")
  void everyUniqueConstraintOfEveryResourceHasAMeaningNamingOneOfItsFields() {
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (ResourceSpec spec : registry.all()) {
      List<String> unique =
          em.createNativeQuery(
                  "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                      + " AND tablename = ?1 AND indexdef LIKE 'CREATE UNIQUE%'"
                      + " AND indexname <> ?1 || '_pkey' ORDER BY indexname")
              .setParameter(1, spec.table())
              .getResultList();
      for (String name : unique) {
        checked++;
        Optional<ConstraintProblems.Meaning> meaning = classifier.meaning(name);
        if (meaning.isEmpty()) {
          missing.add(spec.name() + ": " + name);
        } else if (meaning.get().field() != null
            && !meaning.get().field().startsWith("custom.")
            && !spec.fields().containsKey(meaning.get().field())
            && !spec.viewFields().contains(meaning.get().field())) {
          missing.add(spec.name() + ": " + name + " names " + meaning.get().field());
        }
      }
    }
    assertTrue(checked >= 20, "unique constraints checked: " + checked);
    assertEquals(List.of(), missing, "unique constraints without a meaning");
  }

  @Test
  @Transactional
  @SuppressWarnings("unchecked")
  void everyResourceHasItsDefaultGrantsAndSomeoneBesidesAdministratorsReadsIt() {
    List<String> applied =
        em.createNativeQuery("SELECT resource FROM permission_defaults").getResultList();
    List<String> read =
        em.createNativeQuery("SELECT DISTINCT resource FROM role_permissions WHERE action = 'READ'")
            .getResultList();
    List<String> missing = new ArrayList<>();
    for (ResourceSpec spec : registry.all()) {
      if (!applied.contains(spec.name()) || !read.contains(spec.name())) {
        missing.add(spec.name());
      }
    }
    assertEquals(List.of(), missing, "resources without seeded grants");
  }
}
