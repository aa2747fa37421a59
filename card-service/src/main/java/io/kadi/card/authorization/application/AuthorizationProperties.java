package io.kadi.card.authorization.application;

import io.kadi.card.authorization.domain.StandIn;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param budget how long a request waits for limits-service and risk-service before the stand-in decision; card
 *     networks give an issuer about 2 seconds in all
 * @param standIn the decision when the budget runs out: decline (the default), or approve what the hold covers
 * @param sweepInterval how often each instance looks for pending authorizations whose waiting instance went away
 *     (a crash, say), and gives them the stand-in decision once they are overdue by more than this interval
 * @param maxPending how many authorizations one instance waits on at once. Beyond it, a request is answered at once
 *     with 503 {@code overloaded}, holding nothing, rather than joining a queue that would answer it only after the
 *     budget. About the budget times the rate one instance sustains.
 */
@ConfigurationProperties("kadi.card.authorizations")
public record AuthorizationProperties(
    @DefaultValue("1500ms") Duration budget,
    @DefaultValue("decline") StandIn standIn,
    @DefaultValue("1s") Duration sweepInterval,
    @DefaultValue("200") int maxPending) {}
