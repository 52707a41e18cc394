package dev.roletrail.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.inventory.IamGroup;
import dev.roletrail.schemas.inventory.IamRole;
import dev.roletrail.schemas.inventory.IamUser;
import dev.roletrail.schemas.inventory.InventoryEntity;
import dev.roletrail.schemas.inventory.ManagedPolicy;
import dev.roletrail.schemas.inventory.SnapshotSource;
import dev.roletrail.schemas.inventory.UserCredentials;
import dev.roletrail.testkit.CloudTrailFiles;

class InventoryFilesTest {

    private static final Instant MODIFIED = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void shouldReadEveryEntityOfTheAuthorizationDetails() throws IOException {
        InventorySnapshot snapshot = read("authorization-details.json");

        assertThat(snapshot.accountId()).isEqualTo("111122223333");
        assertThat(snapshot.source()).isEqualTo(SnapshotSource.AUTHORIZATION_DETAILS);
        assertThat(snapshot.entities()).extracting(InventoryEntity::key).containsExactly(
                "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:group/admins",
                "arn:aws:iam::111122223333:role/Deploy", "arn:aws:iam::111122223333:role/vendor/VendorAccess",
                "arn:aws:iam::111122223333:policy/DeployPolicy", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(snapshot.entities()).allSatisfy(e -> assertThat(e.snapshotTime()).isEqualTo(MODIFIED));
        IamUser alice = (IamUser) snapshot.entities().get(0);
        assertThat(alice.groups()).containsExactly("admins");
        assertThat(alice.tags()).isEmpty();
        IamRole deploy = (IamRole) snapshot.entities().stream().filter(e -> e.arn().endsWith(":role/Deploy"))
                .findFirst().orElseThrow();
        assertThat(deploy.tags()).containsOnly(entry("owner", "team-platform"), entry("CostCenter", "42"));
        assertThat(alice.attachedPolicyArns()).containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(alice.inlinePolicies()).singleElement().satisfies(p -> assertThat(p.document().toString())
                .contains("s3:ListAllMyBuckets"));
        assertThat(((IamGroup) snapshot.entities().get(1)).attachedPolicyArns())
                .containsExactly("arn:aws:iam::aws:policy/AdministratorAccess");
    }

    @Test
    void shouldDecodeAUrlEncodedTrustPolicyAndKeepPlusSigns() throws IOException {
        IamRole deploy = (IamRole) read("authorization-details.json").entities().get(2);

        assertThat(deploy.trustPolicy().at("/Statement/0/Principal/AWS").asText())
                .isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(deploy.trustPolicy().at("/Statement/0/Condition/StringEquals/sts:ExternalId").asText())
                .isEqualTo("a+b");
        assertThat(deploy.lastUsed()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(deploy.lastUsedRegion()).isEqualTo("eu-west-1");
    }

    @Test
    void shouldKeepTheDefaultVersionOfAManagedPolicy() throws IOException {
        ManagedPolicy deploy = (ManagedPolicy) read("authorization-details.json").entities().get(4);
        ManagedPolicy readOnly = (ManagedPolicy) read("authorization-details.json").entities().get(5);

        assertThat(deploy.defaultVersionId()).isEqualTo("v2");
        assertThat(deploy.document().toString()).contains("s3:PutObject");
        assertThat(readOnly.awsManaged()).isTrue();
    }

    @Test
    void shouldReadTheCredentialReportWithQuotedNamesAndPlaceholders() throws IOException {
        InventorySnapshot snapshot = read("credential-report.csv");

        assertThat(snapshot.source()).isEqualTo(SnapshotSource.CREDENTIAL_REPORT);
        assertThat(snapshot.entities()).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOf(UserCredentials.class));
        UserCredentials root = (UserCredentials) snapshot.entities().get(0);
        UserCredentials ci = (UserCredentials) snapshot.entities().get(2);
        assertThat(root.passwordEnabled()).as("not_supported for the root").isNull();
        assertThat(root.mfaActive()).isTrue();
        assertThat(ci.user()).isEqualTo("ci,bot");
        assertThat(ci.key()).isEqualTo("arn:aws:iam::111122223333:user/ci-bot#credentials");
        assertThat(ci.accessKeys()).extracting(UserCredentials.AccessKeyReport::active).containsExactly(true, true);
        assertThat(ci.accessKeys().get(0).lastUsed()).as("N/A").isNull();
        assertThat(ci.accessKeys().get(1).lastUsedService()).isEqualTo("s3");
    }

    @Test
    void shouldReadWhatGetCredentialReportPrintsWithItsGeneratedTime() throws IOException {
        String csv = new String(resource("credential-report.csv").readAllBytes(), StandardCharsets.UTF_8);
        String json = "{\"Content\":\"" + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
                + "\",\"ReportFormat\":\"text/csv\",\"GeneratedTime\":\"2026-11-23T05:00:00+00:00\"}";

        InventorySnapshot snapshot = InventoryFiles.read("report.json", new ByteArrayInputStream(CloudTrailFiles.gzip(json.getBytes(StandardCharsets.UTF_8))), MODIFIED);

        assertThat(snapshot.takenAt()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
        assertThat(snapshot.entities()).hasSize(3);
    }

    @Test
    void shouldRejectInputThatIsNeither() {
        IOException e = assertThrows(IOException.class, () -> InventoryFiles.read("x.txt",
                new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)), MODIFIED));

        assertThat(e).hasMessageContaining("x.txt").hasMessageContaining("neither");
    }

    private static InventorySnapshot read(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return InventoryFiles.read(name, in, MODIFIED);
        }
    }

    private static InputStream resource(String name) {
        return InventoryFilesTest.class.getResourceAsStream("/inventory/" + name);
    }
}
