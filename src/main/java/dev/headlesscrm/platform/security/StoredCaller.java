package dev.headlesscrm.platform.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A caller kept with work that runs later on their behalf (a webhook subscription's deliveries, an
 * import's rows): who they were as their verified token said, for {@link RunAs}. Stored in the
 * {@code owner_*} columns of {@link #COLUMNS}.
 */
@Embeddable
public class StoredCaller {

  /** The columns, in the order {@link #read} expects them. */
  public static final String COLUMNS =
      "owner_subject, owner_username, owner_name, owner_email, owner_client_id,"
          + " owner_service_account, owner_roles";

  @Column(name = "owner_subject", nullable = false)
  public String subject;

  @Column(name = "owner_username")
  public String username;

  @Column(name = "owner_name")
  public String name;

  @Column(name = "owner_email")
  public String email;

  @Column(name = "owner_client_id")
  public String clientId;

  @Column(name = "owner_service_account", nullable = false)
  public boolean serviceAccount;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "owner_roles", nullable = false)
  public List<String> roles = new ArrayList<>();

  public static StoredCaller of(Caller caller) {
    StoredCaller stored = new StoredCaller();
    stored.subject = caller.subject();
    stored.username = caller.username();
    stored.name = caller.name();
    stored.email = caller.email();
    stored.clientId = caller.clientId();
    stored.serviceAccount = caller.serviceAccount();
    stored.roles = new ArrayList<>(caller.roles());
    return stored;
  }

  /** The caller stored in a row's {@link #COLUMNS}, the first of them at {@code first}. */
  public static Caller read(ResultSet row, int first) throws SQLException {
    Array roles = row.getArray(first + 6);
    return new Caller(
        row.getString(first),
        row.getString(first + 1),
        row.getString(first + 2),
        row.getString(first + 3),
        row.getString(first + 4),
        row.getBoolean(first + 5),
        roles == null ? List.of() : List.of((String[]) roles.getArray()));
  }
}
