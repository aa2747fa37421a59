package io.kadi.kit.testapp;

import io.kadi.commands.card.v1.FreezeCard;
import io.kadi.kit.kafka.UnprocessableRecordException;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the command topic and records every delivery attempt and the FreezeCard commands it handles. A reason of
 * "fail" makes the handling fail every time (so it is retried, then dead-lettered); "unavailable:N" makes the
 * database look unreachable for the first N attempts; other command types are unprocessable here.
 */
@Component
public class CommandRecorder {

  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final List<String> attempts = new CopyOnWriteArrayList<>();

  @KafkaListener(topics = "kadi.card-commands.v1")
  void on(SpecificRecord command) {
    attempts.add(String.valueOf(command.get(command.getSchema().getField("commandId").pos())));
    switch (command) {
      case FreezeCard freeze -> {
        if ("fail".equals(freeze.getReason())) {
          throw new IllegalStateException("cannot handle " + freeze.getCommandId());
        }
        if (freeze.getReason() != null && freeze.getReason().startsWith("unavailable:")
            && Collections.frequency(attempts, freeze.getCommandId()) <= Integer.parseInt(freeze.getReason().substring(12))) {
          throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
        }
        handled.add(freeze.getCommandId());
      }
      default -> throw new UnprocessableRecordException("Not handled here: " + command.getSchema().getFullName());
    }
  }

  public List<String> handled() {
    return handled;
  }

  public List<String> attempts() {
    return attempts;
  }
}
