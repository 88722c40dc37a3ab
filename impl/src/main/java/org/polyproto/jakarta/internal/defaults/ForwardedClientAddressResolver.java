package org.polyproto.jakarta.internal.defaults;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.polyproto.jakarta.internal.config.PolyprotoConfig;
import org.polyproto.jakarta.internal.config.RequestSettings.ForwardingHeader;
import org.polyproto.jakarta.internal.net.ForwardedChain;
import org.polyproto.jakarta.internal.net.IpBlock;
import org.polyproto.jakarta.internal.net.IpLiteral;
import org.polyproto.jakarta.spi.ClientAddressResolver;

/**
 * The peer's address, or, when the peer is one of {@code polyproto.trusted-proxies}, the first address of the
 * forwarding header, read right to left, that is not a trusted proxy. Only one header is trusted
 * ({@code polyproto.trusted-proxies.header}): a proxy passes on the header it does not write, so a client could
 * put any address in it. A malformed header means the peer's address. IPv6 is grouped by
 * {@code polyproto.rate-limit.ipv6-prefix} bits.
 */
@ApplicationScoped
public class ForwardedClientAddressResolver implements ClientAddressResolver {

    @Inject
    PolyprotoConfig config;

    private List<IpBlock> proxies;
    private boolean forwarded;
    private int ipv6Prefix;

    @PostConstruct
    void init() {
        proxies = config.requests().trustedProxies();
        forwarded = config.requests().forwardingHeader() == ForwardingHeader.FORWARDED;
        ipv6Prefix = config.requests().ipv6Prefix();
    }

    @Override
    public String resolve(String remoteAddress, Function<String, List<String>> headers) {
        Optional<byte[]> peer = remoteAddress == null ? Optional.empty() : IpLiteral.parse(remoteAddress);
        if (peer.isEmpty()) {
            return remoteAddress == null ? "unknown" : remoteAddress;
        }
        byte[] client = isTrusted(peer.get()) ? forwardedClient(headers).orElse(peer.get()) : peer.get();
        return IpLiteral.format(client, ipv6Prefix);
    }

    private Optional<byte[]> forwardedClient(Function<String, List<String>> headers) {
        List<String> lines = headers.apply(forwarded ? "Forwarded" : "X-Forwarded-For");
        Optional<List<byte[]>> chain = forwarded ? ForwardedChain.fromForwarded(lines)
                : ForwardedChain.fromXForwardedFor(lines);
        if (lines.isEmpty() || chain.isEmpty()) {
            return Optional.empty();
        }
        List<byte[]> nodes = chain.get();
        for (int i = nodes.size() - 1; i > 0; i--) {
            if (!isTrusted(nodes.get(i))) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.of(nodes.get(0)); // all the others are trusted proxies: the leftmost is the client
    }

    private boolean isTrusted(byte[] address) {
        return proxies.stream().anyMatch(block -> block.contains(address));
    }
}
