package io.kadi.kit.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Text as the API accepts it: a JSON string (never a number or a boolean read as text), without the NUL character,
 * which PostgreSQL cannot store and which would otherwise fail deep in a transaction instead of at the door.
 */
final class StrictTextDeserializer extends StdScalarDeserializer<String> {

  StrictTextDeserializer() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (String) context.handleUnexpectedToken(String.class, parser);
    }
    String text = parser.getString();
    if (text.indexOf('\0') >= 0) {
      return (String) context.handleWeirdStringValue(String.class, text, "the NUL character is not allowed");
    }
    return text;
  }
}
