package org.maildoctor.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store is a library for the CLI and the web layer, never the other way round. */
class StoreArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.maildoctor");

    @Test
    void storeDependsOnNeitherCliNorWeb() {
        noClasses().that().resideInAPackage("org.maildoctor.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.maildoctor.cli..", "org.maildoctor.web..")
                .check(MAIN);
    }

    @Test
    void portsDoNotDependOnDriversOrPools() {
        // callers see only the interfaces and records; JDBC details stay in store.jdbc
        noClasses().that().resideInAPackage("org.maildoctor.store")
                .and().doNotHaveSimpleName("Store")
                .should().dependOnClassesThat().resideInAnyPackage("com.zaxxer..", "org.flywaydb..", "org.h2..",
                        "org.postgresql..", "org.maildoctor.store.jdbc..")
                .check(MAIN);
    }
}
