package dev.roletrail.streams.unused.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.roletrail.schemas.finding.ActionUsage;

class GrantedActionsTest {

    private final ActionCatalog catalog = ActionCatalog.standard();

    @Test
    void shouldSplitGrantsIntoUsedUnusedAndNotObservable() {
        GrantedActions granted = new GrantedActions(
                new TreeSet<>(Set.of("s3:CreateBucket", "s3:GetObject", "s3:ListAllMyBuckets", "iam:PassRole")),
                new TreeSet<>());

        ActionUsage usage = granted.classify(List.of("S3:ListAllMyBuckets", "ec2:RunInstances"), catalog);

        assertThat(usage).isEqualTo(new ActionUsage(List.of("s3:ListAllMyBuckets"), List.of("s3:CreateBucket"),
                List.of("iam:PassRole", "s3:GetObject")));
    }

    @Test
    void shouldCallAnUncataloguedServiceUnusedOnlyWhenNoneOfItsActionsWasSeen() {
        GrantedActions granted = new GrantedActions(new TreeSet<>(), new TreeSet<>(Set.of("ses", "glue")));

        ActionUsage usage = granted.classify(List.of("glue:GetJob"), catalog);

        assertThat(usage.used()).containsExactly("glue:GetJob");
        assertThat(usage.unused()).containsExactly("ses:* (actions not catalogued)");
        assertThat(usage.notObservable()).containsExactly("glue:* (actions not catalogued)");
    }

    @Test
    void shouldCountAnyUncataloguedServiceForTheStarMarker() {
        GrantedActions granted = new GrantedActions(new TreeSet<>(), new TreeSet<>(Set.of("*")));

        assertThat(granted.classify(List.of("s3:CreateBucket"), catalog).unused())
                .containsExactly("*:* (actions not catalogued)");
        assertThat(granted.classify(List.of("athena:StartQueryExecution"), catalog).used())
                .containsExactly("athena:StartQueryExecution");
    }
}
