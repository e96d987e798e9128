package dev.headlesscrm.platform.api;

/**
 * One failing field of a validation problem. {@code code} is stable for programs (e.g. {@code
 * required}, {@code size}, {@code not-found}, {@code unknown-field}); {@code message} is for people
 * and follows {@code Accept-Language}.
 */
public record FieldError(String field, String code, String message) {}
