package org.maildoctor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.base.DescribedPredicate;

/**
 * The dependency rules of ARCHITECTURE.md. Pure cores are every package that is not an adapter or
 * a composition root; adapters live in packages named after what they adapt ({@code dnsjava},
 * {@code jdbc}, {@code jobs}, {@code server}, {@code adapter}), the store handle package and the
 * leaves {@code cli} and {@code web}.
 */
@AnalyzeClasses(packages = "org.maildoctor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ADAPTERS = {
        "org.maildoctor.cli..", "org.maildoctor.web..", "..dnsjava..", "..jdbc..", "..jobs..", "..server..", "..adapter..",
        // the store handle itself opens the database (Store.open, dataSource() for the scheduler);
        // capability cores see only its repository interfaces
        "org.maildoctor.store",
    };

    private static final DescribedPredicate<JavaClass> PURE_CORE =
            DescribedPredicate.describe("a pure core class", c -> c.getPackageName().startsWith("org.maildoctor")
                    && !com.tngtech.archunit.core.domain.PackageMatchers.of(ADAPTERS).test(c.getPackageName()));

    /** Sockets, HTTP, TLS, JDBC, DNS wire, mail transport, web and CLI frameworks: adapters only. */
    private static final String[] IO_PACKAGES = {
        "java.sql..", "javax.sql..", "javax.net..", "java.net.http..", "java.nio.channels..",
        "org.xbill.DNS..", "org.eclipse.angus.mail.smtp..", "org.eclipse.angus.mail.imap..",
        "io.javalin..", "picocli..", "com.zaxxer..", "org.h2..", "org.postgresql..", "org.flywaydb..",
        "com.github.kagkarlsson..", "org.subethamail..",
    };

    @ArchTest
    static final ArchRule coresDoNoIo = noClasses().that(PURE_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(IO_PACKAGES)
            .because("pure cores take values and return values; I/O belongs to adapters at the edge");

    @ArchTest
    static final ArchRule coresOpenNoSockets = noClasses().that(PURE_CORE)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.ServerSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.DatagramSocket")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.HttpURLConnection")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.mail.Transport")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.mail.Store")
            .because("network access goes through adapters (java.net value types such as InetAddress and IDN are fine)");

    @ArchTest
    static final ArchRule coresReadNoWallClock = noClasses().that(PURE_CORE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(java.time.ZonedDateTime.class, "now")
            .orShould().callMethod(java.time.OffsetDateTime.class, "now")
            .because("time is injected as a java.time.Clock so tests can run a month in a second");

    @ArchTest
    static final ArchRule onlyTheDnsjavaAdapterSpeaksDnsjava = noClasses()
            .that().resideOutsideOfPackage("org.maildoctor.dns.dnsjava..")
            .should().dependOnClassesThat().resideInAPackage("org.xbill.DNS..")
            .because("one DNS resolver abstraction is shared by everything");

    @ArchTest
    static final ArchRule nothingImportsCli = noClasses()
            .that().resideOutsideOfPackage("org.maildoctor.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.maildoctor.cli..")
            .because("the CLI is a leaf and composition root");

    @ArchTest
    static final ArchRule nothingImportsWeb = noClasses()
            .that().resideOutsideOfPackages("org.maildoctor.web..", "org.maildoctor.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.maildoctor.web..")
            .because("the web layer is a leaf; only the CLI's serve command composes it");

    @ArchTest
    static final ArchRule modelDependsOnTheJdkOnly = noClasses()
            .that().resideInAPackage("org.maildoctor.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("org.maildoctor.model..", "java..")
            .because("model holds shared values only")
            .allowEmptyShould(true); // model gains its first values with the capabilities
}
