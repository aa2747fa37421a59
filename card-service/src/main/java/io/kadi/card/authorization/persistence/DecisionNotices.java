package io.kadi.card.authorization.persistence;

import io.kadi.card.authorization.application.DecisionSignals;
import io.kadi.card.authorization.application.PendingAuthorizations;
import io.kadi.card.authorization.domain.Authorization;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Decision notices between card-service instances, through PostgreSQL's LISTEN/NOTIFY. When the deciding instance
 * holds the request itself, it answers right after commit; otherwise it sends a notice (delivered at commit) that the
 * instance holding the request receives on its listening connection. A notice lost to a dropped connection costs only
 * time: the budget's timer then reads the decision from the table.
 */
@Component
class DecisionNotices implements DecisionSignals, SmartLifecycle {

  static final String CHANNEL = "kadi_authorization_decided";
  private static final Logger log = LoggerFactory.getLogger(DecisionNotices.class);
  /** The listening connection is returned to the pool now and then, so that the pool can renew it. */
  private static final Duration RENEW_CONNECTION = Duration.ofMinutes(10);
  private static final int POLL_MILLIS = 250;

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final PendingAuthorizations pending;
  private final AuthorizationRepository authorizations;
  private volatile Thread listener;

  DecisionNotices(JdbcClient jdbc, DataSource dataSource, PendingAuthorizations pending, AuthorizationRepository authorizations) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.pending = pending;
    this.authorizations = authorizations;
  }

  @Override
  public void decided(Authorization authorization) {
    if (pending.isWaitingFor(authorization.id())) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          pending.answer(authorization);
        }
      });
    } else {
      jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, authorization.id().toString()).query().singleRow();
    }
  }

  @Override
  public void start() {
    listener = Thread.ofPlatform().name("authorization-decision-notices").daemon().start(this::listen);
  }

  @Override
  public void stop() {
    Thread running = listener;
    listener = null;
    if (running != null) {
      running.interrupt();
      try {
        running.join(Duration.ofSeconds(2)); // let go of the connection before the pool closes
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return listener != null;
  }

  private void listen() {
    while (listener == Thread.currentThread()) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        receive(connection.unwrap(PGConnection.class), System.nanoTime() + RENEW_CONNECTION.toNanos());
      } catch (SQLException e) {
        if (listener != Thread.currentThread()) {
          return; // stopping: the pool closed the connection under the listener
        }
        log.warn("Listening for authorization decisions failed; retrying in a second. Waiting requests are answered at "
            + "their budget meanwhile: {}", e.getMessage());
        pause();
      }
    }
  }

  private void receive(PGConnection connection, long renewAt) throws SQLException {
    while (listener == Thread.currentThread() && System.nanoTime() < renewAt) {
      PGNotification[] notices = connection.getNotifications(POLL_MILLIS);
      if (notices == null) {
        continue;
      }
      for (PGNotification notice : notices) {
        UUID id = UUID.fromString(notice.getParameter());
        if (pending.isWaitingFor(id)) {
          authorizations.find(id).ifPresent(pending::answer);
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
