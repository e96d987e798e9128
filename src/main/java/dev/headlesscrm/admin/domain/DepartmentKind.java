package dev.headlesscrm.admin.domain;

/** The kinds of unit in the organisation tree (集团, 总部, 工厂, 子公司, 分公司, 办事处, 车间, 班组). */
public enum DepartmentKind {
  GROUP,
  HEADQUARTERS,
  FACTORY,
  SUBSIDIARY,
  BRANCH,
  OFFICE,
  WORKSHOP,
  TEAM,
  DEPARTMENT
}
