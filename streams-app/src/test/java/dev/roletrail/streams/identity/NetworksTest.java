package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.roletrail.streams.TestObservations;
import dev.roletrail.testkit.CloudTrailEvent;

class NetworksTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "203.0.113.77                  | 203.0.113.0/24",
        "2001:db8:abcd:12:0:0:0:1      | 2001:db8:abcd::/48",
        "2001:db8::1                   | 2001:db8:0::/48",
        "ec2.amazonaws.com             | ec2.amazonaws.com",
        "AWS Internal                  | AWS Internal",
        "''                            | unknown",
    })
    void shouldReduceAddressesToTheirNetwork(String address, String network) {
        assertThat(Networks.of(address)).isEqualTo(network);
    }

    @Test
    void shouldNameTheVpcEndpointACallCameThroughAsItsNetwork() {
        var viaEndpoint = CloudTrailEvent.byUser("arn:aws:iam::111122223333:user/dave").from("10.0.3.8")
                .field("vpcEndpointId", "vpce-0a1b2c3d4e5f60718");

        String network = TestObservations.of(viaEndpoint).network();

        assertThat(network).isEqualTo("vpce-0a1b2c3d4e5f60718");
        assertThat(Networks.isAws(network)).isTrue();
        assertThat(Networks.isAws("203.0.113.0/24")).isFalse();
    }
}
