package funnelcast.spark;

import funnelcast.InputException;
import funnelcast.sweep.Sweep;
import funnelcast.sweep.SweepEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * A sweep as an Apache Spark job. The job (every case's scenario text and settings) is broadcast;
 * each Spark task runs one slice ({@link Sweep#slices}): a whole case when there are at least as
 * many cases as cores, otherwise a run of blocks of a case's trials. The driver collects the
 * parts and combines each case's ({@link Sweep#combine}), so the rows are those of the local
 * engine, byte for byte: every slice is seeded by (seed, case, block) alone.
 *
 * <p>With {@code master} null, Spark's own configuration says where (spark-submit sets it);
 * {@code local[K]} runs in this process on K cores.
 */
public final class SparkSweepEngine implements SweepEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public List<Sweep.CaseResult> run(Sweep.Job job, String master, IntConsumer progress) {
        SparkSession spark = start(master, "funnelcast sweep");
        Counter counter = new Counter(job, progress);
        List<Sweep.CaseResult> rows;
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Sweep.Job apart = new Sweep.Job(job.cases(), job.options().withThreads(1));
            List<Sweep.Slice> slices = Sweep.slices(apart, sc.defaultParallelism());
            counter.slices(slices);
            sc.sc().addSparkListener(counter);
            Broadcast<Sweep.Job> shared = sc.broadcast(apart);
            List<Sweep.SliceResult> parts = sc.parallelize(slices, Math.max(1, slices.size()))
                .map(s -> Sweep.run(shared.value(), s))
                .collect();
            rows = Sweep.rows(job, parts);
        } finally {
            spark.stop();
        }
        counter.finish();
        return rows;
    }

    /** The master URLs Spark takes, checked before Spark starts so that a typo gets a message, not Spark's stack trace. */
    private static final Pattern MASTER = Pattern.compile(
        "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|spark://\\S+|yarn|k8s://\\S+");

    /** A Spark session on the master given (checked first), or the one spark-submit configures. */
    static SparkSession start(String master, String app) {
        SparkSession.Builder b = SparkSession.builder().appName(app)
            .config("spark.ui.enabled", "false");
        if (master != null) {
            if (!MASTER.matcher(master).matches()) {
                throw new InputException("--master " + master + ": expected a Spark master URL: local[K] (this process, "
                    + "K cores or *), spark://HOST:PORT, yarn or k8s://HOST:PORT");
            }
            b.master(master);
            if (master.startsWith("local")) {
                b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
        } else if (!new SparkConf().contains("spark.master")) {
            throw new InputException("--engine spark: give --master (e.g. 'local[2]' for this machine's 2 cores) or "
                + "run under spark-submit, which gives one");
        }
        try {
            return b.getOrCreate();
        } catch (Exception e) {
            throw new InputException("--master " + master + ": Spark could not start: " + e.getMessage());
        }
    }

    /**
     * Tells the cases done as their last slices finish on the executors (a listener on the driver,
     * each slice one task, a retried task counted once), and the rest once the job has returned.
     */
    private static final class Counter extends SparkListener {
        private final IntConsumer progress;
        private final int cases;
        private final Set<Integer> finished = ConcurrentHashMap.newKeySet();
        private final Map<Integer, AtomicInteger> remaining = new ConcurrentHashMap<>();
        /** Cases told so far; only the synchronized methods touch it. */
        private int done;
        private volatile List<Sweep.Slice> slices = List.of();

        Counter(Sweep.Job job, IntConsumer progress) {
            this.progress = progress;
            this.cases = job.cases().size();
        }

        void slices(List<Sweep.Slice> all) {
            for (Sweep.Slice s : all) {
                remaining.computeIfAbsent(s.index(), k -> new AtomicInteger()).incrementAndGet();
            }
            slices = all;
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            int partition = end.taskInfo().index();
            if (end.taskInfo().successful() && partition < slices.size() && finished.add(partition)
                && remaining.get(slices.get(partition).index()).decrementAndGet() == 0) {
                tell();
            }
        }

        synchronized void tell() {
            if (done < cases) {
                progress.accept(++done);
            }
        }

        synchronized void finish() {
            while (done < cases) {
                tell();
            }
        }
    }
}
