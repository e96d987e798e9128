package dev.headlesscrm.customer.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headlesscrm.platform.imports.ImportDuplicates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer imports keyed by the duplicate check: a row duplicates the best match of POST
 * /customers/duplicates when that match is as sure as an exact name, phone or e-mail (score 0.9 or
 * more); a similar name alone is not enough to merge a row into someone else's customer.
 */
@ApplicationScoped
public class CustomerImportDuplicates implements ImportDuplicates {

  static final double SURE = 0.9;

  @Inject CustomerActions actions;

  @Override
  public String resource() {
    return CustomerService.RESOURCE;
  }

  @Override
  public Optional<UUID> duplicateOf(ObjectNode body) {
    DuplicateCandidate.Check check =
        new DuplicateCandidate.Check(
            text(body, "name"),
            text(body, "mnemonic"),
            text(body, "mainPhone"),
            text(body, "email"));
    if (check.name() == null
        && check.mnemonic() == null
        && check.mainPhone() == null
        && check.email() == null) {
      return Optional.empty();
    }
    try {
      return actions.duplicates(check).stream()
          .filter(m -> m.score() >= SURE)
          .findFirst()
          .map(DuplicateCandidate.Match::id);
    } catch (dev.headlesscrm.platform.api.CrmException unreadable) {
      return Optional.empty(); // a value the check refuses (too long): the row's write says why
    }
  }

  private static String text(ObjectNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }
}
