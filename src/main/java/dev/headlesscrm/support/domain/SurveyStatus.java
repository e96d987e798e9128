package dev.headlesscrm.support.domain;

/** Whether the customer has answered. */
public enum SurveyStatus {
  PENDING,
  ANSWERED
}
