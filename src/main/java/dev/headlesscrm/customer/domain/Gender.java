package dev.headlesscrm.customer.domain;

/** 性别. */
public enum Gender {
  MALE,
  FEMALE,
  OTHER,
  UNKNOWN
}
