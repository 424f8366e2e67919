//! The workspace schema as an append-only list of migrations. A released migration is never edited
//! or removed: a change is a new entry at the end. `user_version` counts how many have been applied.

/// Each entry is one schema version; index + 1 is the `user_version` after applying it.
pub const MIGRATIONS: &[&str] = &[
    // v1: imported files with their original bytes, settlement lines, order snapshots, problems.
    r#"
CREATE TABLE imported_files (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL UNIQUE,
    name             TEXT NOT NULL,
    size             INTEGER NOT NULL,
    kind             TEXT NOT NULL CHECK (kind IN ('settlement', 'orders')),
    format           TEXT NOT NULL,
    encoding         TEXT,
    delimiter        TEXT,
    sheet            TEXT,
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL,
    rows_total       INTEGER NOT NULL,
    rows_new         INTEGER NOT NULL,
    rows_known       INTEGER NOT NULL,
    rows_conflicting INTEGER NOT NULL,
    rows_updated     INTEGER NOT NULL,
    rows_rejected    INTEGER NOT NULL,
    compression      TEXT NOT NULL
);

-- The original bytes, compressed, in chunks so a large file never needs one huge blob.
CREATE TABLE file_blobs (
    file_id INTEGER NOT NULL REFERENCES imported_files(id),
    chunk   INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (file_id, chunk)
) WITHOUT ROWID;

-- A settlement file's own summary (dLocal's HEADER row): the totals its lines must tie out to.
CREATE TABLE settlement_batches (
    id             INTEGER PRIMARY KEY,
    file_id        INTEGER NOT NULL REFERENCES imported_files(id),
    psp            TEXT NOT NULL,
    batch_ref      TEXT,
    currency       TEXT,
    items          INTEGER,
    gross_total    TEXT,
    fee_total      TEXT,
    net_total      TEXT,
    transfer_date  TEXT,
    row_no         INTEGER NOT NULL
);

CREATE TABLE settlement_lines (
    id                  INTEGER PRIMARY KEY,
    identity            TEXT NOT NULL UNIQUE,
    content_hash        TEXT NOT NULL,
    file_id             INTEGER NOT NULL REFERENCES imported_files(id),
    sheet               TEXT,
    row_no              INTEGER NOT NULL,
    psp                 TEXT NOT NULL,
    batch_ref           TEXT,
    row_type            TEXT NOT NULL,
    raw_row_type        TEXT,
    status              TEXT NOT NULL,
    raw_status          TEXT,
    merchant_ref        TEXT,
    psp_txn_id          TEXT,
    psp_order_id        TEXT,
    payment_method      TEXT,
    payment_type        TEXT,
    local_amount        TEXT,
    local_currency      TEXT,
    gross_amount        TEXT,
    fee_amount          TEXT,
    tax_amount          TEXT,
    net_amount          TEXT,
    settlement_currency TEXT,
    fx_rate             TEXT,
    created_at          TEXT,
    approved_at         TEXT,
    settled_at          TEXT,
    expires_at          TEXT,
    payer_email         TEXT,
    payer_document      TEXT,
    description         TEXT,
    tax_detail          TEXT
);
CREATE INDEX settlement_lines_merchant_ref ON settlement_lines(merchant_ref);
CREATE INDEX settlement_lines_file ON settlement_lines(file_id);

-- A row whose identity is already known with different content: kept, flagged, never merged.
CREATE TABLE line_conflicts (
    id           INTEGER PRIMARY KEY,
    line_id      INTEGER NOT NULL REFERENCES settlement_lines(id),
    file_id      INTEGER NOT NULL REFERENCES imported_files(id),
    sheet        TEXT,
    row_no       INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    line_json    TEXT NOT NULL,
    raw          TEXT NOT NULL
);

-- One row per order the shop knows; its current state is the snapshot it points at.
CREATE TABLE shop_orders (
    id                  INTEGER PRIMARY KEY,
    platform            TEXT NOT NULL,
    order_key           TEXT NOT NULL,
    current_snapshot_id INTEGER,
    UNIQUE (platform, order_key)
);

-- Every distinct state of an order as some export showed it, with the file it came from.
CREATE TABLE order_snapshots (
    id                INTEGER PRIMARY KEY,
    order_id          INTEGER NOT NULL REFERENCES shop_orders(id),
    file_id           INTEGER NOT NULL REFERENCES imported_files(id),
    sheet             TEXT,
    row_no            INTEGER NOT NULL,
    content_hash      TEXT NOT NULL,
    order_name        TEXT,
    shop_order_id     TEXT,
    financial_status  TEXT NOT NULL,
    raw_status        TEXT,
    currency          TEXT,
    total             TEXT,
    subtotal          TEXT,
    shipping          TEXT,
    taxes             TEXT,
    discount          TEXT,
    refunded          TEXT,
    outstanding       TEXT,
    created_at        TEXT,
    paid_at           TEXT,
    cancelled_at      TEXT,
    expires_at        TEXT,
    payment_method    TEXT,
    payment_reference TEXT,
    payment_id        TEXT,
    email             TEXT,
    customer_name     TEXT,
    state_rank        TEXT NOT NULL
);
CREATE INDEX order_snapshots_order ON order_snapshots(order_id);

CREATE TABLE order_items (
    snapshot_id INTEGER NOT NULL REFERENCES order_snapshots(id),
    seq         INTEGER NOT NULL,
    row_no      INTEGER NOT NULL,
    name        TEXT,
    sku         TEXT,
    quantity    TEXT,
    price       TEXT,
    PRIMARY KEY (snapshot_id, seq)
) WITHOUT ROWID;

CREATE TABLE import_problems (
    id       INTEGER PRIMARY KEY,
    file_id  INTEGER NOT NULL REFERENCES imported_files(id),
    sheet    TEXT,
    row_no   INTEGER,
    col      TEXT,
    severity TEXT NOT NULL,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL
);

-- Named column mappings for layouts Cuadra does not know (the generic profile).
CREATE TABLE profiles (
    name             TEXT PRIMARY KEY,
    header_signature TEXT NOT NULL,
    definition       TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX profiles_signature ON profiles(header_signature);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Evidence is append-only: the database itself refuses edits.
CREATE TRIGGER imported_files_no_delete BEFORE DELETE ON imported_files
BEGIN SELECT RAISE(ABORT, 'imported files are evidence and cannot be deleted'); END;
CREATE TRIGGER imported_files_no_update BEFORE UPDATE OF sha256, name, size, kind, format, imported_at, imported_by, compression ON imported_files
BEGIN SELECT RAISE(ABORT, 'imported files are evidence and cannot be changed'); END;
CREATE TRIGGER file_blobs_no_update BEFORE UPDATE ON file_blobs
BEGIN SELECT RAISE(ABORT, 'original files are evidence and cannot be changed'); END;
CREATE TRIGGER file_blobs_no_delete BEFORE DELETE ON file_blobs
BEGIN SELECT RAISE(ABORT, 'original files are evidence and cannot be deleted'); END;
CREATE TRIGGER settlement_lines_no_update BEFORE UPDATE ON settlement_lines
BEGIN SELECT RAISE(ABORT, 'settlement lines are evidence and cannot be changed'); END;
CREATE TRIGGER settlement_lines_no_delete BEFORE DELETE ON settlement_lines
BEGIN SELECT RAISE(ABORT, 'settlement lines are evidence and cannot be deleted'); END;
CREATE TRIGGER order_snapshots_no_update BEFORE UPDATE ON order_snapshots
BEGIN SELECT RAISE(ABORT, 'order snapshots are evidence and cannot be changed'); END;
CREATE TRIGGER order_snapshots_no_delete BEFORE DELETE ON order_snapshots
BEGIN SELECT RAISE(ABORT, 'order snapshots are evidence and cannot be deleted'); END;
"#,
    // v2: a re-imported conflicting row is looked up by its line and content, not scanned for.
    r#"
CREATE INDEX line_conflicts_line ON line_conflicts(line_id, content_hash);
"#,
    // v3: the audit trail (a hash chain), reconciliation runs and the current cases.
    r#"
-- Every act on the workspace, in order. `hash` = SHA-256(prev_hash || canonical bytes of the
-- event); the first event's prev_hash is 64 zeros. Append-only: the database refuses edits.
CREATE TABLE audit_events (
    seq       INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    subject   TEXT NOT NULL,
    before    TEXT,
    after     TEXT,
    reason    TEXT,
    note      TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_events_subject ON audit_events(subject);
CREATE INDEX audit_events_actor ON audit_events(actor, seq);
CREATE INDEX audit_events_at ON audit_events(at);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: events cannot be deleted'); END;

-- One row per reconciliation run: what it was judged against and what it found.
CREATE TABLE recon_runs (
    id        INTEGER PRIMARY KEY,
    as_of     TEXT NOT NULL,
    ran_at    TEXT NOT NULL,
    actor     TEXT NOT NULL,
    settings  TEXT NOT NULL,
    orders    INTEGER NOT NULL,
    lines     INTEGER NOT NULL,
    cases     INTEGER NOT NULL,
    counts    TEXT NOT NULL,
    audit_seq INTEGER REFERENCES audit_events(seq)
);

-- The current cases: derived data, replaced as a whole by each run (the inputs, settings and
-- as-of of every run are in recon_runs, so any run can be derived again). Amounts are exact
-- decimal text; `sort_amount` is the case's main amount in units of 1/10000, for sorting and
-- range filters only. `fingerprint` hashes what the engine decided, so a rerun rewrites only the
-- cases that changed. `event_utc` (UTC) and `period` (YYYY-MM in the workspace zone) come from
-- the settlement date, else the paid time, else the order's creation.
CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    case_key            TEXT NOT NULL UNIQUE,
    run_id              INTEGER NOT NULL REFERENCES recon_runs(id),
    status              TEXT NOT NULL,
    engine_status       TEXT NOT NULL,
    rule                TEXT NOT NULL,
    state               TEXT NOT NULL DEFAULT 'open',
    order_id            INTEGER REFERENCES shop_orders(id),
    order_ref           TEXT,
    shop_order_id       TEXT,
    settlement_refs     TEXT NOT NULL DEFAULT '',
    matched_keys        TEXT NOT NULL DEFAULT '',
    order_total         TEXT,
    paid_amount         TEXT,
    difference          TEXT,
    currency            TEXT,
    fee_total           TEXT,
    tax_total           TEXT,
    net_settled         TEXT,
    settlement_currency TEXT,
    psp                 TEXT,
    payment_method      TEXT,
    order_created_at    TEXT,
    paid_at             TEXT,
    voucher_expires_at  TEXT,
    settled_at          TEXT,
    shop_status         TEXT,
    customer            TEXT,
    decided_by          TEXT NOT NULL,
    explanation         TEXT NOT NULL,
    sort_amount         INTEGER,
    event_utc           TEXT,
    period              TEXT,
    fingerprint         TEXT NOT NULL
);
CREATE INDEX cases_status ON cases(status, event_utc);
CREATE INDEX cases_event ON cases(event_utc);
CREATE INDEX cases_period ON cases(period, status);
CREATE INDEX cases_order ON cases(order_id);

-- Which settlement lines each current case holds: a line is in exactly one case.
CREATE TABLE case_lines (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    line_id INTEGER NOT NULL UNIQUE REFERENCES settlement_lines(id),
    PRIMARY KEY (case_id, line_id)
) WITHOUT ROWID;
"#,
    // v4: what people decided about cases, and the links they made or undid by hand.
    r#"
-- Every review act on a case (confirm, match, unmatch, resolve, reopen, note), append-only.
-- `membership` is the case's order id and sorted line ids when decided: a decision applies to
-- a rerun's case only while its membership is the same.
CREATE TABLE case_decisions (
    id            INTEGER PRIMARY KEY,
    case_key      TEXT NOT NULL,
    action        TEXT NOT NULL,
    status_before TEXT NOT NULL,
    state_after   TEXT NOT NULL,
    membership    TEXT NOT NULL,
    reason        TEXT,
    note          TEXT,
    actor         TEXT NOT NULL,
    at            TEXT NOT NULL,
    audit_seq     INTEGER NOT NULL REFERENCES audit_events(seq)
);
CREATE INDEX case_decisions_key ON case_decisions(case_key, id);
CREATE TRIGGER case_decisions_no_update BEFORE UPDATE ON case_decisions
BEGIN SELECT RAISE(ABORT, 'decisions are part of the audit trail and cannot be changed'); END;
CREATE TRIGGER case_decisions_no_delete BEFORE DELETE ON case_decisions
BEGIN SELECT RAISE(ABORT, 'decisions are part of the audit trail and cannot be deleted'); END;

-- Links made by hand: `link` puts a line in an order's case whatever the keys say; `unlink`
-- keeps a line out of that order's case. The latest row for a line governs.
CREATE TABLE manual_links (
    id          INTEGER PRIMARY KEY,
    line_id     INTEGER NOT NULL REFERENCES settlement_lines(id),
    order_id    INTEGER NOT NULL REFERENCES shop_orders(id),
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink')),
    decision_id INTEGER NOT NULL REFERENCES case_decisions(id)
);
CREATE INDEX manual_links_line ON manual_links(line_id, id);
CREATE TRIGGER manual_links_no_update BEFORE UPDATE ON manual_links
BEGIN SELECT RAISE(ABORT, 'manual links are part of the audit trail and cannot be changed'); END;
CREATE TRIGGER manual_links_no_delete BEFORE DELETE ON manual_links
BEGIN SELECT RAISE(ABORT, 'manual links are part of the audit trail and cannot be deleted'); END;
"#,
    // v5: closed periods with their seals, and the retention purge (grants and tombstones).
    r#"
-- A period (YYYY-MM) that was closed at least once. `state` is its current state; the seal
-- columns describe its latest close: a hash over the period's cases and the audit chain head
-- (`head_seq`, `head_hash`) at that moment. Every close and reopen is an audit event
-- (`period_close`, `period_reopen`); this row is never deleted.
CREATE TABLE periods (
    period      TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    state       TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    seal        TEXT NOT NULL,
    cases       INTEGER NOT NULL,
    head_seq    INTEGER NOT NULL,
    head_hash   TEXT NOT NULL,
    closed_at   TEXT NOT NULL,
    closed_by   TEXT NOT NULL,
    close_seq   INTEGER NOT NULL REFERENCES audit_events(seq),
    reopened_at TEXT,
    reopened_by TEXT,
    reopen_seq  INTEGER REFERENCES audit_events(seq)
);
CREATE TRIGGER periods_no_delete BEFORE DELETE ON periods
BEGIN SELECT RAISE(ABORT, 'period records are part of the audit trail and cannot be deleted'); END;

-- The cases a close sealed, as they were: verify names the cases changed since. Append-only.
CREATE TABLE period_seal_cases (
    close_seq   INTEGER NOT NULL REFERENCES audit_events(seq),
    case_key    TEXT NOT NULL,
    status      TEXT NOT NULL,
    state       TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    decided_by  TEXT NOT NULL,
    PRIMARY KEY (close_seq, case_key)
) WITHOUT ROWID;
CREATE TRIGGER period_seal_cases_no_update BEFORE UPDATE ON period_seal_cases
BEGIN SELECT RAISE(ABORT, 'a period seal is part of the audit trail and cannot be changed'); END;
CREATE TRIGGER period_seal_cases_no_delete BEFORE DELETE ON period_seal_cases
BEGIN SELECT RAISE(ABORT, 'a period seal is part of the audit trail and cannot be deleted'); END;

-- Files a retention purge may delete: rows exist only inside the purge's own transaction.
-- The delete triggers below let evidence of a granted file go and refuse everything else. This
-- guards against accidents and casual edits; tamper evidence is the hash chain and the files'
-- SHA-256s, not the triggers (anyone with the file can drop a trigger).
CREATE TABLE purge_grants (
    file_id INTEGER PRIMARY KEY
);

DROP TRIGGER imported_files_no_delete;
CREATE TRIGGER imported_files_no_delete BEFORE DELETE ON imported_files
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'imported files are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
DROP TRIGGER file_blobs_no_delete;
CREATE TRIGGER file_blobs_no_delete BEFORE DELETE ON file_blobs
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.file_id)
BEGIN SELECT RAISE(ABORT, 'original files are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
DROP TRIGGER settlement_lines_no_delete;
CREATE TRIGGER settlement_lines_no_delete BEFORE DELETE ON settlement_lines
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.file_id)
BEGIN SELECT RAISE(ABORT, 'settlement lines are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
DROP TRIGGER order_snapshots_no_delete;
CREATE TRIGGER order_snapshots_no_delete BEFORE DELETE ON order_snapshots
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.file_id)
BEGIN SELECT RAISE(ABORT, 'order snapshots are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
-- A hand-made link goes only with its settlement line, or with its order once the purge has
-- removed every snapshot of that order. (The decision that made it stays, in case_decisions.)
DROP TRIGGER manual_links_no_delete;
CREATE TRIGGER manual_links_no_delete BEFORE DELETE ON manual_links
WHEN NOT EXISTS (SELECT 1 FROM settlement_lines l JOIN purge_grants g ON g.file_id = l.file_id
                 WHERE l.id = OLD.line_id)
 AND NOT (EXISTS (SELECT 1 FROM purge_grants)
          AND NOT EXISTS (SELECT 1 FROM order_snapshots WHERE order_id = OLD.order_id))
BEGIN SELECT RAISE(ABORT, 'manual links are part of the audit trail and cannot be deleted'); END;

-- What remains of a purged file: its identity (SHA-256), what it held and its totals, so the
-- audit trail's import and purge events still point at something. Append-only.
CREATE TABLE purged_files (
    file_id          INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL,
    name             TEXT NOT NULL,
    size             INTEGER NOT NULL,
    kind             TEXT NOT NULL,
    format           TEXT NOT NULL,
    imported_at      TEXT NOT NULL,
    imported_by      TEXT NOT NULL,
    rows_total       INTEGER NOT NULL,
    rows_new         INTEGER NOT NULL,
    rows_known       INTEGER NOT NULL,
    rows_conflicting INTEGER NOT NULL,
    rows_updated     INTEGER NOT NULL,
    rows_rejected    INTEGER NOT NULL,
    removed          TEXT NOT NULL,
    totals           TEXT NOT NULL,
    last_period      TEXT NOT NULL,
    kept_until       TEXT NOT NULL,
    purged_at        TEXT NOT NULL,
    purged_by        TEXT NOT NULL,
    audit_seq        INTEGER NOT NULL REFERENCES audit_events(seq)
);
CREATE INDEX purged_files_sha256 ON purged_files(sha256);
CREATE TRIGGER purged_files_no_update BEFORE UPDATE ON purged_files
BEGIN SELECT RAISE(ABORT, 'purge records are part of the audit trail and cannot be changed'); END;
CREATE TRIGGER purged_files_no_delete BEFORE DELETE ON purged_files
BEGIN SELECT RAISE(ABORT, 'purge records are part of the audit trail and cannot be deleted'); END;
"#,
    // v6: the cases table sorts by amount and filters open cases by date without a full scan.
    r#"
CREATE INDEX cases_amount ON cases(sort_amount);
CREATE INDEX cases_state_event ON cases(state, event_utc);
"#,
    // v7: a month's open cases newest first, and cases in status order, straight from an index.
    r#"
CREATE INDEX cases_period_state_event ON cases(period, state, event_utc);
CREATE INDEX cases_status_id ON cases(status);
"#,
    // v8: what a million cases need to answer at once, kept by every write of cases
    // (cases/derived.rs): the dashboard's rollups per period, day (the case's date in the
    // workspace zone), PSP, status and currency, with exact decimal sums as text; and the case
    // search index (trigram, so any part of a reference or name is found). Built on first open.
    r#"
CREATE TABLE dash_status (
    period      TEXT NOT NULL,
    day         TEXT NOT NULL,
    psp         TEXT NOT NULL,
    status      TEXT NOT NULL,
    currency    TEXT NOT NULL,
    cases       INTEGER NOT NULL,
    open        INTEGER NOT NULL,
    amount      TEXT NOT NULL,
    open_amount TEXT NOT NULL,
    PRIMARY KEY (period, day, psp, status, currency)
) WITHOUT ROWID;
CREATE TABLE dash_daily (
    period   TEXT NOT NULL,
    day      TEXT NOT NULL,
    psp      TEXT NOT NULL,
    on_day   TEXT NOT NULL,
    currency TEXT NOT NULL,
    n        INTEGER NOT NULL,
    paid     TEXT NOT NULL,
    settled  TEXT NOT NULL,
    PRIMARY KEY (period, day, psp, on_day, currency)
) WITHOUT ROWID;
CREATE TABLE dash_settled (
    period   TEXT NOT NULL,
    day      TEXT NOT NULL,
    psp      TEXT NOT NULL,
    currency TEXT NOT NULL,
    lines    INTEGER NOT NULL,
    gross    TEXT NOT NULL,
    fees     TEXT NOT NULL,
    taxes    TEXT NOT NULL,
    net      TEXT NOT NULL,
    PRIMARY KEY (period, day, psp, currency)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE cases_search USING fts5(body, tokenize = 'trigram', detail = 'none');
-- The payment methods the case filter offers, read by skipping through this index.
CREATE INDEX cases_method ON cases(payment_method);
-- The dashboard's aging of open vouchers (it depends on the as-of, so it is not rolled up): all
-- it reads of them, in an index of those cases only.
CREATE INDEX cases_open_vouchers ON cases(period, psp, event_utc, order_created_at,
    voucher_expires_at, order_total, paid_amount, net_settled, currency, settlement_currency)
    WHERE status = 'awaiting_payment' AND state = 'open';
CREATE TABLE derived_built (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    built_at TEXT NOT NULL
);
"#,
    // v9: lines of one report that repeat the money of a line of another report of the same
    // PSP (Mercado Pago's release report beside its settlement report): kept as evidence, in
    // the case of the line they repeat, never counted twice. Derived at import (and for older
    // workspaces when this migration runs) from the lines' ids, kinds and net amounts; the
    // lines themselves are never touched.
    r#"
CREATE TABLE line_echoes (
    line_id    INTEGER PRIMARY KEY REFERENCES settlement_lines(id),
    of_line_id INTEGER NOT NULL UNIQUE REFERENCES settlement_lines(id)
);
-- A batch that is its file (a total among the rows): the rows it lists and their net, known
-- rows included, counted at import (NULL for a summary block, tied out against its lines).
ALTER TABLE settlement_batches ADD COLUMN file_rows INTEGER;
ALTER TABLE settlement_batches ADD COLUMN file_rows_net TEXT;
"#,
    // v10: evidence people attach to a case (a PSP ticket, a receipt: PDF or image), kept byte
    // for byte. The bytes are stored once per SHA-256, whichever cases they are attached to;
    // each attachment names its case by key (cases are derived and rewritten by runs, their
    // keys are not) and the audit event that recorded it. Append-only, and never purged:
    // retention purges imported files only (see retention.rs).
    r#"
CREATE TABLE attachment_blobs (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    data   BLOB NOT NULL
);
CREATE TABLE case_attachments (
    id         INTEGER PRIMARY KEY,
    case_key   TEXT NOT NULL,
    name       TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL REFERENCES attachment_blobs(sha256),
    note       TEXT,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL,
    audit_seq  INTEGER NOT NULL REFERENCES audit_events(seq),
    UNIQUE (case_key, sha256)
);
CREATE TRIGGER attachment_blobs_no_update BEFORE UPDATE ON attachment_blobs
BEGIN SELECT RAISE(ABORT, 'attached files are evidence and cannot be changed'); END;
CREATE TRIGGER attachment_blobs_no_delete BEFORE DELETE ON attachment_blobs
BEGIN SELECT RAISE(ABORT, 'attached files are evidence and cannot be deleted'); END;
CREATE TRIGGER case_attachments_no_update BEFORE UPDATE ON case_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are part of the audit trail and cannot be changed'); END;
CREATE TRIGGER case_attachments_no_delete BEFORE DELETE ON case_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are part of the audit trail and cannot be deleted'); END;
"#,
    // v11: the case search's index holds folded text (accents off, `store::fold`): forget that
    // the derived tables were built, so the next open builds them again with it.
    r#"
DELETE FROM derived_built;
"#,
    // v12: incremental runs (`cases/incremental.rs`). A case whose status depends on the as-of
    // keeps the moment it turns (`time_edge`, Unix seconds), found by index when a later as-of
    // crosses it; each run records how far into the rows it reached (`upto_*`: the highest
    // line, snapshot, order, batch row and conflict id it read; `purged`: purged files then) and
    // how it ran (`mode`: full or partial), so the next run knows what is new. `recon_keys`
    // holds the hash of every normalized key of every order (`ref` = order id) and line
    // (`ref` = -line id) a run has read: a partial run finds the neighbours of what changed
    // through it (a shared hash only adds a candidate, never a link). Lines by batch: a batch
    // summary read later dates its earlier lines.
    r#"
ALTER TABLE cases ADD COLUMN time_edge INTEGER;
CREATE INDEX cases_time_edge ON cases(time_edge) WHERE time_edge IS NOT NULL;
ALTER TABLE recon_runs ADD COLUMN mode TEXT;
ALTER TABLE recon_runs ADD COLUMN upto_line INTEGER;
ALTER TABLE recon_runs ADD COLUMN upto_snapshot INTEGER;
ALTER TABLE recon_runs ADD COLUMN upto_order INTEGER;
ALTER TABLE recon_runs ADD COLUMN upto_batch INTEGER;
ALTER TABLE recon_runs ADD COLUMN upto_conflict INTEGER;
ALTER TABLE recon_runs ADD COLUMN purged INTEGER;
CREATE INDEX settlement_lines_batch ON settlement_lines(psp, batch_ref);
CREATE TABLE recon_keys (
    hash INTEGER NOT NULL,
    ref  INTEGER NOT NULL,
    PRIMARY KEY (hash, ref)
) WITHOUT ROWID;
"#,
    // v13: bank statements (issue 18): the
    // statements a bank file holds, with their balances, and their booked entries. Both are
    // evidence, append-only like settlement lines; a retention purge removes them with their
    // file. `imported_files.kind` gains 'bank_statement': SQLite cannot alter a CHECK, and
    // rebuilding the table would need foreign keys off (impossible inside the migrations'
    // transaction), so the constraint's text is widened in place: loosening a CHECK leaves
    // every stored row valid and the file format unchanged, the case SQLite documents for
    // `writable_schema` (lang_altertable.html, "making other kinds of table schema changes");
    // `store::migrate` bumps `schema_version` after it so every connection re-reads the schema.
    r#"
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (kind IN (''settlement'', ''orders''))',
                          'CHECK (kind IN (''settlement'', ''orders'', ''bank_statement''))')
 WHERE type = 'table' AND name = 'imported_files';
PRAGMA writable_schema = OFF;

CREATE TABLE bank_statements (
    id              INTEGER PRIMARY KEY,
    -- account:currency:statement reference:sequence:from:to: the same statement in another file is known.
    identity        TEXT NOT NULL UNIQUE,
    file_id         INTEGER NOT NULL REFERENCES imported_files(id),
    row_no          INTEGER NOT NULL,
    format          TEXT NOT NULL,
    statement_ref   TEXT NOT NULL,
    sequence        TEXT,
    account         TEXT NOT NULL,
    currency        TEXT NOT NULL,
    from_date       TEXT NOT NULL,
    to_date         TEXT NOT NULL,
    opening_balance TEXT NOT NULL,
    closing_balance TEXT NOT NULL,
    credits_total   TEXT NOT NULL,
    debits_total    TEXT NOT NULL,
    entries         INTEGER NOT NULL
);
CREATE INDEX bank_statements_account ON bank_statements(account, currency, from_date);

CREATE TABLE bank_entries (
    id            INTEGER PRIMARY KEY,
    -- ref:account:currency:reference#n, or fp:account:currency:date:amount:text#n
    identity      TEXT NOT NULL UNIQUE,
    content_hash  TEXT NOT NULL,
    statement_id  INTEGER NOT NULL REFERENCES bank_statements(id),
    file_id       INTEGER NOT NULL REFERENCES imported_files(id),
    row_no        INTEGER NOT NULL,
    account       TEXT NOT NULL,
    booking_date  TEXT NOT NULL,
    value_date    TEXT,
    amount        TEXT NOT NULL,
    currency      TEXT NOT NULL,
    direction     TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
    reversal      INTEGER NOT NULL CHECK (reversal IN (0, 1)),
    bank_ref      TEXT,
    customer_ref  TEXT,
    tx_code       TEXT,
    remittance    TEXT,
    counterparty  TEXT
);
CREATE INDEX bank_entries_statement ON bank_entries(statement_id);
CREATE INDEX bank_entries_booking ON bank_entries(account, booking_date);

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements
BEGIN SELECT RAISE(ABORT, 'bank statements are evidence and cannot be changed'); END;
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.file_id)
BEGIN SELECT RAISE(ABORT, 'bank statements are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
CREATE TRIGGER bank_entries_no_update BEFORE UPDATE ON bank_entries
BEGIN SELECT RAISE(ABORT, 'bank entries are evidence and cannot be changed'); END;
CREATE TRIGGER bank_entries_no_delete BEFORE DELETE ON bank_entries
WHEN NOT EXISTS (SELECT 1 FROM purge_grants WHERE file_id = OLD.file_id)
BEGIN SELECT RAISE(ABORT, 'bank entries are evidence and cannot be deleted (only a retention purge removes files past retention)'); END;
"#,
];
