package dev.headlesscrm.platform.security;

import java.util.List;

/** The realm roles of Keycloak realm {@code crm} that the CRM knows. */
public final class Roles {
  public static final String CRM_ADMIN = "crm-admin";
  public static final String SALES_MANAGER = "sales-manager";
  public static final String SALES_REP = "sales-rep";
  public static final String MARKETING = "marketing";
  public static final String SERVICE_MANAGER = "service-manager";
  public static final String SERVICE_AGENT = "service-agent";
  public static final String ANALYST = "analyst";
  public static final String INTEGRATION = "integration";

  public static final List<String> ALL =
      List.of(
          CRM_ADMIN,
          SALES_MANAGER,
          SALES_REP,
          MARKETING,
          SERVICE_MANAGER,
          SERVICE_AGENT,
          ANALYST,
          INTEGRATION);

  /**
   * Every role a resource's default grants may name: all but the administrators', who hold every
   * right anyway (and cannot be named in a grant).
   */
  public static final List<String> EVERY_GRANTABLE = ALL.subList(1, ALL.size());

  private Roles() {}
}
