package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.maildoctor.audit.AuditReport;
import org.maildoctor.audit.AuditRequest;
import org.maildoctor.audit.DomainAudit;
import org.maildoctor.report.AuditReportJson;

/** The Domain audit page and {@code GET /api/v1/domains/{domain}/audit}. */
public final class AuditModule implements WebModule {
    /** The DNS layer times out each query; this only bounds a pathological chain of them. */
    private static final long MAX_SECONDS = 60;

    private final DomainAudit audit;

    public AuditModule(DomainAudit audit) {
        this.audit = audit;
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.AUDIT;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx));
        r.apiGet("/domains/{domain}/audit", this::auditApi);
    }

    private void page(Routes r, Context ctx) {
        String domain = ctx.queryParam("domain");
        String ips = joined(ctx, "ip");
        String selectors = joined(ctx, "selector");
        Map<String, Object> params = new HashMap<>();
        params.put("domain", domain == null ? "" : domain);
        params.put("ips", ips);
        params.put("selectors", selectors);
        params.put("report", null);
        params.put("checks", List.of());
        params.put("checklist", List.of());
        params.put("error", null);
        if (domain != null && !domain.isBlank()) {
            try {
                AuditReport report = run(request(domain, words(ips), words(selectors)));
                params.put("report", report);
                List<String> order = audit.sectionOrder();
                params.put("checks", report.checks(order.stream().filter(report::graded).toList()));
                params.put("checklist", report.checks(order.stream().filter(n -> !report.graded(n)).toList()));
            } catch (ProblemException e) {
                ctx.status(400);
                params.put("error", e.getMessage());
            }
        }
        r.render(ctx, "audit.jte", Capability.AUDIT.label(), params);
    }

    @OpenApi(
            path = "/api/v1/domains/{domain}/audit",
            methods = HttpMethod.GET,
            operationId = "auditDomain",
            summary = "Graded audit of a sending domain (SPF, DKIM, DMARC, MX, rDNS, MTA-STS, TLS-RPT, BIMI, DANE): each check pass/warn/fail/unknown with explanation and fix",
            tags = {"audit"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = {@OpenApiParam(name = "domain", required = true, description = "The sending domain")},
            queryParams = {
                @OpenApiParam(name = "ip", description = "A sending IP address (repeatable)"),
                @OpenApiParam(name = "selector", description = "A DKIM selector to check (repeatable)")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{domain, grade, score, summary, checks[{id, section, "
                        + "status, explanation, fix, evidence, graded}], publish[{section, name, type, value, strings, "
                        + "zoneFileLine, why, notes}]}", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Not a domain name or not an IP address",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void auditApi(Context ctx) {
        AuditRequest request = request(ctx.pathParam("domain"), ctx.queryParams("ip"), ctx.queryParams("selector"));
        ctx.json(AuditReportJson.toMap(run(request), audit.sectionOrder()));
    }

    private AuditReport run(AuditRequest request) {
        try {
            return audit.audit(request).get(MAX_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("audit of " + request.domain() + " did not finish", e);
        }
    }

    private static String joined(Context ctx, String param) {
        return String.join(" ", ctx.queryParamMap().getOrDefault(param, List.of()).stream()
                .filter(v -> !v.isBlank()).toList());
    }

    private static List<String> words(String text) {
        return List.of(text.strip().split("[\\s,]+")).stream().filter(w -> !w.isEmpty()).toList();
    }

    private static AuditRequest request(String domain, List<String> ips, List<String> selectors) {
        try {
            return AuditRequest.parse(domain, ips, selectors);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}
