-- funnelcast's store of daily snapshots (docs/store.md): one row per recorded day and scope (the
-- team, or one rep), with that day's stages, open pipeline and events. Portable SQL, the same for
-- SQLite and PostgreSQL: dates as ISO text, numbers as INTEGER and DOUBLE PRECISION.
CREATE TABLE snapshot_day (
    as_of            VARCHAR(10)   NOT NULL,
    scope            VARCHAR(300)  NOT NULL,
    source           VARCHAR(1000) NOT NULL,
    version          VARCHAR(40)   NOT NULL,
    horizon_start    VARCHAR(10)   NOT NULL,
    horizon_end      VARCHAR(10)   NOT NULL,
    working_days     INTEGER       NOT NULL,
    days_left        INTEGER       NOT NULL,
    target_wins      INTEGER,
    already_won      INTEGER       NOT NULL,
    method           VARCHAR(300)  NOT NULL,
    mean             DOUBLE PRECISION NOT NULL,
    p10              INTEGER       NOT NULL,
    p50              INTEGER       NOT NULL,
    p90              INTEGER       NOT NULL,
    pmf              TEXT          NOT NULL,
    p_hit            DOUBLE PRECISION,
    inflow_per_day   DOUBLE PRECISION,
    confidence       DOUBLE PRECISION NOT NULL,
    plan_per_day     DOUBLE PRECISION,
    needed_per_day   DOUBLE PRECISION,
    new_deals        INTEGER       NOT NULL,
    new_in_month     INTEGER       NOT NULL,
    wins             INTEGER       NOT NULL,
    losses           INTEGER       NOT NULL,
    PRIMARY KEY (as_of, scope)
);

CREATE TABLE snapshot_stage (
    as_of            VARCHAR(10)   NOT NULL,
    scope            VARCHAR(300)  NOT NULL,
    position         INTEGER       NOT NULL,
    stage            VARCHAR(300)  NOT NULL,
    entries          INTEGER       NOT NULL,
    open_deals       INTEGER       NOT NULL,
    plan_per_day     DOUBLE PRECISION,
    plan_stock       DOUBLE PRECISION,
    PRIMARY KEY (as_of, scope, stage),
    FOREIGN KEY (as_of, scope) REFERENCES snapshot_day (as_of, scope) ON DELETE CASCADE
);

CREATE TABLE snapshot_deal (
    as_of            VARCHAR(10)   NOT NULL,
    scope            VARCHAR(300)  NOT NULL,
    deal             VARCHAR(300)  NOT NULL,
    stage            VARCHAR(300)  NOT NULL,
    age              DOUBLE PRECISION NOT NULL,
    rep              VARCHAR(300),
    deal_value       DOUBLE PRECISION,
    p_win_month      DOUBLE PRECISION,
    PRIMARY KEY (as_of, scope, deal),
    FOREIGN KEY (as_of, scope) REFERENCES snapshot_day (as_of, scope) ON DELETE CASCADE
);

CREATE TABLE snapshot_event (
    as_of            VARCHAR(10)   NOT NULL,
    scope            VARCHAR(300)  NOT NULL,
    seq              INTEGER       NOT NULL,
    deal             VARCHAR(300)  NOT NULL,
    stage            VARCHAR(300)  NOT NULL,
    entered_at       VARCHAR(19)   NOT NULL,
    rep              VARCHAR(300),
    first_event      INTEGER       NOT NULL,
    PRIMARY KEY (as_of, scope, seq),
    FOREIGN KEY (as_of, scope) REFERENCES snapshot_day (as_of, scope) ON DELETE CASCADE
);
