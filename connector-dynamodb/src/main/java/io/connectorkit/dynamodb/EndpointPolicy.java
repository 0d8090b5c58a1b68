package io.connectorkit.dynamodb;

import io.connectorkit.spi.ConnectorException;
import io.connectorkit.spi.InputDescriptor;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which endpoint URLs a connection may point the SDK at.
 *
 * <p>A connection's endpoint is user input, and the connector runs inside someone else's host, often on a cloud
 * machine. Sending signed requests to the instance metadata service ({@code 169.254.169.254}, IPv6
 * {@code fd00:ec2::254}) would let a workflow author probe the host's own credentials, so link-local IPv4 and the
 * EC2 IPv6 metadata address are refused in every literal spelling (dotted, decimal, octal, hex, IPv4-mapped IPv6).
 * Loopback stays allowed: local engines (the embedded one, dynalite, moto) serve there. Host names are not resolved here (that
 * would make validation slow and racy); {@link #isMetadataAddress(InetAddress)} lets the HTTP client's resolver
 * refuse a name that resolves to such an address at connect time.
 */
final class EndpointPolicy {
    private static final byte[] EC2_IPV6_METADATA = ipv6("fd00:ec2::254");

    private EndpointPolicy() {
    }

    /**
     * Parses and checks an endpoint URL.
     *
     * @param url   the text a user gave
     * @param input the input it came from, named in the error
     * @return the URL as a {@link URI}
     * @throws ConnectorException {@code INVALID_INPUT} naming {@code input} when the URL is malformed, is not
     *                            http or https, has no host, carries user info, a query or a fragment, or points at
     *                            a metadata address
     */
    public static URI validate(String url, InputDescriptor input) {
        if (url == null || url.isBlank()) {
            throw refused(input, "must be an http or https URL");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw refused(input, "is not a valid URL: " + e.getReason());
        }
        // user info may be a password: never echo a URL that carries one
        // and a password holding '/' ends the authority early, so URI sees no user info: any '@' may mean one
        String shown = uri.getRawUserInfo() == null && url.indexOf('@') < 0 ? "'" + uri + "'" : "the URL given";
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(input, "must be an http or https URL, not " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw refused(input, "must not carry a user name or password");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused(input, "must name a host, as in http://localhost:8000; " + shown + " has none");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refused(input, "must not have a query or a fragment: " + shown);
        }
        Optional<InetAddress> literal;
        try {
            literal = literalAddress(uri.getHost());
        } catch (IllegalArgumentException e) {
            throw refused(input, "is not a valid URL: " + shown + " has a malformed IP address");
        }
        if (literal.filter(EndpointPolicy::isMetadataAddress).isPresent()) {
            throw refused(input, "must not point at a link-local or instance metadata address: " + shown);
        }
        return uri;
    }

    /**
     * Whether an address is one the connector never sends requests to: IPv4 link-local {@code 169.254.0.0/16}
     * (instance metadata, ECS task metadata), IPv6 link-local {@code fe80::/10}, and the EC2 IPv6 metadata address
     * {@code fd00:ec2::254}; an IPv4 link-local address also when embedded in an IPv4-mapped or IPv4-compatible
     * IPv6 address.
     */
    public static boolean isMetadataAddress(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isLinkLocalV4(bytes, 0);
        }
        if (address instanceof Inet6Address) {
            // fe80::/10 is IPv6's link-local range, as 169.254.0.0/16 is IPv4's: never a DynamoDB endpoint
            if (Arrays.equals(bytes, EC2_IPV6_METADATA) || address.isLinkLocalAddress()) {
                return true;
            }
            boolean firstTenZero = true;
            for (int i = 0; i < 10; i++) {
                firstTenZero &= bytes[i] == 0;
            }
            boolean mapped = firstTenZero && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean compatible = firstTenZero && bytes[10] == 0 && bytes[11] == 0;
            return (mapped || compatible) && isLinkLocalV4(bytes, 12);
        }
        return false;
    }

    private static boolean isLinkLocalV4(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) == 169 && (bytes[offset + 1] & 0xff) == 254;
    }

    /** The address a host names literally (IPv6 in brackets, or IPv4 in any spelling {@code inet_aton} accepts). */
    static Optional<InetAddress> literalAddress(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (h.startsWith("[") && h.endsWith("]")) {
            String inner = h.substring(1, h.length() - 1);
            int zone = inner.indexOf('%');
            return Optional.of(toAddress(ipv6(zone < 0 ? inner : inner.substring(0, zone))));
        }
        if (h.indexOf(':') >= 0) {
            return Optional.of(toAddress(ipv6(h)));
        }
        return ipv4(h).map(EndpointPolicy::toAddress);
    }

    /**
     * Parses IPv4 the way C resolvers do: one to four parts, each decimal, octal (leading {@code 0}) or hex
     * ({@code 0x}); the last part fills the remaining bytes. So {@code 2852039166}, {@code 0xa9fea9fe} and
     * {@code 0251.0376.0251.0376} are all 169.254.169.254.
     */
    private static Optional<byte[]> ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = number(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
        }
        int lastBytes = 5 - values.length;
        long last = values[values.length - 1];
        if (last >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < values.length - 1; i++) {
            bytes[i] = (byte) values[i];
        }
        for (int i = 3; i >= values.length - 1; i--) {
            bytes[i] = (byte) (last & 0xff);
            last >>= 8;
        }
        return Optional.of(bytes);
    }

    private static Optional<Long> number(String part) {
        if (part.isEmpty() || part.length() > 12) {
            return Optional.empty();
        }
        String lower = part.toLowerCase(Locale.ROOT);
        int radix = 10;
        String digits = lower;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = lower.substring(2);
            if (digits.isEmpty()) {
                return Optional.of(0L);
            }
        } else if (lower.length() > 1 && lower.startsWith("0")) {
            radix = 8;
            digits = lower.substring(1);
        }
        for (char c : digits.toCharArray()) {
            if (Character.digit(c, radix) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(digits, radix));
    }

    /** Parses an IPv6 literal without any name lookup (the text contains ':' so the JDK never resolves it). */
    private static byte[] ipv6(String text) {
        if (!text.contains(":")) {
            throw new IllegalArgumentException("not an IPv6 literal: " + text);
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (address instanceof Inet4Address v4) {
                // the JDK turns IPv4-mapped IPv6 into IPv4; map it back so callers see one form
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(v4.getAddress(), 0, mapped, 12, 4);
                return mapped;
            }
            return address.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 literal: " + text, e);
        }
    }

    private static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address of " + bytes.length + " bytes", e);
        }
    }

    private static ConnectorException refused(InputDescriptor input, String problem) {
        return ConnectorException.invalidInput(input, problem);
    }
}
