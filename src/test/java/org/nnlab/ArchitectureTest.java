package org.nnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture in rules: the engine stands alone, UI code stays in UI packages, features do not cycle. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.nnlab");
    }

    @Test
    void engineDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.nnlab.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "jdk.incubator.vector..", "org.nnlab.engine..")
                .check(classes);
    }

    @Test
    void uiClassesAreUsedOnlyByUiClasses() {
        classes().that().resideInAPackage("..ui..")
                .should().onlyHaveDependentClassesThat().resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void servicesDoNotUseVaadin() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().resideOutsideOfPackage("org.nnlab.base.i18n..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin.flow.component..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.nnlab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
