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
];
