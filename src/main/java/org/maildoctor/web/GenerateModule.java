package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.maildoctor.auth.dkim.DkimAlgorithm;
import org.maildoctor.auth.dkim.GeneratedDkimKey;
import org.maildoctor.dns.Resolver;
import org.maildoctor.generate.DkimGenerator;
import org.maildoctor.generate.DmarcGenerator;
import org.maildoctor.generate.DmarcProposal;
import org.maildoctor.generate.GeneratorInput;
import org.maildoctor.generate.MtaStsGenerator;
import org.maildoctor.generate.MtaStsProposal;
import org.maildoctor.generate.SpfGenerator;
import org.maildoctor.generate.SpfProposal;
import org.maildoctor.generate.SpfProvider;
import org.maildoctor.generate.TxtRecord;
import org.maildoctor.report.GeneratedJson;

/**
 * The Generators page (a form per generator, the record with a copy button) and
 * {@code POST /api/v1/generate/{spf,dmarc,dkim,mta-sts}}.
 */
public final class GenerateModule implements WebModule {
    /** The DNS layer times out each query; this only bounds a pathological include tree. */
    private static final long MAX_SECONDS = 60;

    private final Resolver resolver;
    private final Clock clock;

    public GenerateModule(Resolver resolver, Clock clock) {
        this.resolver = resolver;
        this.clock = clock;
    }

    /** {@code POST /api/v1/generate/spf}. */
    public record SpfRequest(String domain, List<String> providers, List<String> includes, List<String> ip4,
                             List<String> ip6, boolean a, boolean mx, String all) {
    }

    /** {@code POST /api/v1/generate/dmarc}. */
    public record DmarcRequest(String domain, String p, String sp, String np, String pct, List<String> rua,
                               List<String> ruf, String adkim, String aspf, List<String> fo) {
    }

    /** {@code POST /api/v1/generate/dkim}. */
    public record DkimRequest(String domain, String selector, String type) {
    }

    /** {@code POST /api/v1/generate/mta-sts}. */
    public record MtaStsRequest(String domain, String mode, List<String> mx, String maxAge, List<String> tlsRpt) {
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.GENERATE;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx, false));
        r.form(c.path(), ctx -> page(r, ctx, true));
        r.apiPost("/generate/spf", this::spfApi);
        r.apiPost("/generate/dmarc", this::dmarcApi);
        r.apiPost("/generate/dkim", this::dkimApi);
        r.apiPost("/generate/mta-sts", this::mtaStsApi);
    }

    /** What the page shows for one generated result. */
    public record Shown(String kind, List<TxtRecord> records, String policyUrl, String policyFile, List<String> notes,
                        List<String> rollout, String privateKeyPem) {
    }

    private void page(Routes r, Context ctx, boolean post) {
        String kind = post ? ctx.formParam("kind") : ctx.queryParam("kind");
        Map<String, String> form = new LinkedHashMap<>();
        Map<String, Object> params = new HashMap<>();
        params.put("providers", List.of(SpfProvider.values()));
        params.put("shown", null);
        params.put("error", null);
        if (kind != null && !kind.isBlank()) {
            for (String f : List.of("domain", "provider", "include", "ip4", "ip6", "a", "mx", "all", "p", "sp", "np",
                    "pct", "rua", "ruf", "adkim", "aspf", "fo", "selector", "type", "mode", "mxhosts", "maxage", "tlsrpt")) {
                List<String> vs = post ? ctx.formParams(f) : ctx.queryParams(f);
                form.put(f, String.join(" ", vs));
            }
            try {
                params.put("shown", shown(kind, form, post ? ctx.formParams("provider") : ctx.queryParams("provider")));
            } catch (IllegalArgumentException | ProblemException e) {
                ctx.status(400);
                params.put("error", e.getMessage());
            }
        }
        params.put("kind", kind == null ? "" : kind);
        params.put("form", form);
        r.render(ctx, "generate.jte", Capability.GENERATE.label(), params);
    }

    private Shown shown(String kind, Map<String, String> f, List<String> providers) {
        List<String> notes = new ArrayList<>();
        return switch (kind) {
            case "spf" -> {
                SpfProposal p = spf(GeneratorInput.spf(f.get("domain"), providers, List.of(f.get("include")),
                        List.of(f.get("ip4")), List.of(f.get("ip6")), !f.get("a").isBlank(), !f.get("mx").isBlank(),
                        f.get("all")));
                List<TxtRecord> records = new ArrayList<>(List.of(p.record()));
                notes.add(p.lookups() + " of 10 DNS lookups" + (p.withinLimit() ? "" : ": over the limit, receivers "
                        + "return permerror"));
                p.findings().forEach(x -> notes.add(x.id() + ": " + x.explanation()));
                notes.addAll(p.notes());
                p.flattening().ifPresent(fl -> {
                    records.add(fl.record());
                    notes.add("Flattening " + String.join(", ", fl.flattened()) + " gives " + fl.lookupsAfter()
                            + " lookups (second record). " + fl.caveat());
                    fl.notFlattened().forEach(n -> notes.add("not flattened: " + n));
                });
                yield new Shown(kind, records, null, null, notes, List.of(), null);
            }
            case "dmarc" -> {
                DmarcProposal p = new DmarcGenerator().generate(GeneratorInput.dmarc(f.get("domain"), f.get("p"),
                        f.get("sp"), f.get("np"), f.get("pct"), List.of(f.get("rua")), List.of(f.get("ruf")),
                        f.get("adkim"), f.get("aspf"), List.of(f.get("fo"))));
                List<TxtRecord> records = new ArrayList<>(List.of(p.record()));
                records.addAll(p.externalDestinations());
                notes.addAll(p.warnings());
                if (!p.externalDestinations().isEmpty()) {
                    notes.add("Reports go to other domains: each publishes its authorization record shown above.");
                }
                yield new Shown(kind, records, null, null, notes, p.rollout().stream().map(s -> s.step() + ". "
                        + s.record() + " (" + s.duration() + "; move on when " + s.moveOnWhen() + ")").toList(), null);
            }
            case "dkim" -> {
                GeneratedDkimKey key = dkim(f.get("domain"), f.get("selector"), f.get("type"));
                yield new Shown(kind, List.of(DkimGenerator.txt(key)), null, null, List.of("Install the private key "
                        + "in your signer; it is shown once and not stored."), List.of(), key.privateKeyPem());
            }
            case "mta-sts" -> {
                MtaStsProposal p = new MtaStsGenerator(clock).generate(GeneratorInput.mtaSts(f.get("domain"),
                        f.get("mode"), List.of(f.get("mxhosts")), f.get("maxage"), List.of(f.get("tlsrpt"))));
                List<TxtRecord> records = new ArrayList<>(List.of(p.stsRecord()));
                p.tlsRptRecord().ifPresent(records::add);
                yield new Shown(kind, records, p.policyUrl(), p.policyFile(), List.of(), List.of(), null);
            }
            default -> throw new IllegalArgumentException("unknown generator '" + kind + "'");
        };
    }

    private SpfProposal spf(org.maildoctor.generate.SpfChoices choices) {
        var running = new SpfGenerator(resolver).propose(choices); // bad choices throw here, before the walk
        try {
            return running.get(MAX_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the SPF include tree could not be walked", e);
        }
    }

    private static GeneratedDkimKey dkim(String domain, String selector, String type) {
        DkimAlgorithm.KeyType t = DkimAlgorithm.KeyType.fromTag(type == null || type.isBlank() ? "rsa" : type.strip())
                .orElseThrow(() -> new IllegalArgumentException("type must be rsa or ed25519, not '" + type + "'"));
        if (domain == null || selector == null || domain.isBlank() || selector.isBlank()) {
            throw new IllegalArgumentException("domain and selector are required");
        }
        return new DkimGenerator().generate(domain, selector, t);
    }

    private static <T> T body(Context ctx, Class<T> type) {
        T body = ctx.bodyAsClass(type);
        if (body == null) {
            throw ProblemException.badRequest("a JSON body is required");
        }
        return body;
    }

    private static ProblemException bad(IllegalArgumentException e) {
        return ProblemException.badRequest(e.getMessage());
    }

    @OpenApi(path = "/api/v1/generate/spf", methods = HttpMethod.POST, operationId = "generateSpf",
            summary = "Build an SPF record; count its DNS lookups over the include tree; over 10, propose flattening",
            tags = {"generate"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = SpfRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", description = "{domain, record{name, type, value, strings, zoneFileLine}, "
                        + "lookups, lookupLimit, withinLimit, voidLookups, tree, findings[], notes[], flattening}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "A choice that is not valid",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void spfApi(Context ctx) {
        SpfRequest q = body(ctx, SpfRequest.class);
        try {
            ctx.json(GeneratedJson.spf(spf(GeneratorInput.spf(q.domain(), q.providers(), q.includes(), q.ip4(),
                    q.ip6(), q.a(), q.mx(), q.all()))));
        } catch (IllegalArgumentException e) {
            throw bad(e);
        }
    }

    @OpenApi(path = "/api/v1/generate/dmarc", methods = HttpMethod.POST, operationId = "generateDmarc",
            summary = "Build a DMARC record with a staged rollout plan and external report authorizations",
            tags = {"generate"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = DmarcRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", description = "{domain, record, warnings[], externalDestinations[], "
                        + "rollout[{step, record, duration, moveOnWhen}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "A choice that is not valid",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void dmarcApi(Context ctx) {
        DmarcRequest q = body(ctx, DmarcRequest.class);
        try {
            ctx.json(GeneratedJson.dmarc(new DmarcGenerator().generate(GeneratorInput.dmarc(q.domain(), q.p(), q.sp(),
                    q.np(), q.pct(), q.rua(), q.ruf(), q.adkim(), q.aspf(), q.fo()))));
        } catch (IllegalArgumentException e) {
            throw bad(e);
        }
    }

    @OpenApi(path = "/api/v1/generate/dkim", methods = HttpMethod.POST, operationId = "generateDkim",
            summary = "Generate a DKIM key pair (RSA 2048 or Ed25519) and its TXT record in 255-octet strings",
            tags = {"generate"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = DkimRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", description = "{domain, selector, keyType, bits, record, privateKeyPem}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "A choice that is not valid",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void dkimApi(Context ctx) {
        DkimRequest q = body(ctx, DkimRequest.class);
        try {
            GeneratedDkimKey key = dkim(q.domain(), q.selector(), q.type());
            Map<String, Object> doc = GeneratedJson.dkim(key);
            doc.put("privateKeyPem", key.privateKeyPem()); // the API caller asked for a key pair: it gets both halves
            ctx.json(doc);
        } catch (IllegalArgumentException e) {
            throw bad(e);
        }
    }

    @OpenApi(path = "/api/v1/generate/mta-sts", methods = HttpMethod.POST, operationId = "generateMtaSts",
            summary = "Generate the MTA-STS policy file, the _mta-sts TXT record with a fresh id and the TLS-RPT record",
            tags = {"generate"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(from = MtaStsRequest.class)),
            responses = {
                @OpenApiResponse(status = "200", description = "{domain, policyUrl, policyFile, stsRecord, tlsRptRecord}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "A choice that is not valid",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void mtaStsApi(Context ctx) {
        MtaStsRequest q = body(ctx, MtaStsRequest.class);
        try {
            ctx.json(GeneratedJson.mtaSts(new MtaStsGenerator(clock).generate(GeneratorInput.mtaSts(q.domain(),
                    q.mode(), q.mx(), q.maxAge(), q.tlsRpt()))));
        } catch (IllegalArgumentException e) {
            throw bad(e);
        }
    }
}
