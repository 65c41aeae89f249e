package funnelcast.spark;

import funnelcast.segment.SegmentEngine;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code calibrate --by}'s segments calibrated as an Apache Spark job: each segment one task,
 * its history read once by the driver and shipped with the shared settings, calibrated as the
 * local engine calibrates it; the driver writes the scenarios, so they are the local ones.
 */
public final class SparkSegmentEngine implements SegmentEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<Result> calibrate(List<Case> cases, String master) {
        if (cases.isEmpty()) {
            return List.of();
        }
        SparkSession spark = SparkSweepEngine.start(master, "funnelcast calibrate --by");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return new ArrayList<>(sc.parallelize(cases, cases.size()).map(SegmentEngine::calibrate).collect());
        } finally {
            spark.stop();
        }
    }
}
