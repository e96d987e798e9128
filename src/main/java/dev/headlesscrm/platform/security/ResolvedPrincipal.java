package dev.headlesscrm.platform.security;

import java.util.UUID;

/**
 * The CRM record a caller is: an employee (with the department used for data scope) or a service
 * account. {@code id} is what audit columns and events name as the actor.
 */
public record ResolvedPrincipal(UUID id, PrincipalKind kind, UUID departmentId) {}
