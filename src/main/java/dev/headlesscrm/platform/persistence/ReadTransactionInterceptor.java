package dev.headlesscrm.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import org.hibernate.Session;

/** Runs a {@link ReadTransaction} method: in the caller's transaction, or read-only in its own. */
@ReadTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadTransactionInterceptor {

  @Inject TransactionManager transactions;
  @Inject Session session;

  @AroundInvoke
  Object around(InvocationContext call) throws Exception {
    if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
      return call.proceed();
    }
    transactions.begin();
    Object result;
    try {
      session.setDefaultReadOnly(true);
      // Nothing to flush: the commit skips Hibernate's flush (and its walk over loaded entities).
      session.setHibernateFlushMode(org.hibernate.FlushMode.MANUAL);
      result = call.proceed();
    } catch (Exception | Error e) {
      rollBack();
      throw e;
    }
    if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
      transactions.rollback();
    } else {
      transactions.commit();
    }
    return result;
  }

  private void rollBack() {
    try {
      if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
        transactions.rollback();
      }
    } catch (SystemException | IllegalStateException ignored) {
      // the failure being thrown is the one that matters
    }
  }
}
