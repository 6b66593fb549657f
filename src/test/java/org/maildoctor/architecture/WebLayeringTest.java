package org.maildoctor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the web shell a leaf: only the CLI wires it in, and it reaches into no capability. */
class WebLayeringTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.maildoctor");

    @Test
    void onlyCliDependsOnWeb() {
        noClasses().that().resideOutsideOfPackages("org.maildoctor.web..", "org.maildoctor.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.maildoctor.web..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void webDependsOnNoOtherMaildoctorPackage() {
        noClasses().that().resideInAPackage("org.maildoctor.web..")
                .should().dependOnClassesThat(resideInAPackage("org.maildoctor..")
                        .and(not(resideInAPackage("org.maildoctor.web.."))))
                .check(MAIN);
    }
}
