package io.kadi.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** The Confluent wire format's five-byte header: magic byte 0, then the schema id as a big-endian int. */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The schema id a serialized value was written with. */
  public static int schemaId(byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new SerializationException("Not a Confluent wire-format record: " + data.length + " bytes is shorter than the header");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new SerializationException("Unknown magic byte " + data[0] + ": not a Confluent wire-format record");
    }
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
