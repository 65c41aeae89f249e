/**
 * The store of daily snapshots: each recorded day's forecast, plan, stages, open pipeline and
 * events, in an SQLite file or on a PostgreSQL server, one schema for both under Flyway's
 * migrations. JDBC and Flyway are used here only.
 *
 * <p>Layer: uses nothing of funnelcast's but its input errors. The layers and the flow between
 * them are told once, in docs/model.md; {@code LayeringTest} keeps them.
 */
package funnelcast.store;
