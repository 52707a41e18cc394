package dev.roletrail.streams.identity;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import dev.roletrail.schemas.cloudtrail.CloudTrailRecord;

/**
 * The network a call came from: the VPC endpoint it came through ({@code vpcEndpointId}, e.g. "vpce-0a1b2c3d"; the
 * source address is then a private one, meaningless outside that VPC), else an IPv4 /24, an IPv6 /48, or, when
 * CloudTrail names an AWS service instead of an address ("ec2.amazonaws.com", "AWS Internal"), that name.
 */
public final class Networks {

    private static final String VPC_ENDPOINT_PREFIX = "vpce-";
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9A-Fa-f:.]+$");

    private Networks() {
    }

    public static String of(CloudTrailRecord event) {
        String endpoint = event.vpcEndpointId();
        return endpoint != null && !endpoint.isBlank() ? endpoint.strip() : of(event.sourceIpAddress());
    }

    /**
     * AWS's own network: a service name, "AWS Internal", or a VPC endpoint. Workload credentials (EC2 instance
     * roles, Lambda, ECS tasks) normally act from here, and so do people's calls AWS makes on their behalf.
     */
    public static boolean isAws(String network) {
        return Sessions.isServiceNetwork(network) || network.startsWith(VPC_ENDPOINT_PREFIX);
    }

    public static String of(String sourceIpAddress) {
        if (sourceIpAddress == null || sourceIpAddress.isBlank()) {
            return "unknown";
        }
        var v4 = IPV4.matcher(sourceIpAddress);
        if (v4.matches()) {
            return v4.group(1) + "." + v4.group(2) + "." + v4.group(3) + ".0/24";
        }
        if (sourceIpAddress.indexOf(':') >= 0 && IPV6_CHARS.matcher(sourceIpAddress).matches()) {
            return ipv6Prefix(sourceIpAddress);
        }
        return sourceIpAddress;
    }

    /** Parses only literal addresses (the pattern check above guarantees no name lookup happens). */
    private static String ipv6Prefix(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet6Address)) {
                return of(parsed.getHostAddress());
            }
            byte[] b = parsed.getAddress();
            return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff), ((b[4] & 0xff) << 8) | (b[5] & 0xff));
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
