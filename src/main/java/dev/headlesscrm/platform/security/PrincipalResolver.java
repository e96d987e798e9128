package dev.headlesscrm.platform.security;

/**
 * Finds, or on first sight creates, the CRM record of a caller. Implemented by the admin context
 * (which owns employees and service accounts); the platform only calls it.
 */
public interface PrincipalResolver {
  ResolvedPrincipal resolve(Caller caller);
}
