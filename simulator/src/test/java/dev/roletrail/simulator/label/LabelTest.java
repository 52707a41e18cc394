package dev.roletrail.simulator.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabelTest {

    private static final Instant T = Instant.parse("2026-09-20T10:00:00Z");

    @Test
    void shouldRefuseALabelThatEndsBeforeItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> Label.alerts("s", "t", T, T.minusSeconds(1), List.of("e"), "root-activity"));
    }

    @Test
    void shouldRefuseALabelWithoutEntities() {
        assertThrows(IllegalArgumentException.class, () -> Label.alerts("s", "t", T, T, List.of(), "root-activity"));
    }

    @Test
    void shouldRefuseALabelThatExpectsNothing() {
        assertThrows(IllegalArgumentException.class, () -> Label.alerts("s", "t", T, T, List.of("e")));
    }

    @Test
    void shouldKeepItsOwnCopyOfTheEntities() {
        List<String> entities = new ArrayList<>(List.of("e"));
        Label label = Label.alerts("s", "t", T, T, entities, "root-activity");
        entities.add("other");

        assertThat(label.entities()).containsExactly("e");
    }
}
