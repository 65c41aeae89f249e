package funnelcast;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The one place every Jackson mapper is configured. A configured mapper is safe to share between
 * threads, so each is made once: a scenario is no longer read through a mapper built for it
 * (every explorer request read one).
 */
public final class Mappers {
    /** What a scenario document may hold at most: far beyond any real one. */
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
        .maxNestingDepth(64).maxNumberLength(100).maxStringLength(1_000_000).build();

    /** Scenario documents in JSON: duplicate keys and trailing tokens refused, NaN read so its path can be named. */
    public static final ObjectMapper SCENARIO_JSON = scenario(JsonMapper.builder(new JsonFactoryBuilder()
        .streamReadConstraints(LIMITS).build()).build());
    /** Scenario documents in YAML, read as the same tree JSON gives. */
    public static final ObjectMapper SCENARIO_YAML = scenario(new YAMLMapper(YAMLFactory.builder()
        .streamReadConstraints(LIMITS).build()));
    /** What the commands and files print: indented JSON, records written as they are, dates as ISO text. */
    public static final ObjectMapper OUTPUT = output().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** Plain JSON: the explorer's requests and answers, a --set value. */
    public static final ObjectMapper PLAIN = output().build();
    /** CSV, read as rows of text cells (a history) and written through a schema per file (a sweep, a simulated history). */
    public static final CsvMapper CSV = new CsvMapper();

    private Mappers() {
    }

    /** Optional values written as their value or left out, java.time values as ISO text. */
    private static JsonMapper.Builder output() {
        return JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static ObjectMapper scenario(ObjectMapper mapper) {
        // NaN and Infinity are read so that the message can name the value's path.
        mapper.enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
        return mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
