package funnelcast.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import funnelcast.law.PlantedBackEdge;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layering that each package's package-info states, enforced: every package depends only on
 * the packages below it, there are no cycles, {@code engine} and {@code exact} know nothing of
 * each other, nothing below {@code cli} knows {@code cli}, and JFreeChart, Javalin and picocli
 * stay in the layers that need them. A planted back-edge (a test class
 * in {@code law} that reaches up into {@code cli}) must be caught by the same rules.
 */
class LayeringTest {
    /** Each package and the funnelcast packages it may use (the root package, InputException, is open to all). */
    static final Map<String, List<String>> MAY_USE = Map.ofEntries(
        Map.entry("law", List.of()),
        Map.entry("forecast", List.of()),
        Map.entry("model", List.of("law")),
        Map.entry("scenario", List.of("model", "law")),
        Map.entry("engine", List.of("model", "law", "forecast")),
        Map.entry("exact", List.of("model", "law", "forecast")),
        Map.entry("plan", List.of("engine", "exact", "forecast", "model", "law")),
        Map.entry("sweep", List.of("plan", "engine", "exact", "forecast", "scenario", "model", "law")),
        Map.entry("history", List.of("model", "law")),
        Map.entry("calibrate", List.of("history", "engine", "exact", "forecast", "model", "law")),
        Map.entry("backtest", List.of("calibrate", "history", "engine", "exact", "forecast", "model", "law")),
        Map.entry("chart", List.of("backtest", "calibrate", "history", "plan", "forecast", "model", "law")),
        Map.entry("report", List.of("chart", "plan", "forecast", "model", "law")),
        Map.entry("web", List.of("chart", "plan", "engine", "exact", "forecast", "scenario", "model", "law")));

    private static final JavaClasses MAIN = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("funnelcast");

    static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(slices().matching("funnelcast.(*)..").should().beFreeOfCycles());
        rules.add(noClasses().that().resideInAPackage("funnelcast.engine..")
            .should().dependOnClassesThat().resideInAPackage("funnelcast.exact.."));
        rules.add(noClasses().that().resideInAPackage("funnelcast.exact..")
            .should().dependOnClassesThat().resideInAPackage("funnelcast.engine.."));
        rules.add(noClasses().that().resideOutsideOfPackage("funnelcast.cli..")
            .should().dependOnClassesThat().resideInAPackage("funnelcast.cli.."));
        for (var e : MAY_USE.entrySet()) {
            List<String> allowed = new ArrayList<>(List.of("java..", "javax..", "org..", "com..", "picocli..", "io.javalin..", "funnelcast",
                "funnelcast." + e.getKey() + ".."));
            e.getValue().forEach(p -> allowed.add("funnelcast." + p + ".."));
            rules.add(classes().that().resideInAPackage("funnelcast." + e.getKey() + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .as(e.getKey() + " uses only " + e.getValue() + " of funnelcast"));
        }
        // third-party walls: each library stays in the layer that needs it
        rules.add(noClasses().that().resideOutsideOfPackages("funnelcast.chart..", "funnelcast.report..", "funnelcast.cli..")
            .should().dependOnClassesThat().resideInAPackage("org.jfree..")
            .as("JFreeChart only in chart, report and cli"));
        rules.add(noClasses().that().resideOutsideOfPackage("funnelcast.web..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..").as("Javalin only in web"));
        rules.add(noClasses().that().resideOutsideOfPackage("funnelcast.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..").as("picocli only in cli"));
        rules.replaceAll(r -> r.allowEmptyShould(true));
        return rules;
    }

    @Test
    void everyDependencyPointsDown() {
        for (ArchRule rule : rules()) {
            rule.check(MAIN);
        }
    }

    @Test
    void everyPackageIsInTheTable() {
        for (var c : MAIN) {
            String p = c.getPackageName();
            assertTrue(p.equals("funnelcast") || p.equals("funnelcast.cli")
                || MAY_USE.containsKey(p.substring("funnelcast.".length()).split("\\.")[0]), "package " + p + " has no layer");
        }
    }

    /** One locale: every number a person or a script reads is formatted with Locale.ROOT, never the machine's. */
    @Test
    void nothingFormatsInTheMachinesLocale() {
        noClasses().should().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .orShould().callMethod(PrintWriter.class, "printf", String.class, Object[].class)
            .orShould().callMethod(PrintWriter.class, "format", String.class, Object[].class)
            .orShould().callMethod(PrintStream.class, "printf", String.class, Object[].class)
            .orShould().callMethod(PrintStream.class, "format", String.class, Object[].class)
            .because("output reads the same on every machine: pass Locale.ROOT").check(MAIN);
    }

    @Test
    void aPlantedBackEdgeIsCaught() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedBackEdge.class);
        long violated = rules().stream().filter(r -> r.evaluate(planted).hasViolation()).count();
        System.out.println("the planted back-edge breaks " + violated + " of " + rules().size() + " layering rules");
        assertTrue(violated >= 2, "the back-edge from dist to cli broke " + violated + " rules, expected at least 2");
    }
}
