package dev.roletrail.schemas.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import dev.roletrail.schemas.Json;
import dev.roletrail.schemas.Topic;
import dev.roletrail.schemas.Topics;
import dev.roletrail.schemas.inventory.UserCredentials.AccessKeyReport;

class InventoryEntityTest {

    private static final Instant TAKEN = Instant.parse("2026-11-24T08:00:00Z");
    private final Topic<String, InventoryEntity> topic = Topics.defaults().inventory();

    static List<InventoryEntity> samples() throws IOException {
        var trust = Json.mapper().readTree("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"AWS":"arn:aws:iam::999988887777:root"},"Action":"sts:AssumeRole"}]}""");
        return List.of(
                new IamUser("arn:aws:iam::111122223333:user/alice", "111122223333", TAKEN, "alice", "AIDAX", "/",
                        Instant.parse("2020-01-01T00:00:00Z"), List.of("admins"),
                        List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of(new InlinePolicy("inline", trust)),
                        null, Map.of("owner", "team-platform")),
                new IamRole("arn:aws:iam::111122223333:role/Vendor", "111122223333", TAKEN, "Vendor", "AROAX", "/",
                        null, trust, List.of(), List.of(), 3600, Instant.parse("2026-11-01T00:00:00Z"), "eu-west-1",
                        null, Map.of()),
                new IamGroup("arn:aws:iam::111122223333:group/admins", "111122223333", TAKEN, "admins", "AGPAX", "/",
                        null, List.of("arn:aws:iam::aws:policy/AdministratorAccess"), List.of()),
                new ManagedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess", ManagedPolicy.AWS_MANAGED_ACCOUNT, TAKEN,
                        "ReadOnlyAccess", "ANPAX", "/", "v1", trust, 3, null, null),
                new UserCredentials("arn:aws:iam::111122223333:user/alice", "111122223333", TAKEN, "alice", null, true,
                        null, null, true, List.of(new AccessKeyReport(1, true, TAKEN, null, null, null)), List.of()));
    }

    @Test
    void shouldRoundTripEveryKindThroughTheTopicSerde() throws IOException {
        for (InventoryEntity entity : samples()) {
            byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), entity);

            assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(entity);
        }
    }

    @Test
    void shouldMatchThePublishedSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/json-schema/inventory.schema.json"), InputFormat.JSON);
        for (InventoryEntity entity : samples()) {
            String json = new String(topic.valueSerde().serializer().serialize(topic.name(), entity),
                    StandardCharsets.UTF_8);

            assertThat(schema.validate(json, InputFormat.JSON)).as(json).isEmpty();
        }
    }

    @Test
    void shouldKeyCredentialRowsBesideTheirUser() throws IOException {
        List<InventoryEntity> samples = samples();

        assertThat(samples.get(0).key()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(samples.get(4).key()).isEqualTo("arn:aws:iam::111122223333:user/alice#credentials");
        assertThat(samples.get(4).snapshotSource()).isEqualTo(SnapshotSource.CREDENTIAL_REPORT);
        assertThat(((ManagedPolicy) samples.get(3)).awsManaged()).isTrue();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = InventoryEntityTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
