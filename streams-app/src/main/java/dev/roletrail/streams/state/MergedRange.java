package dev.roletrail.streams.state;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * A range of the store below merged with the writes not yet written back to it, both in key order: a pending write
 * replaces the stored value of its key, a pending deletion (empty) hides it. The pending writes are those of when the
 * range began.
 */
final class MergedRange<V> implements KeyValueIterator<String, V> {

    /**
     * The order of the store below: its keys are UTF-8 bytes, compared unsigned, which is code point order. Java's
     * {@code compareTo} differs from it only between a surrogate (half of a code point above U+FFFF) and a character
     * from U+E000 to U+FFFF, which the surrogate's code point follows.
     */
    static final Comparator<String> KEY_ORDER = (a, b) -> {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean surrogateX = Character.isSurrogate(x);
                if (surrogateX != Character.isSurrogate(y)) {
                    return surrogateX ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    };

    private final KeyValueIterator<String, V> stored;
    private final Iterator<Map.Entry<String, Optional<V>>> pending;
    private final Runnable onClose;
    private Map.Entry<String, Optional<V>> nextPending;
    private KeyValue<String, V> next;

    /**
     * @param pending the writes within the range, in {@link #KEY_ORDER}, as they were when the range began
     * @param onClose called when the range is closed
     */
    MergedRange(KeyValueIterator<String, V> stored, Iterator<Map.Entry<String, Optional<V>>> pending,
            Runnable onClose) {
        this.stored = stored;
        this.pending = pending;
        this.onClose = onClose;
        this.nextPending = pending.hasNext() ? pending.next() : null;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public KeyValue<String, V> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        KeyValue<String, V> current = next;
        next = null;
        return current;
    }

    @Override
    public String peekNextKey() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.key;
    }

    @Override
    public void close() {
        stored.close();
        onClose.run();
    }

    private KeyValue<String, V> advance() {
        while (true) {
            String storedKey = stored.hasNext() ? stored.peekNextKey() : null;
            if (nextPending == null) {
                return storedKey == null ? null : stored.next();
            }
            int order = storedKey == null ? 1 : KEY_ORDER.compare(storedKey, nextPending.getKey());
            if (order < 0) {
                return stored.next();
            }
            Map.Entry<String, Optional<V>> write = nextPending;
            nextPending = pending.hasNext() ? pending.next() : null;
            if (order == 0) {
                stored.next(); // replaced or deleted by the pending write
            }
            if (write.getValue().isPresent()) {
                return KeyValue.pair(write.getKey(), write.getValue().get());
            }
        }
    }
}
