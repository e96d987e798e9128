package dev.headlesscrm.platform.security;

/** What kind of principal a caller is inside the CRM. */
public enum PrincipalKind {
  EMPLOYEE,
  SERVICE_ACCOUNT
}
