package org.maildoctor.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.maildoctor.blocklist.BlocklistChecker;
import org.maildoctor.dns.Resolver;
import org.maildoctor.receiver.score.CatalogueBlocklistLookup;
import org.maildoctor.receiver.score.MessageAnalyzer;
import org.maildoctor.receiver.server.DeliverabilityReceiver;
import org.maildoctor.receiver.server.ReceiverConfig;
import org.maildoctor.receiver.server.SelfSignedTls;
import org.maildoctor.store.Store;

/** Builds and starts the SMTP receiver of {@code maildoctor serve} from its options. */
final class ReceiverWiring {
    private ReceiverWiring() {
    }

    static DeliverabilityReceiver start(ServeCommand o, GlobalOptions global, Store store, Resolver resolver,
                                        BlocklistChecker blocklists) {
        String bindName = o.smtpBind == null ? o.bind : o.smtpBind;
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindName);
        } catch (UnknownHostException e) {
            throw CliException.usage("--smtp-bind: cannot resolve '" + bindName + "'");
        }
        SSLContext tls;
        try {
            tls = o.smtpTlsKeystore != null
                    ? SelfSignedTls.load(o.smtpTlsKeystore, (o.smtpTlsPassword == null ? "" : o.smtpTlsPassword).toCharArray())
                    : SelfSignedTls.generated(global.dataDirOrDefault().resolve("receiver-tls.p12"), o.testDomain);
        } catch (IOException e) {
            throw CliException.runtime("STARTTLS certificate: " + e.getMessage(), e);
        }
        ReceiverConfig config = ReceiverConfig.defaults(bind, o.smtpPort, global.dataDirOrDefault().resolve("received"),
                Optional.of(tls)).withMaxMessageBytes(o.smtpMaxSize);
        MessageAnalyzer analyzer = new MessageAnalyzer(resolver, Clock.systemUTC(), new CatalogueBlocklistLookup(blocklists),
                o.testDomain);
        try {
            return DeliverabilityReceiver.start(config, store, analyzer, Clock.systemUTC());
        } catch (RuntimeException | IOException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (root instanceof BindException) {
                throw CliException.runtime("SMTP port " + o.smtpPort + " on " + bindName + " is already in use; choose "
                        + "another with --smtp-port N (or --no-receiver)", e);
            }
            throw CliException.runtime("could not start the SMTP receiver: " + e.getMessage(), e);
        }
    }
}
