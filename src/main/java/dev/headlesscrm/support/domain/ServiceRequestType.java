package dev.headlesscrm.support.domain;

/** What the customer asks for. */
public enum ServiceRequestType {
  /** 咨询 */
  CONSULTATION,
  /** 投诉: carries a severity and may be escalated. */
  COMPLAINT,
  /** 维修 */
  REPAIR,
  /** 安装 */
  INSTALLATION,
  /** 建议 */
  SUGGESTION
}
