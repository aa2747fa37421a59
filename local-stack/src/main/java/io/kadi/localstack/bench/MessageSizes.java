package io.kadi.localstack.bench;

import io.kadi.events.authorization.v1.AuthorizationRequested;
import io.kadi.events.authorization.v1.Channel;
import io.kadi.events.authorization.v1.Merchant;
import io.kadi.events.card.v1.SpendingControls;
import io.kadi.events.limits.v1.LimitsEvaluated;
import io.kadi.events.risk.v1.RiskAction;
import io.kadi.events.risk.v1.RiskAssessed;
import io.kadi.kit.context.Ids;
import io.kadi.kit.context.Mode;
import io.kadi.kit.context.RecordMetadata;
import io.kadi.kit.context.RequestContext;
import io.kadi.schemas.serde.CatalogueRecordTypes;
import io.kadi.schemas.serde.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The sizes of the records on the authorization path's two hops, as they travel (Avro in the Confluent wire format),
 * so that the transport floor moves as many bytes as the pipeline.
 *
 * @param request bytes of the first hop's record: an AuthorizationRequested, card-service to limits and risk
 * @param result bytes of the second hop's record: the larger of the typical LimitsEvaluated and RiskAssessed
 */
record MessageSizes(int request, int result) {

  /** The floor's records carry their due time and number in their first bytes. */
  static final int MINIMUM = 2 * Long.BYTES;

  static {
    // Avro looks up the generated classes of nested records (to build their default values), for trusted ones only.
    CatalogueRecordTypes.trust();
  }

  MessageSizes {
    if (request < MINIMUM || result < MINIMUM) {
      throw new IllegalArgumentException("Records of the floor need at least " + MINIMUM + " bytes");
    }
  }

  /** The sizes of a typical approval: no controls set, no violations, no risk rule fired. */
  static MessageSizes typical() {
    return new MessageSizes(wireSize(typicalRequest()), Math.max(wireSize(typicalLimitsResult()), wireSize(typicalRiskResult())));
  }

  static AuthorizationRequested typicalRequest() {
    return AuthorizationRequested.newBuilder()
        .setMetadata(metadata(null))
        .setAuthorizationId(Ids.newId())
        .setCardId(Ids.newId())
        .setCardholderId(Ids.newId())
        .setAmount(125_050)
        .setCurrency("NGN")
        .setMerchant(Merchant.newBuilder().setName("Shoprite Lekki").setMcc("5411").setCountry("NG").setCity("Lagos").build())
        .setChannel(Channel.pos)
        .setCardholderCountry("NG")
        .setCardholderTimeZone("Africa/Lagos")
        .setKycTier(3)
        .setCardControls(noControls())
        .setCardholderControls(noControls())
        .setDeclinedAtRequest(null)
        .build();
  }

  static LimitsEvaluated typicalLimitsResult() {
    return LimitsEvaluated.newBuilder().setMetadata(metadata(Ids.newId().toString())).setAuthorizationId(Ids.newId())
        .setCardId(Ids.newId()).setApproved(true).setViolations(List.of()).build();
  }

  static RiskAssessed typicalRiskResult() {
    return RiskAssessed.newBuilder().setMetadata(metadata(Ids.newId().toString())).setAuthorizationId(Ids.newId())
        .setCardId(Ids.newId()).setScore(0).setAction(RiskAction.allow).setFiredRules(List.of()).build();
  }

  /** The bytes KadiAvroSerializer writes for the record: the wire format's header, then Avro's binary encoding. */
  static int wireSize(SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForClass(record.getClass())).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return WireFormat.HEADER_SIZE + out.size();
  }

  /** A REST call's records have no causation id, and their actor is a client id; results carry the request's event id. */
  private static io.kadi.events.common.v1.Metadata metadata(String causationId) {
    return new RecordMetadata(Clock.systemUTC())
        .stamp(new RequestContext(UUID.randomUUID().toString(), UUID.randomUUID().toString(), Mode.SANDBOX, causationId));
  }

  private static SpendingControls noControls() {
    return SpendingControls.newBuilder().build();
  }
}
