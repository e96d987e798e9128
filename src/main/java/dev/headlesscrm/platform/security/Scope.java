package dev.headlesscrm.platform.security;

/** 数据权限: whose owned records a role sees, narrowest first. */
public enum Scope {
  SELF,
  SUBORDINATES,
  DEPARTMENT,
  DEPARTMENT_TREE,
  ALL
}
