package org.maildoctor.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.maildoctor.report.VerificationJson;
import org.maildoctor.verify.Verification;
import org.maildoctor.verify.Verifier;
import org.maildoctor.verify.bulk.BulkInputException;
import org.maildoctor.verify.bulk.BulkJobRunner;
import org.maildoctor.verify.bulk.RowResult;
import org.maildoctor.verify.bulk.VerificationJobs;

/**
 * The Verify pages (one address; CSV upload with live progress and a download) and the REST API:
 * {@code POST /api/v1/verifications}, {@code POST /api/v1/verification-jobs},
 * {@code GET /api/v1/verification-jobs/{id}} and {@code GET /api/v1/verification-jobs/{id}/results}.
 * Uploaded lists are kept in {@code uploadDir}; jobs run on a virtual thread and their state is in
 * the store, so a restarted server resumes a job when the same file is uploaded again.
 */
public final class VerifyModule implements WebModule {
    /** A REST call checks a handful of addresses; lists go through the jobs API. */
    private static final int MAX_SINGLE = 100;

    private final Verifier verifier;
    private final VerificationJobs jobs;
    private final Path uploadDir;
    /** Jobs this server is working on: an upload of the same list while it runs must not start it twice. */
    private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public VerifyModule(Verifier verifier, VerificationJobs jobs, Path uploadDir) {
        this.verifier = verifier;
        this.jobs = jobs;
        this.uploadDir = uploadDir;
    }

    @Override
    public void register(Routes r) {
        Capability c = Capability.VERIFY;
        r.nav(c.path(), c.label(), c.summary());
        r.page(c.path(), ctx -> page(r, ctx));
        r.form(c.path() + "/jobs", this::uploadForm);
        r.page(c.path() + "/jobs/{id}", ctx -> jobPage(r, ctx));
        r.page(c.path() + "/jobs/{id}/results.csv", this::resultsCsv);
        r.apiPost("/verifications", this::verifyApi);
        r.apiPost("/verification-jobs", this::createJobApi);
        r.apiGet("/verification-jobs/{id}", this::jobApi);
        r.apiGet("/verification-jobs/{id}/results", this::resultsCsv);
    }

    private void page(Routes r, Context ctx) {
        String address = Optional.ofNullable(ctx.queryParam("address")).orElse("").strip();
        Map<String, Object> params = new HashMap<>();
        params.put("address", address);
        params.put("result", address.isEmpty() ? null : verifier.verify(address));
        params.put("error", ctx.queryParam("error"));
        r.render(ctx, "verify.jte", Capability.VERIFY.label(), params);
    }

    private void jobPage(Routes r, Context ctx) {
        VerificationJobs.JobState state = state(ctx);
        Map<String, Object> params = new HashMap<>();
        params.put("job", state);
        params.put("counts", jobs.counts(state.id()));
        r.render(ctx, "verify-job.jte", Capability.VERIFY.label(), params);
    }

    private void uploadForm(Context ctx) {
        UploadedFile file = ctx.uploadedFile("list");
        if (file == null || file.size() == 0) {
            ctx.redirect("/verify?error=" + java.net.URLEncoder.encode("choose a CSV file", java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = file.content()) {
            long id = startJob(in, blankToNull(ctx.formParam("column")));
            ctx.redirect("/verify/jobs/" + id);
        } catch (ProblemException e) {
            ctx.redirect("/verify?error=" + java.net.URLEncoder.encode(e.getMessage(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("upload failed: " + e.getMessage(), e);
        }
    }

    @OpenApi(path = "/api/v1/verifications", methods = HttpMethod.POST, operationId = "verifyAddresses",
            summary = "Verify one address ({\"address\": …}) or a few ({\"addresses\": […]}, at most 100)",
            tags = {"verify"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {
                @OpenApiResponse(status = "200", description = "One verification object (schema in docs/cli-verify.md),"
                        + " or {results: [...]} for several", content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "No address given, or too many",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void verifyApi(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("the body must be JSON: {\"address\": \"jane@example.org\"}");
        }
        if (body.get("address") instanceof String a) {
            ctx.json(VerificationJson.toMap(verifier.verify(a)));
            return;
        }
        if (body.get("addresses") instanceof List<?> list && !list.isEmpty()) {
            if (list.size() > MAX_SINGLE) {
                throw ProblemException.badRequest("at most " + MAX_SINGLE + " addresses per call; use /api/v1/verification-jobs");
            }
            List<String> addresses = new ArrayList<>();
            for (Object o : list) {
                addresses.add(o == null ? "" : o.toString());
            }
            List<Verification> results = verifier.verifyAll(addresses);
            ctx.json(Map.of("results", VerificationJson.toList(results)));
            return;
        }
        throw ProblemException.badRequest("give \"address\" (a string) or \"addresses\" (a list of strings)");
    }

    @OpenApi(path = "/api/v1/verification-jobs", methods = HttpMethod.POST, operationId = "createVerificationJob",
            summary = "Start a bulk verification job; the body is the CSV list (text/csv)", tags = {"verify"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            queryParams = {@OpenApiParam(name = "column", description = "CSV column with the addresses")},
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "text/csv")),
            responses = {
                @OpenApiResponse(status = "202", description = "{id, status, total, done}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "400", description = "Empty body or no email column",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void createJobApi(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            long id = startJob(in, blankToNull(ctx.queryParam("column")));
            ctx.status(HttpStatus.ACCEPTED);
            ctx.json(stateJson(jobs.state(id).orElseThrow()));
        }
    }

    @OpenApi(path = "/api/v1/verification-jobs/{id}", methods = HttpMethod.GET, operationId = "getVerificationJob",
            summary = "Status and progress of a bulk verification job", tags = {"verify"},
            security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = {@OpenApiParam(name = "id", required = true, description = "Job id")},
            responses = {
                @OpenApiResponse(status = "200", description = "{id, status, total, done, counts}",
                        content = @OpenApiContent(type = "application/json")),
                @OpenApiResponse(status = "404", description = "No such job",
                        content = @OpenApiContent(from = Problem.class, mimeType = Problem.CONTENT_TYPE))
            })
    void jobApi(Context ctx) {
        VerificationJobs.JobState s = state(ctx);
        Map<String, Object> m = stateJson(s);
        m.put("counts", jobs.counts(s.id()));
        ctx.json(m);
    }

    @OpenApi(path = "/api/v1/verification-jobs/{id}/results", methods = HttpMethod.GET,
            operationId = "getVerificationJobResults", summary = "Results so far as CSV, one row per verified input row",
            tags = {"verify"}, security = {@OpenApiSecurity(name = "bearerAuth")},
            pathParams = {@OpenApiParam(name = "id", required = true, description = "Job id")},
            responses = {@OpenApiResponse(status = "200", description = "CSV", content = @OpenApiContent(type = "text/csv"))})
    void resultsCsv(Context ctx) throws IOException {
        VerificationJobs.JobState s = state(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"verification-" + s.id() + ".csv\"");
        StringBuilder sb = new StringBuilder(BulkJobRunner.csvLine(RowResult.HEADER));
        // results of one job fit in memory at the sizes the web upload takes; the CLI streams to a file
        jobs.forEachResult(s.id(), row -> sb.append(BulkJobRunner.csvLine(row.fields())));
        ctx.result(sb.toString());
    }

    private long startJob(InputStream in, String column) throws IOException {
        Files.createDirectories(uploadDir);
        Path tmp = Files.createTempFile(uploadDir, "upload", ".csv");
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        if (Files.size(tmp) == 0) {
            Files.delete(tmp);
            throw ProblemException.badRequest("the list is empty");
        }
        // name the file by content so uploading the same list again resumes its job
        Path file = uploadDir.resolve("list-" + sha256(tmp) + ".csv");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        BulkJobRunner runner = new BulkJobRunner(verifier, jobs);
        VerificationJobs.JobRef job;
        try {
            job = runner.open(file, column);
        } catch (BulkInputException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        boolean finished = job.resumed() && "SUCCEEDED".equals(job.status());
        if (!finished && running.add(job.id())) {
            Path out = uploadDir.resolve("results-" + job.id() + ".csv");
            Thread.ofVirtual().name("verify-job-" + job.id()).start(() -> {
                try {
                    runner.run(file, column, out, null);
                } finally {
                    running.remove(job.id());
                }
            });
        }
        return job.id();
    }

    private VerificationJobs.JobState state(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("no verification job " + ctx.pathParam("id"));
        }
        return jobs.state(id).orElseThrow(() -> ProblemException.notFound("no verification job " + id));
    }

    private static Map<String, Object> stateJson(VerificationJobs.JobState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("status", s.status().toLowerCase(java.util.Locale.ROOT));
        m.put("total", s.total());
        m.put("done", s.done());
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
