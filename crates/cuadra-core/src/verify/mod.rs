//! `verify`: every stored figure provably comes from its evidence. Checks, each reported apart:
//!
//! - `integrity`: SQLite's own `PRAGMA integrity_check` over the whole file.
//! - `audit_chain`: every event hashes to the next ([`crate::audit`]).
//! - `witness`: the chain is not shorter than, nor different from, the head last seen outside
//!   the database (the `.head` file beside the workspace, see [`witness_path`]).
//! - `evidence`: each stored original decompresses to the SHA-256 its file is known by, and that
//!   SHA-256 is the one the import's audit event recorded; each file attached to a case hashes
//!   to its SHA-256 and is the file its `case_attach` event recorded (name, media type, size,
//!   SHA-256), and every such event has its attachment.
//! - `derived_rows`: every file is imported again, from its stored original, in the order it
//!   was imported, into a scratch workspace (same profile, same zone, same actor and time), and
//!   every stored row (settlement lines, their other versions, order snapshots and items, the
//!   orders' current states, batch summaries, file counts, repeated lines) is compared with what
//!   the original gives; the file's rows must also hash to the root the import recorded.
//! - `periods`: each closed period's seal ([`crate::periods`]).
//! - `cases`: the last reconciliation is run again on a copy of the workspace, at its stored
//!   as-of, and every stored case is compared with what it gives (skipped, and said, when files
//!   or settings changed after that run).
//!
//! The cheap parts (chain and witness) can run on every open: [`Workspace::quick_verify`].
//! Nothing here writes to the workspace; scratch copies live in a temporary folder.

pub use crate::words::verify as words;

use crate::ingest::{import_bytes, BadRowPolicy, ImportOptions};
use crate::msg;
use crate::store::{ImportedFile, StoreError, Workspace};
use crate::words::{Arg, Join, Lang, Msg};
use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;
use words::*;

/// At most this many findings are listed per check (the count says how many there were).
const MAX_FINDINGS: usize = 100;

/// How a check ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    Passed,
    Failed,
    /// Not run, and why (in the findings): it is no failure.
    Skipped,
}

/// One check of [`Workspace::verify`].
#[derive(Clone, Debug, Serialize)]
pub struct CheckResult {
    /// `integrity`, `audit_chain`, `witness`, `evidence`, `derived_rows`, `periods`, `cases`.
    pub check: &'static str,
    pub outcome: CheckOutcome,
    /// What is wrong (a failure), or why the check was skipped; at most [`MAX_FINDINGS`].
    #[serde(serialize_with = "english")]
    pub findings: Vec<Msg>,
    /// How many findings there were in all.
    pub found: u64,
    /// How many things were compared (rows, events, files, cases).
    pub compared: u64,
    pub seconds: f64,
}

fn english<S: serde::Serializer>(v: &[Msg], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|m| m.render_inline(Lang::En)))
}

/// What [`Workspace::verify`] found.
#[derive(Clone, Debug, Serialize)]
pub struct VerifyReport {
    pub checks: Vec<CheckResult>,
}

impl VerifyReport {
    /// Every check passed (or was skipped with its reason).
    pub fn ok(&self) -> bool {
        self.checks
            .iter()
            .all(|c| c.outcome != CheckOutcome::Failed)
    }
}

/// A check under way: findings collected, capped.
struct Check {
    name: &'static str,
    started: Instant,
    findings: Vec<Msg>,
    found: u64,
    compared: u64,
    skipped: bool,
}

impl Check {
    fn new(name: &'static str) -> Check {
        Check {
            name,
            started: Instant::now(),
            findings: Vec::new(),
            found: 0,
            compared: 0,
            skipped: false,
        }
    }

    fn find(&mut self, m: Msg) {
        self.found += 1;
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(m);
        }
    }

    fn skip(&mut self, why: Msg) {
        self.skipped = true;
        self.findings.push(why);
    }

    /// The result; a check that could not run to its end failed with the error's message.
    fn done(mut self, ran: Result<(), StoreError>) -> CheckResult {
        if let Err(e) = ran {
            self.find(e.msg());
        }
        let outcome = if self.found > 0 {
            CheckOutcome::Failed
        } else if self.skipped {
            CheckOutcome::Skipped
        } else {
            CheckOutcome::Passed
        };
        CheckResult {
            check: self.name,
            outcome,
            findings: self.findings,
            found: self.found,
            compared: self.compared,
            seconds: self.started.elapsed().as_secs_f64(),
        }
    }
}

pub use crate::store::witness::{witness_path, FileStamp, Witness};

impl Workspace {
    /// Whether the chain agrees with the witness beside the workspace: `None` when it does (or
    /// when there is no witness yet).
    pub fn check_witness(&self) -> Result<Option<Msg>, StoreError> {
        if self.path() == Path::new(":memory:") {
            return Ok(None);
        }
        let Some(w) = crate::store::witness::read(self.path()) else {
            return Ok(None);
        };
        self.check_against(&w, &witness_path(self.path()).display().to_string())
    }

    /// Whether the chain agrees with a head seen elsewhere (a backup, an export, a witness
    /// file), named `seen_in` in the message.
    pub fn check_against(&self, w: &Witness, seen_in: &str) -> Result<Option<Msg>, StoreError> {
        if w.seq <= 0 {
            return Ok(None);
        }
        let hash: Option<String> = self
            .conn()
            .query_row(
                "SELECT hash FROM audit_events WHERE seq = ?1",
                [w.seq],
                |r| r.get(0),
            )
            .optional()?;
        Ok(match hash {
            None => {
                let (head, _) = crate::audit::chain_head(self.conn())?;
                Some(msg!(WITNESS_SHORTER, w.seq, head, seen_in))
            }
            Some(h) if h != w.hash => Some(msg!(WITNESS_DIFFERENT, w.seq, seen_in)),
            Some(_) => None,
        })
    }

    /// Records the chain's head in the witness file beside the workspace, when the chain
    /// verifies and agrees with the witness (a witness that saw more is never overwritten:
    /// it is the evidence that events were deleted). Returns the head recorded.
    pub fn record_witness(&self) -> Result<Option<Witness>, StoreError> {
        if self.path() == Path::new(":memory:") || self.check_witness()?.is_some() {
            return Ok(None);
        }
        let v = self.verify_audit()?;
        if !v.ok() {
            return Ok(None);
        }
        let w = Witness {
            seq: v.head_seq,
            hash: v.head_hash,
            // The file as Cuadra last closed it: unchanged by a new head (the head is in the
            // database; the file itself changes when it is next written back).
            file: crate::store::witness::read(self.path()).and_then(|w| w.file),
        };
        crate::store::witness::write(self.path(), &w);
        Ok(Some(w))
    }

    /// The checks cheap enough for every open: the audit chain and the witness.
    pub fn quick_verify(&self) -> Result<VerifyReport, StoreError> {
        Ok(VerifyReport {
            checks: vec![self.check_chain(), self.check_witness_result()],
        })
    }

    /// Every check (see the module docs). `now` is the time the scratch run is recorded at.
    pub fn verify(&self, now: DateTime<Utc>) -> Result<VerifyReport, StoreError> {
        let scratch = tempfile::Builder::new()
            .prefix("cuadra-verify-")
            .tempdir()
            .map_err(|source| StoreError::CreateDir {
                path: std::env::temp_dir(),
                source,
            })?;
        let mut checks = vec![
            self.check_integrity(),
            self.check_chain(),
            self.check_witness_result(),
        ];
        let (evidence, files) = self.check_evidence();
        checks.push(evidence);
        checks.push(self.check_derived(scratch.path(), &files));
        checks.push(self.check_periods());
        checks.push(self.check_cases(scratch.path(), now));
        Ok(VerifyReport { checks })
    }

    fn check_integrity(&self) -> CheckResult {
        let mut c = Check::new("integrity");
        let ran = (|| {
            let mut stmt = self.conn().prepare("PRAGMA integrity_check(100)")?;
            let rows: Vec<String> = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            c.compared = self
                .conn()
                .query_row("PRAGMA page_count", [], |r| r.get::<_, i64>(0))?
                as u64;
            if rows.first().map(String::as_str) != Some("ok") {
                for r in rows {
                    c.find(msg!(INTEGRITY, r));
                }
            }
            Ok(())
        })();
        c.done(ran)
    }

    fn check_chain(&self) -> CheckResult {
        let mut c = Check::new("audit_chain");
        let ran = self.verify_audit().map(|v| {
            c.compared = v.events;
            if let Some((seq, why)) = v.first_broken {
                c.find(msg!(CHAIN, seq, why));
            }
        });
        c.done(ran)
    }

    fn check_witness_result(&self) -> CheckResult {
        let mut c = Check::new("witness");
        let ran = self.check_witness().map(|found| {
            c.compared = 1;
            if let Some(m) = found {
                c.find(m);
            }
        });
        c.done(ran)
    }

    /// Each file's original, checked against its SHA-256 and its import event; returns the
    /// files whose evidence holds, with their import events.
    fn check_evidence(&self) -> (CheckResult, Vec<(ImportedFile, serde_json::Value)>) {
        let mut c = Check::new("evidence");
        let mut good = Vec::new();
        let ran = (|| {
            let mut files = self.list_files()?;
            files.sort_by_key(|f| f.id);
            for file in files {
                c.compared += 1;
                let after: Option<String> = self
                    .conn()
                    .query_row(
                        "SELECT after FROM audit_events WHERE subject = ?1 AND action = 'import'
                         ORDER BY seq LIMIT 1",
                        [format!("file:{}", file.id)],
                        |r| r.get(0),
                    )
                    .optional()?
                    .flatten();
                let event: serde_json::Value = after
                    .as_deref()
                    .and_then(|a| serde_json::from_str(a).ok())
                    .unwrap_or_default();
                let why = if event.is_null() {
                    Some("its import is not in the audit trail".to_string())
                } else if event["sha256"].as_str() != Some(file.sha256.as_str()) {
                    Some(format!(
                        "its SHA-256 {} is not the {} recorded when it was imported",
                        file.sha256,
                        event["sha256"].as_str().unwrap_or("?")
                    ))
                } else {
                    match self.original_bytes(file.id) {
                        Ok(_) => None,
                        Err(e) => Some(e.msg().render_inline(Lang::En)),
                    }
                };
                match why {
                    Some(why) => c.find(msg!(EVIDENCE, file.id, &file.name, why)),
                    None => good.push((file, event)),
                }
            }
            self.check_attachments(&mut c)
        })();
        (c.done(ran), good)
    }

    /// Each attachment's bytes against its SHA-256, and its record against the `case_attach`
    /// event that recorded it; then the events left without an attachment.
    fn check_attachments(&self, c: &mut Check) -> Result<(), StoreError> {
        let mut stmt = self.conn().prepare(
            "SELECT seq, subject, after FROM audit_events WHERE action = 'case_attach' ORDER BY seq",
        )?;
        let mut events: BTreeMap<i64, (String, serde_json::Value)> = stmt
            .query_map([], |r| {
                let after: Option<String> = r.get(2)?;
                let after = after
                    .as_deref()
                    .and_then(|a| serde_json::from_str(a).ok())
                    .unwrap_or_default();
                Ok((r.get::<_, i64>(0)?, (r.get::<_, String>(1)?, after)))
            })?
            .collect::<Result<_, _>>()?;
        for a in self.all_attachments()? {
            c.compared += 1;
            let why = match events.remove(&a.audit_seq) {
                None => Some(format!(
                    "event {} of the audit trail does not record it",
                    a.audit_seq
                )),
                Some((subject, e))
                    if subject != format!("case:{}", a.case_key)
                        || e["name"].as_str() != Some(a.name.as_str())
                        || e["media_type"].as_str() != Some(a.media_type.as_str())
                        || e["bytes"].as_u64() != Some(a.bytes)
                        || e["sha256"].as_str() != Some(a.sha256.as_str()) =>
                {
                    Some(format!(
                        "its record ({}, {}, {} bytes, SHA-256 {}) is not what audit event {} recorded ({}, {}, {} bytes, SHA-256 {})",
                        a.name,
                        a.media_type,
                        a.bytes,
                        a.sha256,
                        a.audit_seq,
                        e["name"].as_str().unwrap_or("?"),
                        e["media_type"].as_str().unwrap_or("?"),
                        e["bytes"],
                        e["sha256"].as_str().unwrap_or("?"),
                    ))
                }
                Some(_) => match self.attachment_bytes(a.id) {
                    Ok(_) => None,
                    Err(StoreError::AttachmentDamaged { actual, .. }) => Some(format!(
                        "its stored bytes hash to {actual}, not to the {} recorded when it was attached",
                        a.sha256
                    )),
                    Err(e) => Some(e.msg().render_inline(Lang::En)),
                },
            };
            if let Some(why) = why {
                c.find(msg!(ATTACHMENT, a.id, &a.name, &a.case_key, why));
            }
        }
        for (seq, (subject, e)) in events {
            let key = subject.strip_prefix("case:").unwrap_or(&subject);
            let name = e["name"].as_str().unwrap_or("?");
            c.find(msg!(ATTACHMENT_MISSING, seq, key, name));
        }
        Ok(())
    }

    fn check_derived(
        &self,
        scratch: &Path,
        files: &[(ImportedFile, serde_json::Value)],
    ) -> CheckResult {
        let mut c = Check::new("derived_rows");
        let ran = (|| {
            let path = scratch.join("derived.db");
            self.derive(&path, files, &mut c)?;
            let purged: i64 = self.conn().query_row(
                "SELECT COUNT(*) FROM audit_events WHERE action = 'purge'",
                [],
                |r| r.get(0),
            )?;
            attach(self.conn(), &path, "derived")?;
            let compared = compare_rows(self.conn(), "derived", purged, &mut c);
            detach(self.conn(), "derived")?;
            compared
        })();
        c.done(ran)
    }

    /// Imports every file again from its original into a scratch workspace at `path`.
    fn derive(
        &self,
        path: &Path,
        files: &[(ImportedFile, serde_json::Value)],
        c: &mut Check,
    ) -> Result<(), StoreError> {
        let mut fresh = Workspace::open_known(path)?;
        {
            let tx = fresh.conn_mut().transaction()?;
            let mut stmt = self
                .conn()
                .prepare("SELECT name, header_signature, definition, created_at FROM profiles")?;
            let profiles = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            for p in profiles {
                let (name, signature, definition, created) = p?;
                tx.execute(
                    "INSERT INTO profiles(name, header_signature, definition, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![name, signature, definition, created],
                )?;
            }
            for (k, v) in self.stored_settings()? {
                tx.execute(
                    "INSERT OR REPLACE INTO settings(key, value) VALUES (?1, ?2)",
                    [k, v],
                )?;
            }
            tx.commit()?;
        }
        for (file, event) in files {
            let bytes = self.original_bytes(file.id)?;
            // The zone the file was read in, as its import recorded it.
            if let (Some(zone), Some(from), Some(psp)) = (
                event["zone"].as_str(),
                event["zone_from"].as_str(),
                event["psp"].as_str(),
            ) {
                let key = format!("zone.{psp}");
                let conn = fresh.conn();
                conn.execute("DELETE FROM settings WHERE key = ?1", [&key])?;
                match from {
                    "psp_setting" => {
                        conn.execute(
                            "INSERT INTO settings(key, value) VALUES (?1, ?2)",
                            [&key, zone],
                        )?;
                    }
                    "workspace" => {
                        conn.execute(
                            "INSERT OR REPLACE INTO settings(key, value) VALUES ('zone', ?1)",
                            [zone],
                        )?;
                    }
                    _ => {}
                }
            }
            let now = DateTime::parse_from_rfc3339(&file.imported_at)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or_default();
            let opts = ImportOptions {
                profile: Some(file.format.clone()),
                dry_run: false,
                bad_rows: if file.rows_rejected > 0 {
                    BadRowPolicy::SkipRows
                } else {
                    BadRowPolicy::RejectFile
                },
                actor: file.imported_by.clone(),
                now,
            };
            let report = match import_bytes(&mut fresh, &file.name, &file.name, &bytes, &opts) {
                Ok(r) => r,
                Err(e) => {
                    c.find(msg!(
                        UNDERIVABLE,
                        file.id,
                        &file.name,
                        e.msg().render_inline(Lang::En)
                    ));
                    continue;
                }
            };
            if !report.succeeded() {
                let why = report
                    .problems
                    .first()
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                c.find(msg!(UNDERIVABLE, file.id, &file.name, why));
                continue;
            }
            if let Some(root) = event["rows_root"].as_str() {
                if report.rows_chain.root().as_deref() != Some(root) {
                    c.find(msg!(ROWS_ROOT, file.id, &file.name));
                }
            }
        }
        Ok(())
    }

    fn check_periods(&self) -> CheckResult {
        let mut c = Check::new("periods");
        let ran = (|| {
            for p in self.periods()? {
                if p.state != "closed" {
                    continue;
                }
                c.compared += 1;
                match self.verify_period_seal(&p.period) {
                    Ok(check) if check.ok() => {}
                    Ok(check) => c.find(msg!(
                        SEAL,
                        &p.period,
                        check.changed.len() as i64,
                        check.added.len() as i64,
                        check.removed.len() as i64
                    )),
                    Err(e) => c.find(msg!(SEAL, &p.period, e.to_string(), "?", "?")),
                }
            }
            Ok(())
        })();
        c.done(ran)
    }

    fn check_cases(&self, scratch: &Path, now: DateTime<Utc>) -> CheckResult {
        let mut c = Check::new("cases");
        let ran = (|| {
            let last = |actions: &str| -> Result<i64, StoreError> {
                Ok(self.conn().query_row(
                    &format!(
                        "SELECT COALESCE(MAX(seq), 0) FROM audit_events WHERE action IN ({actions})"
                    ),
                    [],
                    |r| r.get(0),
                )?)
            };
            let run = last("'reconcile'")?;
            let as_of: Option<String> = self
                .conn()
                .query_row(
                    "SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            let (Some(as_of), true) = (as_of, run > 0) else {
                c.skip(msg!(NOT_RECONCILED));
                return Ok(());
            };
            if last("'import', 'setting', 'purge'")? > run {
                c.skip(msg!(CASES_STALE));
                return Ok(());
            }
            let as_of = DateTime::parse_from_rfc3339(&as_of)
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or(now);
            let path = scratch.join("cases.db");
            self.conn()
                .execute("VACUUM INTO ?1", [path.to_string_lossy().into_owned()])?;
            {
                let mut copy = Workspace::open_known(&path)?;
                // Every case written anew, whatever its stored fingerprint says.
                copy.conn()
                    .execute("UPDATE cases SET fingerprint = ''", [])?;
                copy.run_reconciliation_with(as_of, "cuadra-verify", now, true)?;
            }
            attach(self.conn(), &path, "rerun")?;
            let compared = compare_cases(self.conn(), &mut c);
            detach(self.conn(), "rerun")?;
            compared
        })();
        c.done(ran)
    }
}

fn attach(conn: &Connection, path: &Path, name: &str) -> Result<(), StoreError> {
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS {name}"),
        [path.to_string_lossy().into_owned()],
    )?;
    Ok(())
}

fn detach(conn: &Connection, name: &str) -> Result<(), StoreError> {
    conn.execute(&format!("DETACH DATABASE {name}"), [])?;
    Ok(())
}

/// The columns of `table` in the main database, less `skip`, each prefixed with `t.`.
fn columns(conn: &Connection, table: &str, skip: &[&str]) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(names
        .into_iter()
        .filter(|n| !skip.contains(&n.as_str()))
        .collect())
}

/// One kind of stored row, as compared: its projection has the key, the file's SHA-256 and
/// name, the row number, then the values (named `cols`).
struct Rows {
    what: &'static str,
    /// SQL with `{d}` for the database (`main` or the scratch one) and `{cols}` for the values.
    sql: &'static str,
    table: &'static str,
    skip: &'static [&'static str],
    /// Whether rows of the main database are limited to the files derived again.
    by_file: bool,
}

const FILES_DERIVED: &str = "f.sha256 IN (SELECT sha256 FROM derived.imported_files)";

const ROWS: &[Rows] = &[
    Rows {
        what: "settlement line",
        sql: "SELECT t.identity, f.sha256, f.name, t.row_no, {cols}
              FROM {d}.settlement_lines t JOIN {d}.imported_files f ON f.id = t.file_id",
        table: "settlement_lines",
        skip: &["id", "file_id", "identity", "row_no"],
        by_file: true,
    },
    Rows {
        what: "other version of settlement line",
        sql: "SELECT (SELECT l.identity FROM {d}.settlement_lines l WHERE l.id = t.line_id),
                     f.sha256, f.name, t.row_no, {cols}
              FROM {d}.line_conflicts t JOIN {d}.imported_files f ON f.id = t.file_id",
        table: "line_conflicts",
        skip: &["id", "line_id", "file_id", "row_no"],
        by_file: true,
    },
    Rows {
        what: "order snapshot",
        sql: "SELECT o.platform || '|' || o.order_key, f.sha256, f.name, t.row_no, {cols}
              FROM {d}.order_snapshots t JOIN {d}.shop_orders o ON o.id = t.order_id
              JOIN {d}.imported_files f ON f.id = t.file_id",
        table: "order_snapshots",
        skip: &["id", "order_id", "file_id", "row_no"],
        by_file: true,
    },
    Rows {
        what: "order item",
        sql: "SELECT o.platform || '|' || o.order_key || ' #' || t.seq, f.sha256, f.name,
                     t.row_no, {cols}
              FROM {d}.order_items t JOIN {d}.order_snapshots s ON s.id = t.snapshot_id
              JOIN {d}.shop_orders o ON o.id = s.order_id
              JOIN {d}.imported_files f ON f.id = s.file_id",
        table: "order_items",
        skip: &["snapshot_id", "row_no"],
        by_file: true,
    },
    Rows {
        what: "order",
        sql: "SELECT o.platform || '|' || o.order_key, '', f.name, s.row_no,
                     f.sha256 AS current_file, s.content_hash AS current_content
              FROM {d}.shop_orders o LEFT JOIN {d}.order_snapshots s ON s.id = o.current_snapshot_id
              LEFT JOIN {d}.imported_files f ON f.id = s.file_id",
        table: "",
        skip: &[],
        by_file: false,
    },
    Rows {
        what: "batch summary",
        sql: "SELECT COALESCE(t.batch_ref, ''), f.sha256, f.name, t.row_no, {cols}
              FROM {d}.settlement_batches t JOIN {d}.imported_files f ON f.id = t.file_id",
        table: "settlement_batches",
        skip: &["id", "file_id", "row_no"],
        by_file: true,
    },
    Rows {
        what: "file record",
        sql: "SELECT f.sha256, f.sha256, f.name, 0, {cols}
              FROM {d}.imported_files t JOIN {d}.imported_files f ON f.id = t.id",
        table: "imported_files",
        skip: &["id", "sha256", "name"],
        by_file: true,
    },
    Rows {
        what: "repeated line",
        sql: "SELECT e.identity, '', '', 0, o.identity AS repeats
              FROM {d}.line_echoes t JOIN {d}.settlement_lines e ON e.id = t.line_id
              JOIN {d}.settlement_lines o ON o.id = t.of_line_id",
        table: "",
        skip: &[],
        by_file: false,
    },
];

/// A row as compared: key, file SHA-256, file name, row, then named values.
type Row = (String, String, String, String, Vec<Option<String>>);

fn text_of(v: ValueRef<'_>) -> Option<String> {
    match v {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(i.to_string()),
        ValueRef::Real(f) => Some(f.to_string()),
        ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Some(hex::encode(b)),
    }
}

/// The rows `sql_a` gives and `sql_b` does not.
fn except(conn: &Connection, sql_a: &str, sql_b: &str) -> Result<Vec<Row>, StoreError> {
    let mut stmt = conn.prepare(&format!("{sql_a} EXCEPT {sql_b}"))?;
    let n = stmt.column_count();
    let rows = stmt.query_map([], |r| {
        let t = |i| r.get_ref(i).map(text_of);
        Ok((
            t(0)?.unwrap_or_default(),
            t(1)?.unwrap_or_default(),
            t(2)?.unwrap_or_default(),
            t(3)?.unwrap_or_default(),
            (4..n).map(t).collect::<Result<Vec<_>, _>>()?,
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn count(conn: &Connection, sql: &str) -> Result<u64, StoreError> {
    Ok(
        conn.query_row(&format!("SELECT COUNT(*) FROM ({sql})"), [], |r| {
            r.get::<_, i64>(0)
        })? as u64,
    )
}

/// Compares every kind of stored row of `main` with the scratch database `d`.
/// `purges`: how many purges the trail records (after one, rows the kept files share with
/// purged files are not checked for deletion, and the kept files' counts are not compared).
fn compare_rows(conn: &Connection, d: &str, purges: i64, c: &mut Check) -> Result<(), StoreError> {
    let purged = purges > 0;
    if purged {
        c.findings.push(msg!(PURGED, purges));
    }
    for rows in ROWS {
        let (cols, names) = if rows.table.is_empty() {
            (String::new(), Vec::new())
        } else {
            // A purge keeps the kept files' counts as they were at import.
            let mut skip = rows.skip.to_vec();
            if purged && rows.table == "imported_files" {
                skip.extend(["rows_new", "rows_known", "rows_conflicting", "rows_updated"]);
            }
            let names = columns(conn, rows.table, &skip)?;
            let cols = names
                .iter()
                .map(|n| format!("t.{n}"))
                .collect::<Vec<_>>()
                .join(", ");
            (cols, names)
        };
        let sql = |db: &str| {
            let base = rows.sql.replace("{d}", db).replace("{cols}", &cols);
            if rows.by_file && db == "main" {
                format!("{base} WHERE {FILES_DERIVED}")
            } else {
                base
            }
        };
        let (stored, derived) = (sql("main"), sql(d));
        c.compared += count(conn, &stored)?;
        let names: Vec<String> = if rows.table.is_empty() {
            match rows.what {
                "order" => vec!["current_file".into(), "current_content".into()],
                _ => vec!["repeats".into()],
            }
        } else {
            names
        };
        let extra = except(conn, &stored, &derived)?;
        let mut missing: BTreeMap<(String, String), Row> = except(conn, &derived, &stored)?
            .into_iter()
            .map(|r| ((r.0.clone(), r.1.clone()), r))
            .collect();
        for row in extra {
            let key = (row.0.clone(), row.1.clone());
            match missing.remove(&key) {
                Some(derived) => {
                    let mut diffs: Vec<Arg> = Vec::new();
                    if row.3 != derived.3 {
                        diffs.push(Arg::from(format!(
                            "row_no '{}' (the file: '{}')",
                            row.3, derived.3
                        )));
                    }
                    for (i, name) in names.iter().enumerate() {
                        let (a, b) = (&row.4[i], &derived.4[i]);
                        if a != b {
                            diffs.push(Arg::from(format!(
                                "{name} '{}' (the file: '{}')",
                                a.as_deref().unwrap_or(""),
                                b.as_deref().unwrap_or("")
                            )));
                        }
                    }
                    c.find(msg!(
                        ROW_CHANGED,
                        rows.what,
                        row.0.as_str(),
                        row.2.as_str(),
                        row.3.as_str(),
                        Arg::list(diffs, Join::Comma)
                    ));
                }
                None => c.find(msg!(
                    ROW_ADDED,
                    rows.what,
                    row.0.as_str(),
                    row.2.as_str(),
                    row.3.as_str()
                )),
            }
        }
        if !purged {
            for row in missing.into_values() {
                c.find(msg!(
                    ROW_MISSING,
                    rows.what,
                    row.0.as_str(),
                    row.2.as_str(),
                    row.3.as_str()
                ));
            }
        }
    }
    Ok(())
}

/// Compares the stored cases (and their lines) with the run on the copy (`rerun`).
fn compare_cases(conn: &Connection, c: &mut Check) -> Result<(), StoreError> {
    let names = columns(conn, "cases", &["id", "case_key", "run_id", "fingerprint"])?;
    let cols = names
        .iter()
        .map(|n| format!("t.{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = |d: &str| {
        format!(
            "SELECT t.case_key, '', '', 0, {cols},
                    (SELECT group_concat(line_id) FROM
                        (SELECT cl.line_id FROM {d}.case_lines cl WHERE cl.case_id = t.id
                         ORDER BY cl.line_id)) AS lines
             FROM {d}.cases t"
        )
    };
    let (stored, rerun) = (sql("main"), sql("rerun"));
    c.compared += count(conn, &stored)?;
    let mut names = names;
    names.push("lines".into());
    let extra = except(conn, &stored, &rerun)?;
    let mut missing: BTreeMap<String, Row> = except(conn, &rerun, &stored)?
        .into_iter()
        .map(|r| (r.0.clone(), r))
        .collect();
    for row in extra {
        match missing.remove(&row.0) {
            Some(fresh) => {
                for (i, name) in names.iter().enumerate() {
                    if row.4[i] != fresh.4[i] {
                        c.find(msg!(
                            CASE_CHANGED,
                            row.0.as_str(),
                            name.as_str(),
                            row.4[i].as_deref().unwrap_or(""),
                            fresh.4[i].as_deref().unwrap_or("")
                        ));
                    }
                }
            }
            None => c.find(msg!(CASE_ADDED, row.0.as_str())),
        }
    }
    for key in missing.into_keys() {
        c.find(msg!(CASE_MISSING, key));
    }
    Ok(())
}
