package dev.headlesscrm.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read: it joins the caller's transaction when there is one (and then sees the caller's unflushed
 * changes and loads records the caller may go on to change); otherwise it runs in a transaction of
 * its own in which every record is loaded read-only, so that the commit does not compare each
 * loaded record (and each element of its tags and search tokens) with its snapshot. Records it
 * creates are still written.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadTransaction {}
