package io.kadi.kit.security;

import io.kadi.events.api.v1.ApiRequestLogged;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.kit.outbox.Outbox;
import io.kadi.kit.web.Problems;
import io.kadi.kit.web.RequestIdFilter;
import io.kadi.schemas.topics.Topics;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Publishes every API request, accepted or refused, to {@code kadi.api-access.v1} once its answer is complete (for an
 * asynchronous request, when it completes, not when its first dispatch returns). The record goes through the outbox
 * in a transaction of its own, so it survives a crash after the answer, and audit-service and risk-service read it.
 * A failure to log is itself logged and never changes the answer.
 */
public final class ApiAccessLog extends OncePerRequestFilter {

  public static final String ANONYMOUS = "anonymous";
  private static final Logger log = LoggerFactory.getLogger(ApiAccessLog.class);
  private static final int MAX_USER_AGENT = 200;

  private final Outbox outbox;
  private final TransactionTemplate transactions;
  private final RecordMetadata metadata;
  private final RouteTemplates routes;
  private final String service;

  public ApiAccessLog(Outbox outbox, TransactionTemplate transactions, RecordMetadata metadata, RouteTemplates routes,
      String service) {
    this.outbox = outbox;
    this.transactions = transactions;
    this.metadata = metadata;
    this.routes = routes;
    this.service = service;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isApi(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long started = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.isAsyncStarted()) {
        request.getAsyncContext().addListener(new AsyncListener() {
          @Override
          public void onComplete(AsyncEvent event) {
            record(request, response, started);
          }

          @Override
          public void onTimeout(AsyncEvent event) {}

          @Override
          public void onError(AsyncEvent event) {}

          @Override
          public void onStartAsync(AsyncEvent event) {}
        });
      } else {
        record(request, response, started);
      }
    }
  }

  private void record(HttpServletRequest request, HttpServletResponse response, long started) {
    try {
      ApiRequestLogged logged = logged(request, response.getStatus(), (System.nanoTime() - started) / 1_000);
      transactions.executeWithoutResult(status ->
          outbox.append(Topics.API_ACCESS, logged.getMetadata().getActorClientId(), logged));
    } catch (RuntimeException e) {
      log.warn("Could not log API request {} {} to {}", request.getMethod(), routes.of(request), Topics.API_ACCESS.name(), e);
    }
  }

  private static String refusal(HttpServletRequest request, int status) {
    Object code = request.getAttribute(Problems.CODE_ATTRIBUTE);
    return code != null ? code.toString() : Problems.codeFor(org.springframework.http.HttpStatusCode.valueOf(status));
  }

  private ApiRequestLogged logged(HttpServletRequest request, int status, long latencyMicros) {
    Optional<ApiCaller> caller = ApiCaller.of(request);
    ApiKey claimed = (ApiKey) request.getAttribute(ApiAuthenticationFilter.CLAIMED_KEY);
    String keyId = (String) request.getAttribute(ApiAuthenticationFilter.NAMED_KEY);
    String client = claimed == null ? ANONYMOUS : claimed.clientId().toString();
    Mode mode = claimed != null ? claimed.mode() : ApiKey.modeOf(keyId).orElse(Mode.SANDBOX);
    InetAddress source = (InetAddress) request.getAttribute(ApiAuthenticationFilter.SOURCE_ADDRESS);
    String userAgent = request.getHeader("User-Agent");
    String requestId = RequestIdFilter.requestId(request);
    return ApiRequestLogged.newBuilder()
        .setMetadata(metadata.stamp(new RequestContext(requestId == null ? "none" : requestId, client, mode, null)))
        .setService(service)
        .setKeyId(keyId)
        .setAuthenticated(caller.isPresent())
        .setSourceIp(source == null ? request.getRemoteAddr() : source.getHostAddress())
        .setMethod(request.getMethod())
        .setRoute(routes.of(request))
        .setPathIds(routes.variables(request))
        .setStatus(status)
        .setLatencyMicros(latencyMicros)
        .setRefusal(status >= 400 ? refusal(request, status) : null)
        .setUserAgent(userAgent == null ? null : userAgent.substring(0, Math.min(MAX_USER_AGENT, userAgent.length())))
        .build();
  }
}
