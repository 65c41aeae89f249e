package funnelcast.scenario;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import funnelcast.Mappers;
import funnelcast.law.Law;
import funnelcast.model.ClosingPush;
import funnelcast.model.Exit;
import funnelcast.model.Funnel;
import funnelcast.model.Inflow;
import funnelcast.model.MonthEffects;
import funnelcast.model.PipelineDeal;
import funnelcast.model.Scenario;
import funnelcast.model.ScenarioException;
import funnelcast.model.Stage;
import funnelcast.model.Target;
import funnelcast.model.Team;
import funnelcast.model.WorkCalendar;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a scenario (JSON, or YAML by the {@code .yaml}/{@code .yml} ending) into the model, checking
 * every rule of {@code scenario-format.md} once, here at the boundary. Every error is a
 * {@link ScenarioException} naming the file, the path of the value and what was expected.
 */
public final class ScenarioReader {
    static final double SUM_TOLERANCE = 1e-9;
    /** Far beyond any real scenario, small enough that nothing a user can wait for is refused. */
    static final long MAX_DOCUMENT_CHARS = 20_000_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final List<String> TOP_KEYS = List.of(
        "name", "description", "calendar", "entry", "stages", "inflow", "pipeline", "target", "dealValue",
        "monthEffects");
    private static final List<String> STAGE_KEYS = List.of(
        "id", "label", "exits", "exitCounts", "dwell", "exitDwell", "criteria", "questions", "skills", "stalled");

    private ScenarioReader() {
    }

    /** Parses scenario text; {@code fileName} is used in messages only. */
    public static Scenario parse(String text, String fileName, boolean yaml) {
        return parse(text, fileName, yaml, List.of());
    }

    /** Parses scenario text and applies the settings before checking it. */
    public static Scenario parse(String text, String fileName, boolean yaml, List<Setting> settings) {
        return check(document(text, fileName, yaml, settings), fileName);
    }

    /** The document as a tree, the settings applied, before any check of its content. */
    static JsonNode document(String text, String fileName, boolean yaml, List<Setting> settings) {
        try {
            JsonNode root = mapper(yaml).readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new ScenarioException("", "the document is empty; expected a scenario object");
            }
            if (!settings.isEmpty()) {
                if (!(root instanceof ObjectNode object)) {
                    throw new ScenarioException("", "expected a scenario object to apply --set to");
                }
                for (Setting s : settings) {
                    s.apply(object);
                }
            }
            return root;
        } catch (ScenarioException e) {
            throw e.withFile(fileName);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(fileName, location(e), syntaxMessage(e, yaml));
        }
    }

    /** The document written back in its own format (JSON or YAML), indented. */
    static String write(JsonNode document, boolean yaml) {
        try {
            return mapper(yaml).writerWithDefaultPrettyPrinter().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree that cannot be written", e);
        }
    }

    /** Reads a scenario from its document tree and checks it, as a file. */
    static Scenario check(JsonNode root, String fileName) {
        try {
            Scenario scenario = scenario(new JsonAt(root, ""), fileName);
            Funnel.of(scenario); // the graph checks: termination and no zero-time loop
            return scenario;
        } catch (ScenarioException e) {
            throw e.withFile(fileName);
        }
    }

    private static ObjectMapper mapper(boolean yaml) {
        return yaml ? Mappers.SCENARIO_YAML : Mappers.SCENARIO_JSON;
    }

    private static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String syntaxMessage(JsonProcessingException e, boolean yaml) {
        String original = e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            return "the document exceeds a reading limit (" + firstLine(original) + ")";
        }
        if (original != null && original.startsWith("Duplicate field")) {
            Matcher key = Pattern.compile("'([^']*)'").matcher(original);
            return "duplicate key " + (key.find() ? "'" + key.group(1) + "'" : "") + "; expected each key once";
        }
        String kind = yaml ? "YAML" : "JSON";
        if (original != null && original.contains("numeric value")) {
            return "malformed " + kind + ": " + firstLine(original) + "; expected a finite number";
        }
        if (e instanceof JsonParseException || original != null) {
            return "malformed " + kind + ": " + firstLine(original);
        }
        return "malformed " + kind;
    }

    /** The parser's message, first line, without its internals ([Source: ...], `Feature` names). */
    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        Matcher opened = Pattern
            .compile("\\(start marker at \\[Source: .*?line: (\\d+), column: (\\d+)\\]\\)").matcher(line);
        line = opened.replaceAll("(opened at line $1, column $2)");
        return line.replaceAll(", from `[^`]*`", "").replaceAll(" \\(for `[^`]*`\\)", "");
    }

    private static Scenario scenario(JsonAt root, String fileName) {
        root.allowKeys(TOP_KEYS);
        String name = root.has("name") ? root.field("name").text() : stem(fileName);
        if (root.has("description")) {
            root.field("description").text();
        }
        WorkCalendar calendar = calendar(root.field("calendar"));
        List<JsonAt> stageNodes = root.field("stages").list();
        if (stageNodes.isEmpty()) {
            throw root.field("stages").error("at least one stage");
        }
        Map<String, Integer> ids = stageIds(stageNodes);
        List<Stage> stages = new ArrayList<>();
        for (JsonAt s : stageNodes) {
            stages.add(stage(s, ids));
        }
        JsonAt entryNode = root.field("entry");
        String entry = entryNode.text();
        if (!ids.containsKey(entry)) {
            throw entryNode.error("the id of a stage (" + String.join(", ", ids.keySet()) + ")");
        }
        Inflow inflow = root.has("inflow") ? inflow(root.field("inflow"), calendar) : Inflow.NONE;
        double perHorizon = inflow.perDay() * calendar.horizonDays();
        if (perHorizon > Inflow.MAX_PER_HORIZON) {
            JsonAt rate = root.field("inflow").field(inflow.perRep() ? "perRepPerDay" : "perDay");
            throw new ScenarioException(rate.path(), String.format(Locale.ROOT, "expected at most %.0g new deals over "
                + "the horizon's %d working days, got %.3g a day (%.3g in all)", Inflow.MAX_PER_HORIZON,
                calendar.horizonDays(), inflow.perDay(), perHorizon));
        }
        List<PipelineDeal> pipeline = root.has("pipeline") ? pipeline(root.field("pipeline"), stages, ids)
            : List.of();
        Target target = root.has("target") ? target(root.field("target")) : Target.NONE;
        Optional<Law> dealValue = root.has("dealValue")
            ? Optional.of(LawReader.read(root.field("dealValue"))) : Optional.empty();
        MonthEffects effects = root.has("monthEffects") ? monthEffects(root.field("monthEffects")) : MonthEffects.NONE;
        return new Scenario(name, calendar, entry, stages, inflow, pipeline, target, dealValue, effects);
    }

    /** {@code monthEffects: {inflow: {factor, cv}, conversion: {shift, sd}, pace, push: {factor, days, period}}}, each key optional. */
    private static MonthEffects monthEffects(JsonAt node) {
        node.allowKeys(List.of("inflow", "conversion", "pace", "push"));
        double pace = node.has("pace") ? bounded(node.field("pace"), MonthEffects.MIN_PACE, MonthEffects.MAX_PACE) : 1;
        double factor = 1;
        double cv = 0;
        double shift = 0;
        double sd = 0;
        if (node.has("inflow")) {
            JsonAt in = node.field("inflow").allowKeys(List.of("factor", "cv"));
            factor = in.has("factor") ? in.field("factor").nonNegative() : 1;
            cv = in.has("cv") ? bounded(in.field("cv"), 0, MonthEffects.MAX_CV) : 0;
        }
        if (node.has("conversion")) {
            JsonAt c = node.field("conversion").allowKeys(List.of("shift", "sd"));
            shift = c.has("shift") ? bounded(c.field("shift"), -MonthEffects.MAX_SHIFT, MonthEffects.MAX_SHIFT) : 0;
            sd = c.has("sd") ? bounded(c.field("sd"), 0, MonthEffects.MAX_SD) : 0;
        }
        ClosingPush push = node.has("push") ? push(node.field("push")) : ClosingPush.NONE;
        return new MonthEffects(factor, cv, shift, sd, pace, push);
    }

    /** {@code push: {factor, days, period: month | quarter}}: factor and days required. */
    private static ClosingPush push(JsonAt node) {
        node.allowKeys(List.of("factor", "days", "period"));
        double factor = bounded(node.field("factor"), 1 / ClosingPush.MAX_FACTOR, ClosingPush.MAX_FACTOR);
        JsonAt daysNode = node.field("days");
        int days = daysNode.wholeNumber(1);
        if (days > ClosingPush.MAX_DAYS) {
            throw daysNode.error("a whole number of working days in [1, " + ClosingPush.MAX_DAYS + "]");
        }
        boolean quarterly = false;
        if (node.has("period")) {
            JsonAt period = node.field("period");
            String p = period.text();
            if (!p.equals("month") && !p.equals("quarter")) {
                throw period.error("\"month\" or \"quarter\"");
            }
            quarterly = p.equals("quarter");
        }
        return new ClosingPush(factor, days, quarterly);
    }

    private static double bounded(JsonAt n, double min, double max) {
        double v = n.number();
        if (v >= min && v <= max) {
            return v;
        }
        throw n.error(String.format(Locale.ROOT, "a number from %s to %s", fmt(min), fmt(max)));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String stem(String fileName) {
        Path file = Path.of(fileName).getFileName();
        String base = file == null ? fileName : file.toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    private static WorkCalendar calendar(JsonAt node) {
        node.allowKeys(List.of("start", "end", "weekdays", "holidays", "workdays"));
        LocalDate start = node.field("start").date();
        LocalDate end = node.field("end").date();
        Set<DayOfWeek> weekdays = WorkCalendar.MONDAY_TO_FRIDAY;
        if (node.has("weekdays")) {
            List<JsonAt> items = node.field("weekdays").list();
            if (items.isEmpty()) {
                throw node.field("weekdays").error("at least one working weekday");
            }
            weekdays = EnumSet.noneOf(DayOfWeek.class);
            for (JsonAt d : items) {
                weekdays.add(weekday(d));
            }
        }
        TreeSet<LocalDate> workdays = new TreeSet<>();
        if (node.has("workdays")) {
            List<JsonAt> items = node.field("workdays").list();
            for (int i = 0; i < items.size(); i++) {
                LocalDate d = items.get(i).date();
                if (weekdays.contains(d.getDayOfWeek())) {
                    throw items.get(i).error("a make-up working day on a day that is not already worked (a "
                        + d.getDayOfWeek().name().toLowerCase(Locale.ROOT) + " is one of the weekdays)");
                }
                workdays.add(d);
            }
        }
        TreeSet<LocalDate> holidays = new TreeSet<>();
        if (node.has("holidays")) {
            for (JsonAt h : node.field("holidays").list()) {
                holidays.add(h.date());
            }
        }
        try {
            return new WorkCalendar(start, end, weekdays, holidays, workdays);
        } catch (ScenarioException e) {
            throw new ScenarioException(e.path(), e.detail());
        }
    }

    private static DayOfWeek weekday(JsonAt node) {
        String s = node.isMissing() || !node.json().isTextual() ? "" : node.text();
        DayOfWeek d = WorkCalendar.weekday(s);
        if (d != null && WorkCalendar.code(d).equals(s)) { // a scenario writes the codes in capitals
            return d;
        }
        throw node.error("one of MON, TUE, WED, THU, FRI, SAT, SUN");
    }

    private static Map<String, Integer> stageIds(List<JsonAt> stageNodes) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < stageNodes.size(); i++) {
            JsonAt idNode = stageNodes.get(i).object().field("id");
            String id = idNode.text();
            if (!ID.matcher(id).matches()) {
                throw idNode.error("an id of letters, digits, '-' and '_'");
            }
            if (id.equals(Exit.WON) || id.equals(Exit.LOST)) {
                throw idNode.error("an id other than won and lost, which are the terminal states");
            }
            Integer previous = ids.putIfAbsent(id, i);
            if (previous != null) {
                throw idNode.error("a unique id, but stages[" + previous + "].id is '" + id + "' too");
            }
        }
        return ids;
    }

    private static Stage stage(JsonAt node, Map<String, Integer> ids) {
        node.allowKeys(STAGE_KEYS);
        String id = node.field("id").text();
        String label = node.has("label") ? node.field("label").text() : id;
        boolean hasExits = node.has("exits");
        if (hasExits == node.has("exitCounts")) {
            throw new ScenarioException(node.path(), hasExits
                ? "expected exactly one of exits and exitCounts, got both"
                : "expected exactly one of exits (probabilities) and exitCounts (observed counts), got neither");
        }
        JsonAt exitsNode = node.field(hasExits ? "exits" : "exitCounts");
        Map<String, Double> weights = new LinkedHashMap<>();
        double sum = 0;
        for (String to : exitsNode.keys()) {
            JsonAt w = exitsNode.field(to);
            if (!to.equals(Exit.WON) && !to.equals(Exit.LOST) && !ids.containsKey(to)) {
                throw new ScenarioException(w.path(), "expected won, lost or the id of a stage ("
                    + String.join(", ", ids.keySet()) + "), got unknown destination '" + to + "'");
            }
            double v = hasExits ? probability(w) : w.nonNegative();
            weights.put(to, v);
            sum += v;
        }
        if (weights.isEmpty()) {
            throw exitsNode.error("at least one exit");
        }
        if (hasExits && !(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw new ScenarioException(exitsNode.path(), String.format(Locale.ROOT,
                "expected exit probabilities that sum to 1 (within 1e-9), got a sum of %.12g", sum));
        }
        if (!hasExits && !(sum > 0)) {
            throw new ScenarioException(exitsNode.path(), "expected at least one positive count, got all zero");
        }
        Law dwell = LawReader.read(node.field("dwell"));
        Map<String, Law> exitDwell = new HashMap<>();
        if (node.has("exitDwell")) {
            JsonAt ed = node.field("exitDwell");
            for (String to : ed.keys()) {
                if (!weights.containsKey(to)) {
                    throw new ScenarioException(ed.field(to).path(), "expected the destination of one of this "
                        + "stage's exits (" + String.join(", ", weights.keySet()) + "), got '" + to + "'");
                }
                exitDwell.put(to, LawReader.read(ed.field(to)));
            }
        }
        List<Exit> exits = new ArrayList<>();
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            Law own = exitDwell.get(w.getKey());
            double p = hasExits ? w.getValue() : w.getValue() / sum;
            exits.add(new Exit(w.getKey(), p, own != null ? own : dwell, own != null));
        }
        double stalled = 0;
        if (node.has("stalled")) {
            JsonAt st = node.field("stalled");
            stalled = st.number();
            if (!(stalled >= 0 && stalled < 1)) {
                throw st.error("a share from 0 to below 1 (the visits that never leave the stage)");
            }
        }
        return new Stage(id, label, exits, dwell, hasExits ? Map.of() : weights,
            texts(node.field("criteria")), texts(node.field("questions")), texts(node.field("skills")), stalled);
    }

    private static double probability(JsonAt node) {
        double p = node.number();
        if (p >= 0 && p <= 1) {
            return p;
        }
        throw node.error("a probability in [0, 1]");
    }

    private static List<String> texts(JsonAt node) {
        List<String> texts = new ArrayList<>();
        if (!node.isMissing()) {
            for (JsonAt t : node.list()) {
                texts.add(t.text());
            }
        }
        return texts;
    }

    private static Inflow inflow(JsonAt node, WorkCalendar calendar) {
        node.allowKeys(List.of("perDay", "perRepPerDay", "reps", "observed", "team"));
        if (node.has("team")) {
            return team(node, calendar);
        }
        boolean total = node.has("perDay");
        boolean perRep = node.has("perRepPerDay") || node.has("reps");
        if (total == perRep) {
            throw new ScenarioException(node.path(), total
                ? "expected either perDay or perRepPerDay with reps, got both"
                : "expected either perDay or perRepPerDay with reps, got neither");
        }
        Inflow.Observed observed = null;
        if (node.has("observed")) {
            JsonAt o = node.field("observed").allowKeys(List.of("deals", "days"));
            observed = new Inflow.Observed(o.field("deals").nonNegative(), o.field("days").positive());
        }
        if (total) {
            return new Inflow(node.field("perDay").nonNegative(), 0, observed);
        }
        double rate = node.field("perRepPerDay").nonNegative();
        double reps = node.field("reps").positive();
        return new Inflow(rate * reps, reps, observed);
    }

    /**
     * {@code inflow: {perRepPerDay, team: {rampDays, reps: [{id, start, daysOff}]}}}: the team's
     * inflow day by day (perDay, reps and observed go with a head count, not a team).
     */
    private static Inflow team(JsonAt node, WorkCalendar calendar) {
        for (String other : List.of("perDay", "reps", "observed")) {
            if (node.has(other)) {
                throw node.field(other).error("no " + other + " beside a team (the team sets the inflow: perRepPerDay "
                    + "and team.reps)");
            }
        }
        double rate = node.field("perRepPerDay").nonNegative();
        JsonAt t = node.field("team").object().allowKeys(List.of("rampDays", "reps"));
        int ramp = t.has("rampDays") ? t.field("rampDays").wholeNumber(0) : 0;
        List<JsonAt> items = t.field("reps").list();
        if (items.isEmpty()) {
            throw t.field("reps").error("at least one rep");
        }
        List<Team.Rep> reps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonAt r : items) {
            r.object().allowKeys(List.of("id", "start", "daysOff"));
            String id = r.field("id").text();
            if (!seen.add(id)) {
                throw r.field("id").error("a rep id used once");
            }
            LocalDate start = r.has("start") ? r.field("start").date() : null;
            TreeSet<LocalDate> off = new TreeSet<>();
            if (r.has("daysOff")) {
                for (JsonAt d : r.field("daysOff").list()) {
                    off.add(d.date());
                }
            }
            reps.add(new Team.Rep(id, start, off));
        }
        return Inflow.of(new Team(rate, ramp, reps), calendar);
    }


    /** Deals a trial can follow in bounded time: a thousand times the largest CRM pipeline in the tests. */
    static final long MAX_PIPELINE_DEALS = 10_000_000;

    private static List<PipelineDeal> pipeline(JsonAt node, List<Stage> stages, Map<String, Integer> ids) {
        List<PipelineDeal> deals = new ArrayList<>();
        long total = 0;
        Map<String, String> namedAt = new HashMap<>();
        for (JsonAt d : node.list()) {
            d.allowKeys(List.of("stage", "age", "count", "id", "value", "rep", "name"));
            JsonAt stageNode = d.field("stage");
            String stage = stageNode.text();
            if (!ids.containsKey(stage)) {
                throw stageNode.error("the id of an open stage (" + String.join(", ", ids.keySet()) + ")");
            }
            double age = d.has("age") ? d.field("age").nonNegative() : 0;
            checkAge(d.field("age"), stages.get(ids.get(stage)), age);
            String id = null;
            int count = 1;
            if (d.has("id")) {
                if (d.has("count")) {
                    throw new ScenarioException(d.path(), "expected either an id (one named deal) or a count "
                        + "(identical anonymous deals), got both");
                }
                id = d.field("id").text();
                String previous = namedAt.putIfAbsent(id, d.path());
                if (previous != null) {
                    throw d.field("id").error("a unique deal id, but " + previous + " has it too");
                }
            } else if (d.has("count")) {
                count = d.field("count").wholeNumber(0);
            }
            OptionalDouble value = d.has("value") ? OptionalDouble.of(d.field("value").nonNegative())
                : OptionalDouble.empty();
            String rep = d.has("rep") ? d.field("rep").text() : null;
            String name = d.has("name") ? d.field("name").text() : null;
            total += count;
            if (total > MAX_PIPELINE_DEALS) {
                throw d.field(d.has("count") ? "count" : "id").error("a pipeline of at most " + MAX_PIPELINE_DEALS
                    + " deals in all (the counts add up to " + total + " here)");
            }
            deals.add(new PipelineDeal(id, stage, age, count, value, rep, name));
        }
        return deals;
    }

    /** A deal must be able to still be in its stage at its age: some exit's dwell survives it. */
    private static void checkAge(JsonAt ageNode, Stage stage, double age) {
        double longest = 0;
        for (Exit e : stage.exits()) {
            if (e.probability() > 0) {
                if (e.dwell().survival(age) > 0) {
                    return;
                }
                longest = Math.max(longest, e.dwell().supportUpperBound());
            }
        }
        if (Double.isInfinite(longest)) {
            throw ageNode.error(String.format(Locale.ROOT, "an age that a deal at stage '%s' can reach: its dwells "
                + "leave no chance (to double precision) of still being there", stage.id()));
        }
        throw ageNode.error(String.format(Locale.ROOT, "an age below the longest possible dwell at stage '%s' "
            + "(%s working days): no deal can still be there", stage.id(), longest));
    }

    private static Target target(JsonAt node) {
        node.allowKeys(List.of("wins", "alreadyWon", "revenue"));
        OptionalInt wins = node.has("wins") ? OptionalInt.of(node.field("wins").wholeNumber(0))
            : OptionalInt.empty();
        int already = node.has("alreadyWon") ? node.field("alreadyWon").wholeNumber(0) : 0;
        OptionalDouble revenue = node.has("revenue") ? OptionalDouble.of(node.field("revenue").nonNegative())
            : OptionalDouble.empty();
        return new Target(wins, already, revenue);
    }
}
