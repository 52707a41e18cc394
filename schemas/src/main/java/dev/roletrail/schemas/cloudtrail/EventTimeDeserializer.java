package dev.roletrail.schemas.cloudtrail;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Binds {@code eventTime} in every form {@link EventTimes} reads; numbers and empty strings are left to Jackson's own
 * instant reading, as before.
 */
public final class EventTimeDeserializer extends StdDeserializer<Instant> {

    private static final long serialVersionUID = 1L;

    public EventTimeDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
        String text = parser.getText();
        return EventTimes.parse(text).orElseThrow(() -> context.weirdStringException(text, Instant.class,
                "not a time RoleTrail reads"));
    }
}
