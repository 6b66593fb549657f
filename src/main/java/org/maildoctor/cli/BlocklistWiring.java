package org.maildoctor.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.blocklist.Catalogue;
import org.maildoctor.blocklist.ListResolvers;
import org.maildoctor.blocklist.ListServer;
import org.maildoctor.dns.CachingResolver;
import org.maildoctor.dns.DnsNames;
import org.maildoctor.dns.Resolver;
import org.maildoctor.dns.dnsjava.DnsjavaResolver;
import org.maildoctor.dns.dnsjava.Resolvers;

/** Builds the blocklist checker: the catalogue (shipped + the user's file) and a resolver per list server. */
final class BlocklistWiring {
    private BlocklistWiring() {
    }

    static BlocklistChecker checker(GlobalOptions global, BlocklistOptions options, Resolver shared) {
        Catalogue catalogue = catalogue(options.file);
        Map<ListServer, Resolver> perServer = new ConcurrentHashMap<>();
        return new BlocklistChecker(catalogue, ListResolvers.of(shared,
                server -> perServer.computeIfAbsent(server, s -> new CachingResolver(
                        new DnsjavaResolver(address(s), global.timeout, Resolvers.DEFAULT_RETRIES)))),
                global.timeout);
    }

    static Catalogue catalogue(Path file) {
        if (file == null) {
            return Catalogue.shipped();
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliException.usage("--blocklists: cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return Catalogue.shipped().withOverrides(text, file.toString());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--blocklists " + e.getMessage());
        }
    }

    private static InetSocketAddress address(ListServer server) {
        InetAddress a = DnsNames.parseIpLiteral(server.host()).orElseGet(() -> {
            try {
                // a list server given by name in the user's own catalogue is found through the system resolver
                return InetAddress.getByName(server.host());
            } catch (UnknownHostException e) {
                throw CliException.usage("--blocklists: cannot resolve list server '" + server.host() + "'");
            }
        });
        return new InetSocketAddress(a, server.port());
    }
}
