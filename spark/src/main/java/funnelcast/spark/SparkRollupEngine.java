package funnelcast.spark;

import funnelcast.rollup.RollupEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A roll-up's teams forecast as an Apache Spark job: each team one task, from its scenario's text
 * with the method, trials and seed of the local run (one thread a team), so the roll-up has the
 * same numbers as here.
 */
public final class SparkRollupEngine implements RollupEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<TeamResult> forecast(List<TeamCase> cases, Method method, String master) {
        SparkSession spark = SparkSweepEngine.start(master, "funnelcast rollup");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Method one = new Method(method.exact(), method.trials(), method.seed(), 1);
            return new ArrayList<>(sc.parallelize(cases, Math.max(1, cases.size()))
                .map(c -> RollupEngine.forecast(c, one))
                .collect());
        } finally {
            spark.stop();
        }
    }
}
