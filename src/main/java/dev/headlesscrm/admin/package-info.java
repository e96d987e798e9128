/**
 * The organisation (系统初始设置): departments as a tree, employees, and the service accounts of
 * integrations. Owns who a caller is inside the CRM: employees are created on first sight of a
 * Keycloak user, service accounts on first sight of a client-credentials token. Rules enforced
 * here: department codes and employee numbers are unique; the department tree and the supervisor
 * chain have no cycles; a department with live sub-departments or employees, or an employee who
 * still supervises someone or manages a department, cannot be deleted (restrict).
 */
package dev.headlesscrm.admin;
