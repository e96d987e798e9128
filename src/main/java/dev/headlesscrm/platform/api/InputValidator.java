package dev.headlesscrm.platform.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;

/** Bean Validation of command records, turned into one 422 problem listing every failing field. */
@ApplicationScoped
public class InputValidator {

  @Inject Validator validator;

  public <T> T valid(T input) {
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new jakarta.validation.ConstraintViolationException(violations);
    }
    return input;
  }
}
