package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validation of command records, which every write (REST, batch, upsert, GraphQL) goes through:
 * Bean Validation plus the text rule of {@link UnicodeText} for every string in the command, turned
 * into one 422 problem listing every failing field.
 */
@ApplicationScoped
public class InputValidator {

  @Inject Validator validator;
  @Inject ObjectMapper json;

  public <T> T valid(T input) {
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    List<CrmException.Violation> text =
        input == null ? List.of() : UnicodeText.violations(input, json::valueToTree);
    if (!text.isEmpty()) {
      List<CrmException.Violation> all = new ArrayList<>(text);
      violations.forEach(v -> all.add(ProblemClassifier.violation(v)));
      throw CrmException.validation(all);
    }
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    return input;
  }
}
