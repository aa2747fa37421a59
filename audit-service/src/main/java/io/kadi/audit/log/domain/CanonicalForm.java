package io.kadi.audit.log.domain;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SortedMap;

/**
 * The bytes an entry's hash covers: its fields in a fixed order, each as {@code <UTF-8 length>:<UTF-8 bytes>\n}.
 * The length prefix means no field's content can pass for a field boundary. The subject ids are fields too: their
 * number, then each key and its value, so no id can pass for another split differently. docs/audit-log.md specifies
 * this form for anyone who re-verifies the log without this code, so any change here breaks every existing hash.
 */
final class CanonicalForm {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private CanonicalForm() {}

  static byte[] of(long sequence, String chainId, AuditedRecord record, Instant recordedAt) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512 + record.payload().length());
    field(out, Long.toString(sequence));
    field(out, chainId);
    field(out, record.source().topic());
    field(out, Integer.toString(record.source().partition()));
    field(out, Long.toString(record.source().offset()));
    field(out, record.eventId().toString());
    field(out, record.eventType());
    field(out, TIMESTAMP.format(record.occurredAt()));
    field(out, TIMESTAMP.format(recordedAt));
    field(out, record.mode());
    field(out, record.actorClientId());
    field(out, record.requestId());
    subjectIds(out, record.subjectIds());
    field(out, record.payload());
    return out.toByteArray();
  }

  /** In key order: the map's, which is String's natural order (UTF-16 code units), as the documentation says. */
  private static void subjectIds(ByteArrayOutputStream out, SortedMap<String, String> ids) {
    field(out, Integer.toString(ids.size()));
    ids.forEach((key, value) -> {
      field(out, key);
      field(out, value);
    });
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] utf8 = value.getBytes(UTF_8);
    out.writeBytes((utf8.length + ":").getBytes(US_ASCII));
    out.writeBytes(utf8);
    out.write('\n');
  }
}
