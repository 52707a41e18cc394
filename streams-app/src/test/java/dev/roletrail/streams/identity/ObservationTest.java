package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.roletrail.streams.StratusObservations;
import dev.roletrail.testkit.CloudTrailSamples;

class ObservationTest {

    @Test
    void shouldDeriveWhatTheFunctionsDeriveFromTheSameEventAndKeepIt() {
        for (String file : CloudTrailSamples.stratusFileNames()) {
            for (Observation observation : StratusObservations.of(file)) {
                var event = observation.event();

                assertThat(observation.network()).as(file).isEqualTo(Networks.of(event))
                        .isSameAs(observation.network());
                assertThat(observation.userAgentFamily()).as(file).isEqualTo(UserAgents.family(event.userAgent()));
                assertThat(observation.roleAssumption()).as(file).isEqualTo(RoleAssumption.from(event))
                        .isSameAs(observation.roleAssumption());
                assertThat(observation.assumeRoleCall()).as(file).isEqualTo(AssumeRoleCall.from(event));
                assertThat(observation.issuedSession()).as(file).isEqualTo(SessionIssuance.from(observation));
            }
        }
    }

    @Test
    void shouldBeEqualByEventPrincipalAndLineageOnly() {
        Observation observation = StratusObservations.of(CloudTrailSamples.stratusFileNames().get(0)).get(0);
        Observation same = new Observation(observation.event(), observation.principal(), observation.lineage());
        observation.network();
        observation.issuedSession();

        assertThat(same).isEqualTo(observation).hasSameHashCodeAs(observation);
    }
}
