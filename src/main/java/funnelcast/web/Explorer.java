package funnelcast.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import funnelcast.InputException;
import funnelcast.daily.Pace;
import funnelcast.store.Store;
import funnelcast.Mappers;
import funnelcast.Parallelism;
import funnelcast.model.Scenario;
import funnelcast.scenario.ScenarioSource;
import funnelcast.scenario.Setting;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The explorer's server: the page (index.html, app.js, app.css: Javalin's static files from the
 * jar) and a JSON API, answered through the one configured mapper,
 * over the scenarios it was started with or one the page opened. It touches no file: a scenario
 * the page opens travels in the request, and a download is the request's answer.
 *
 * <p>Every request is bounded ({@link #MAX_REQUEST_BYTES}); a bad one is answered 400 with the
 * command line's message and, where the message names a setting's path, that path, for the page
 * to show beside its field. The page may load nothing from another host: its
 * Content-Security-Policy allows this server alone.
 */
public final class Explorer implements AutoCloseable {
    /** The largest request: a scenario of this size is far beyond any funnel's. */
    public static final long MAX_REQUEST_BYTES = 2_000_000;
    /** The most settings, and the most simulated months, one request may ask for. */
    static final int MAX_SETTINGS = 500;
    static final int MAX_MONTHS = 200;

    private static final ObjectMapper JSON = Mappers.PLAIN;
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
    /** Every answer's headers, the page's and the API's. */
    private static final Map<String, String> HEADERS = Map.of("Content-Security-Policy", POLICY,
        "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control", "no-store");
    /** The page's files in the jar (index.html, app.js, app.css): a folder of assets alone, no classes. */
    private static final String ASSETS = "/funnelcast/explorer";

    private final List<ScenarioSource> scenarios;
    private final Javalin app;
    private final Parallelism pool;
    /** The store the pace page reads (serve --db), if any. */
    private final Optional<Store> store;
    /**
     * Answers already given, by path and request body, the least recently asked dropped first: a
     * class that opens the same page, or a trainer who steps back to a setting, asks the same
     * figures and charts again. An answer depends on nothing else (the scenarios are read once,
     * an opened one travels in the body), so the one kept is the one that would be computed.
     */
    private final Map<String, Object> answered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > ANSWERS_KEPT;
        }
    });
    private final AtomicLong computed = new AtomicLong();

    /** How many answers are kept for asking again. */
    static final int ANSWERS_KEPT = 64;

    private Explorer(List<ScenarioSource> scenarios, Javalin app, Parallelism pool, Optional<Store> store) {
        this.scenarios = scenarios;
        this.app = app;
        this.pool = pool;
        this.store = store;
    }

    /** Starts the server on host:port (port 0: any free one), every request's work on funnelcast's pool of every core. */
    public static Explorer start(List<ScenarioSource> scenarios, String host, int port) {
        return start(scenarios, host, port, Parallelism.machine());
    }

    /**
     * Starts the server on host:port (port 0: any free one); every request's work (the exact
     * method, the planner and the engine) runs on {@code pool}, one bounded pool whatever the
     * number of requests at once.
     */
    public static Explorer start(List<ScenarioSource> scenarios, String host, int port, Parallelism pool) {
        return start(scenarios, host, port, pool, Optional.empty());
    }

    /** The same, with the store whose days the pace page shows ({@code serve --db}). */
    public static Explorer start(List<ScenarioSource> scenarios, String host, int port, Parallelism pool,
                                 Optional<Store> store) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("the explorer needs a scenario");
        }
        Explorer[] self = new Explorer[1];
        Javalin app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(ctx -> HEADERS.forEach(ctx::header));
            config.jsonMapper(new JavalinJackson(Mappers.PLAIN, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = ASSETS;
                files.location = Location.CLASSPATH;
                files.headers = HEADERS;
            });
            config.routes.get("/api/scenarios", ctx -> self[0].list(ctx));
            config.routes.post("/api/figures", ctx -> self[0].answer(ctx, r -> Answers.figures(r.scenario(), r.confidence(), r.uncertainty())));
            config.routes.post("/api/charts", ctx -> self[0].answer(ctx, r -> Answers.charts(r.scenario(), r.pinned(), r.width(),
                r.height(), r.uncertainty())));
            config.routes.post("/api/months", ctx -> self[0].answer(ctx, r -> Answers.months(r.scenario(), r.seed(), r.from(),
                r.count(), r.uncertainty())));
            config.routes.post("/api/scenario", ctx -> self[0].download(ctx));
            config.routes.get("/api/pace", ctx -> ctx.json(self[0].pace(ctx)));
            config.routes.get("/api/pace/charts", ctx -> ctx.json(PaceAnswers.charts(self[0].pace(ctx))));
            config.routes.post("/api/document", ctx -> self[0].answer(ctx, r -> new Document(r.source().name(),
                r.source().document())));
            config.routes.exception(InputException.class, (e, ctx) -> refuse(ctx, 400, e.getMessage(),
                e instanceof FieldException f ? f.field : null));
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("funnel serve: " + ctx.path() + ": " + e);
                refuse(ctx, 500, "the server failed on this request: " + e.getMessage(), null);
            });
            config.routes.error(404, ctx -> refuse(ctx, 404, "no such page or API: " + ctx.method() + " " + ctx.path(), null));
            config.routes.error(413, ctx -> refuse(ctx, 413, "the request is larger than " + MAX_REQUEST_BYTES
                + " bytes; a scenario never needs that", null));
        });
        self[0] = new Explorer(List.copyOf(scenarios), app, pool, store);
        app.start(host, port);
        return self[0];
    }

    /**
     * Computes each scenario's figures once in the background, so that the JIT has compiled the
     * exact method before the first visitor moves a number (the first answer takes about 0.8 s
     * cold, later ones a tenth of that).
     */
    public void warmUp() {
        Thread t = new Thread(() -> {
            for (ScenarioSource s : scenarios) {
                try {
                    Answers.figures(s.read(List.of()), 0.8, false);
                } catch (RuntimeException e) {
                    // the first request will report it
                }
            }
        }, "funnel-serve-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The pace the request asks for (query: month, rep, from, to) from the store; refused without one. */
    private Pace pace(Context ctx) {
        Store s = store.orElseThrow(() -> new FieldException("this explorer was started without a store: start it with "
            + "funnel serve --db DB to see the month's pace", "db"));
        return Parallelism.with(pool, () -> PaceAnswers.pace(s, ctx.queryParam("month"), ctx.queryParam("rep"),
            ctx.queryParam("from"), ctx.queryParam("to")));
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void refuse(Context ctx, int status, String message, String field) {
        ctx.status(status).json(new Refusal(message, field));
    }

    /** A refused request: the message and, where it names one, the setting or request key it belongs to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refusal(String error, String field) {
    }

    /** A scenario the page can choose, with its document. */
    record Listed(int index, String name, JsonNode document) {
    }

    /** An opened scenario's document, as the page's editor shows it. */
    record Document(String name, JsonNode document) {
    }

    private void list(Context ctx) {
        ctx.json(IntStream.range(0, scenarios.size()).mapToObj(i -> new Listed(i, scenarios.get(i).name(),
            scenarios.get(i).document())).toList());
    }

    /** What a request asks about: a scenario (one of the server's, or the page's opened file) and its settings. */
    record Ask(Scenario scenario, ScenarioSource source, List<Setting> settings, double confidence, boolean uncertainty,
               long seed, int from, int count, int width, int height, Scenario pinned) {
    }

    /** Answers on the explorer's one bounded pool, whatever the number of requests at once. */
    private void answer(Context ctx, Function<Ask, Object> what) {
        String key = ctx.path() + "\n" + ctx.body();
        Object answer = answered.get(key);
        if (answer == null) {
            Ask ask = ask(ctx);
            answer = Parallelism.with(pool, () -> what.apply(ask));
            computed.incrementAndGet();
            answered.put(key, answer);
        }
        ctx.json(answer);
    }

    /** How many answers were computed, not taken from those kept. */
    long computed() {
        return computed.get();
    }

    private void download(Context ctx) {
        Ask ask = ask(ctx);
        String name = ask.source().name().replaceAll(".*[/\\\\]", "");
        ctx.contentType(ask.source().yaml() ? "application/yaml; charset=utf-8" : "application/json; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
            .result(ask.source().edited(ask.settings()));
    }

    /** Reads the request's JSON: every value checked, with a message that names it. */
    private Ask ask(Context ctx) {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new InputException("the request is not JSON (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            throw new InputException("the request must be a JSON object");
        }
        ScenarioSource source;
        JsonNode opened = body.get("source");
        if (opened != null && !opened.isNull()) {
            source = new ScenarioSource(text(opened, "name", "opened scenario"), text(opened, "text", null),
                opened.path("yaml").asBoolean(false));
        } else {
            int index = integer(body, "scenario", 0, 0, scenarios.size() - 1);
            source = scenarios.get(index);
        }
        List<Setting> settings = new ArrayList<>();
        JsonNode set = body.path("set");
        if (!set.isMissingNode() && !set.isArray()) {
            throw new InputException("set: expected a list of PATH=VALUE texts");
        }
        if (set.size() > MAX_SETTINGS) {
            throw new InputException("set: at most " + MAX_SETTINGS + " settings, got " + set.size());
        }
        for (JsonNode s : set) {
            if (!s.isTextual()) {
                throw new InputException("set: expected PATH=VALUE texts, got " + s);
            }
            settings.add(Setting.parse(s.asText()));
        }
        Scenario scenario;
        try {
            scenario = source.read(settings);
        } catch (InputException e) {
            throw new FieldException(e.getMessage(), field(e.getMessage(), settings));
        }
        double confidence = body.path("confidence").asDouble(0.8);
        if (!(confidence > 0 && confidence < 1)) {
            throw new FieldException("confidence must lie strictly between 0 and 1, got " + body.path("confidence"),
                "confidence");
        }
        JsonNode uncertainty = body.path("uncertainty");
        if (!uncertainty.isMissingNode() && !uncertainty.isBoolean()) {
            throw new FieldException("uncertainty: expected true or false, got " + uncertainty, "uncertainty");
        }
        // the pinned A of an A/B: the same scenario with A's settings, for the charts drawn over each other
        Scenario pinned = null;
        JsonNode pin = body.path("pinned");
        if (!pin.isMissingNode() && !pin.isNull()) {
            if (!pin.isArray() || pin.size() > MAX_SETTINGS) {
                throw new InputException("pinned: expected a list of at most " + MAX_SETTINGS + " PATH=VALUE texts");
            }
            List<Setting> a = new ArrayList<>();
            for (JsonNode s : pin) {
                if (!s.isTextual()) {
                    throw new InputException("pinned: expected PATH=VALUE texts, got " + s);
                }
                a.add(Setting.parse(s.asText()));
            }
            pinned = source.read(a);
        }
        return new Ask(scenario, source, settings, confidence, uncertainty.asBoolean(false), body.path("seed").asLong(42),
            integer(body, "from", 0, 0, Integer.MAX_VALUE - MAX_MONTHS), integer(body, "count", 1, 1, MAX_MONTHS),
            integer(body, "width", 640, 200, 2000), integer(body, "height", 380, 150, 2000), pinned);
    }

    /** The setting whose path the message names first, or null. */
    static String field(String message, List<Setting> settings) {
        String best = null;
        int at = Integer.MAX_VALUE;
        for (Setting s : settings) {
            int i = message.indexOf(s.path());
            if (i >= 0 && (i < at || i == at && s.path().length() > best.length())) {
                best = s.path();
                at = i;
            }
        }
        return best;
    }

    private static String text(JsonNode node, String key, String otherwise) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (otherwise != null) {
                return otherwise;
            }
            throw new InputException("source." + key + ": expected a text");
        }
        if (!v.isTextual()) {
            throw new InputException("source." + key + ": expected a text, got " + v);
        }
        return v.asText();
    }

    private static int integer(JsonNode body, String key, int otherwise, int min, int max) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) {
            return otherwise;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new InputException(key + ": expected a whole number in " + min + ".." + max + ", got " + v);
        }
        return v.asInt();
    }
}
