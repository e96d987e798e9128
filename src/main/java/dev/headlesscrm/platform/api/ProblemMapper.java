package dev.headlesscrm.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The single JAX-RS exception mapper: every failure leaves as problem+json, with no stack trace and
 * no internal detail. Unexpected failures are logged with the trace id the client sees.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @Inject ProblemClassifier classifier;

  // Priority: ahead of the mappers Quarkus registers for Jackson and security exceptions.
  @ServerExceptionMapper(
      priority = Priorities.USER - 1000,
      value = {
        Throwable.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        WebApplicationException.class,
        JsonProcessingException.class,
        ValidationException.class,
        ForbiddenException.class,
        UnauthorizedException.class,
        AuthenticationFailedException.class
      })
  public Response map(Throwable failure, HttpHeaders headers, UriInfo uri) {
    Lang lang = Lang.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    String instance = uri.getRequestUri().getRawPath();
    CrmException known = classifier.classify(failure);
    Problem problem;
    if (known == null) {
      problem = Problems.of(ProblemType.INTERNAL, null, instance, lang);
      LOG.errorf(failure, "Unexpected failure, traceId=%s", problem.traceId());
    } else {
      problem = Problems.of(known, instance, lang);
      if (known.type().status() >= 500) {
        LOG.warnf("%s (traceId=%s): %s", known.type().code(), problem.traceId(), failure);
      }
    }
    return response(problem);
  }

  static Response response(Problem problem) {
    Response.ResponseBuilder builder =
        Response.status(problem.status()).type(Problems.MEDIA_TYPE).entity(problem);
    if (problem.status() == 401) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    Object location = problem.extensions().get("location");
    if (problem.status() == 301 && location != null) {
      builder.header(HttpHeaders.LOCATION, location.toString());
    }
    if (problem.status() == 503 || problem.status() == 429) {
      Object seconds = problem.extensions().get("retryAfter");
      builder.header("Retry-After", seconds != null ? seconds.toString() : "5");
    }
    return builder.build();
  }
}
