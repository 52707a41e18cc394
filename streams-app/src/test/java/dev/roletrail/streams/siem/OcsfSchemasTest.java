package dev.roletrail.streams.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.alert.Severity;

/** The validator every SIEM test relies on must reject broken records, or those tests prove nothing. */
class OcsfSchemasTest {

    private final OcsfEvent valid = new DetectionFindingMapper().map(SiemSamples.alert(Severity.HIGH, 1, "aws-cli"));

    @Test
    void shouldAcceptAValidRecord() {
        assertThat(OcsfSchemas.errors(valid.json())).isEmpty();
    }

    @Test
    void shouldRejectARecordWithoutARequiredAttribute() {
        ObjectNode broken = tree();
        broken.remove("finding_info");

        assertThat(OcsfSchemas.errors(broken.toString())).anySatisfy(error -> assertThat(error).contains("finding_info"));
    }

    @Test
    void shouldRejectAValueOutsideItsEnum() {
        ObjectNode broken = tree();
        broken.put("severity_id", 7);

        assertThat(OcsfSchemas.errors(broken.toString())).anySatisfy(error -> assertThat(error).contains("severity_id"));
    }

    @Test
    void shouldRejectAnAttributeTheClassDoesNotHave() {
        ObjectNode broken = tree();
        broken.put("origin", "arn:aws:iam::111122223333:user/alice");

        assertThat(OcsfSchemas.errors(broken.toString())).isNotEmpty();
    }

    @Test
    void shouldRejectATypeUidThatIsNotClassTimesHundredPlusActivity() {
        ObjectNode broken = tree();
        broken.put("type_uid", 200402);

        assertThat(OcsfSchemas.errors(broken.toString()))
                .as("200402 is in the schema's enum, but the activity is 1")
                .containsExactly("type_uid must be class_uid * 100 + activity_id = 200401, was 200402");
    }

    @Test
    void shouldRejectAnotherOcsfVersionAndUnknownClasses() {
        ObjectNode otherVersion = tree();
        ((ObjectNode) otherVersion.get("metadata")).put("version", "1.7.0");
        ObjectNode otherClass = tree();
        otherClass.put("class_uid", 4001);

        assertThat(OcsfSchemas.errors(otherVersion.toString())).isNotEmpty();
        assertThat(OcsfSchemas.errors(otherClass.toString())).isNotEmpty();
        assertThrows(AssertionError.class, () -> OcsfSchemas.assertValid(otherVersion.toString()));
    }

    private ObjectNode tree() {
        try {
            return (ObjectNode) Json.mapper().readTree(valid.json());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
