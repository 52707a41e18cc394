package dev.roletrail.streams.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
