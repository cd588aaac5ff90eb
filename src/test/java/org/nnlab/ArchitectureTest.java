package org.nnlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.i18n.I18NProvider;
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
    void vaadinStaysInUiPackagesButForTheI18nProvider() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotImplement(I18NProvider.class)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }

    /**
     * The engine's floors, each using only the floors below it:
     * tensor, json, backprop ← data, layer with spec ← loss, optim ← model ← perceptron, rbm ← reference.
     */
    @Test
    void engineSubpackagesStandOnFloors() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("tensor").definedBy("org.nnlab.engine.tensor..")
                .layer("json").definedBy("org.nnlab.engine.json..")
                .layer("backprop").definedBy("org.nnlab.engine.backprop..")
                .layer("data").definedBy("org.nnlab.engine.data..")
                .layer("layer").definedBy("org.nnlab.engine.layer..", "org.nnlab.engine.spec..")
                .layer("loss").definedBy("org.nnlab.engine.loss..")
                .layer("optim").definedBy("org.nnlab.engine.optim..")
                .layer("model").definedBy("org.nnlab.engine.model..")
                .layer("perceptron").definedBy("org.nnlab.engine.perceptron..")
                .layer("rbm").definedBy("org.nnlab.engine.rbm..")
                .layer("reference").definedBy("org.nnlab.engine.reference..")
                .whereLayer("tensor").mayNotAccessAnyLayer()
                .whereLayer("json").mayNotAccessAnyLayer()
                .whereLayer("backprop").mayNotAccessAnyLayer()
                .whereLayer("data").mayOnlyAccessLayers("tensor", "json", "backprop")
                .whereLayer("layer").mayOnlyAccessLayers("tensor", "json", "backprop")
                .whereLayer("loss").mayOnlyAccessLayers("tensor", "json", "backprop", "data", "layer")
                .whereLayer("optim").mayOnlyAccessLayers("tensor", "json", "backprop", "data", "layer")
                .whereLayer("model").mayOnlyAccessLayers(
                        "tensor", "json", "backprop", "data", "layer", "loss", "optim")
                .whereLayer("perceptron").mayOnlyAccessLayers(
                        "tensor", "json", "backprop", "data", "layer", "loss", "optim", "model")
                .whereLayer("rbm").mayOnlyAccessLayers(
                        "tensor", "json", "backprop", "data", "layer", "loss", "optim", "model")
                .whereLayer("reference").mayOnlyAccessLayers(
                        "tensor", "json", "backprop", "data", "layer", "loss", "optim", "model", "rbm")
                .check(classes);
    }

    /** Spec and layer build each other (a spec makes its layer, a layer reports its spec): that pair, no other cycle. */
    @Test
    void engineSubpackagesHaveNoCyclesButSpecWithLayer() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = javaClass.getPackageName();
                        if (!name.startsWith("org.nnlab.engine.")) {
                            return SliceIdentifier.ignore();
                        }
                        String top = name.substring("org.nnlab.engine.".length()).split("\\.")[0];
                        return SliceIdentifier.of(top.equals("spec") ? "layer" : top);
                    }

                    @Override
                    public String getDescription() {
                        return "engine subpackages, spec counted with layer";
                    }
                })
                .should().beFreeOfCycles()
                .check(classes);
    }

    /** The JDK here includes its management extension (the bench reads the process CPU time from it). */
    @Test
    void cliAndDatasetsUseOnlyTheJdkAndTheEngine() {
        classes().that().resideInAnyPackage("org.nnlab.cli..", "org.nnlab.datasets..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "com.sun.management..", "org.nnlab.engine..", "org.nnlab.cli..", "org.nnlab.datasets..")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("org.nnlab.(*)..").should().beFreeOfCycles().check(classes);
    }
}
