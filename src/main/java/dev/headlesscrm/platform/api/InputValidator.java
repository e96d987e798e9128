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
 * into one 422 problem listing every failing field. A command that is missing altogether (an empty
 * body) is a 400.
 */
@ApplicationScoped
public class InputValidator {

  @Inject Validator validator;
  @Inject ObjectMapper json;

  public <T> T valid(T input) {
    if (input == null) {
      // an empty body reaches a command parameter as null: the client's mistake, not a 500
      throw CrmException.malformed(Text.of("The request needs a JSON body.", "请求需要一个 JSON 请求体。"));
    }
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    List<CrmException.Violation> text = UnicodeText.violations(input, json::valueToTree);
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
