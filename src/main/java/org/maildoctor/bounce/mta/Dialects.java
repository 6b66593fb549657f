package org.maildoctor.bounce.mta;

import java.util.List;

/**
 * The ordered registry: specific formats first, the standards next, the free-form reader last. The
 * first dialect that matches and decodes at least one recipient wins.
 */
public final class Dialects {

    private static final List<MtaDialect> ALL = List.of(
            new Arf(),
            new UnsubscribeRequest(),
            new GoogleGroups(),
            new AmazonSesJson(),
            new EzWeb(),
            new Rfc3464(),
            new Exim(),
            new DragonFly(),
            new Qmail(),
            new Exchange2003(),
            new Gmail(),
            new IMailServer(),
            new Verizon(),
            new ApacheJames(),
            new Kddi(),
            new Fml(),
            new TrendMicro(),
            new X3(),
            new V5Sendmail(),
            new AutoReply(),
            new FreeForm());

    private Dialects() {
    }

    public static List<MtaDialect> all() {
        return ALL;
    }
}
