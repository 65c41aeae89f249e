package funnelcast.layering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import funnelcast.law.PlantedBackEdge;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering that each package's package-info states, enforced: every package depends only on
 * the packages below it, there are no cycles, {@code engine} and {@code exact} know nothing of
 * each other, nothing below {@code cli} knows {@code cli}, and JFreeChart, Javalin, picocli, POI,
 * JDBC and Flyway stay in the layers that need them. A planted back-edge (a test class
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
        Map.entry("sweep", List.of("plan", "engine", "exact", "forecast", "scenario", "model")),
        Map.entry("history", List.of("engine", "model")),
        Map.entry("calibrate", List.of("history", "model", "law")),
        Map.entry("segment", List.of("calibrate", "history", "scenario", "model")),
        Map.entry("backtest", List.of("calibrate", "history", "engine", "exact", "forecast", "model")),
        Map.entry("chart", List.of("daily", "rollup", "reps", "backtest", "calibrate", "plan", "forecast", "model", "law")),
        Map.entry("report", List.of("chart", "plan", "forecast", "model")),
        Map.entry("sheet", List.of()),
        Map.entry("store", List.of()),
        Map.entry("daily", List.of("store", "backtest", "calibrate", "plan", "exact", "engine", "forecast", "history", "model")),
        Map.entry("reps", List.of("calibrate", "plan", "exact", "forecast", "model")),
        Map.entry("rollup", List.of("scenario", "engine", "exact", "forecast", "model")),
        Map.entry("web", List.of("daily", "store", "chart", "plan", "engine", "exact", "forecast", "scenario", "model")));

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
        rules.add(noClasses().that().resideOutsideOfPackage("funnelcast.sheet..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.poi..").as("Apache POI only in sheet"));
        rules.add(noClasses().that().resideOutsideOfPackage("funnelcast.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "org.sqlite..", "org.postgresql..", "java.sql..")
            .as("JDBC, Flyway and the database drivers only in store"));
        rules.replaceAll(r -> r.allowEmptyShould(true));
        return rules;
    }

    @Test
    void everyDependencyPointsDown() {
        for (ArchRule rule : rules()) {
            rule.check(MAIN);
        }
    }

    /** The table is the graph as it is, not looser: every use it lists is made by some class. */
    @Test
    void everyListedUseIsMade() {
        List<String> unused = new ArrayList<>();
        for (var e : MAY_USE.entrySet()) {
            for (String used : e.getValue()) {
                boolean made = MAIN.stream().filter(c -> c.getPackageName().startsWith("funnelcast." + e.getKey()))
                    .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                    .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("funnelcast." + used));
                if (!made) {
                    unused.add(e.getKey() + " -> " + used);
                }
            }
        }
        assertTrue(unused.isEmpty(), "listed but not used: " + unused);
    }

    @Test
    void everyPackageIsInTheTable() {
        for (var c : MAIN) {
            String p = c.getPackageName();
            assertTrue(p.equals("funnelcast") || p.equals("funnelcast.cli")
                || MAY_USE.containsKey(p.substring("funnelcast.".length()).split("\\.")[0]), "package " + p + " has no layer");
        }
    }

    /**
     * Inside a package, classes do not depend on each other in a circle either, but for the
     * sealed families: a sealed type names the classes it permits (and makes them), and they
     * implement it. Those roots are listed here, and nothing else may close a circle.
     */
    static final Set<String> SEALED_ROOTS = Set.of("funnelcast.law.Law", "funnelcast.engine.BlockKernel",
        "funnelcast.exact.WinCurves");

    @Test
    void noClassesDependOnEachOtherInACircle() {
        for (String root : SEALED_ROOTS) {
            assertTrue(MAIN.get(root).reflect().isSealed(), root + " is listed as a sealed root");
        }
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String top = c.getName().replaceAll("\\$.*", "");
                return top.startsWith("funnelcast.") ? SliceIdentifier.of(top) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "each top-level class with its nested classes";
            }
        }).should().beFreeOfCycles()
            .ignoreDependency(DescribedPredicate.describe("a sealed root", (JavaClass c) -> SEALED_ROOTS.contains(c.getName()
                .replaceAll("\\$.*", ""))), DescribedPredicate.alwaysTrue())
            .check(MAIN);
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
