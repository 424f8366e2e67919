//! The one error shape that crosses IPC. The UI branches on `code` only and shows `detail` (what
//! went wrong and what to do, a message of the core's catalog) in the reader's language;
//! `message` is the same in English, for logs. Add a code only when the UI needs to tell that
//! case apart.

use cuadra_core::periods::PeriodError;
use cuadra_core::report::ReportError;
use cuadra_core::review::ReviewError;
use cuadra_core::settings::SettingError;
use cuadra_core::store::StoreError;
use cuadra_core::words::{app, Lang, Msg};
use cuadra_core::{ingest::IngestError, msg};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub code: String,
    /// `detail` in English, for logs and whoever reads the raw IPC.
    pub message: String,
    pub detail: Msg,
}

impl ApiError {
    /// Any failure of the workspace database.
    pub const STORE: &'static str = "store";
    /// The OS gave no per-user data folder and `CUADRA_DB` is unset.
    pub const NO_WORKSPACE_PATH: &'static str = "no_workspace_path";
    /// No workspace is open (none chosen yet).
    pub const NO_WORKSPACE: &'static str = "no_workspace";
    /// What was asked for does not exist.
    pub const NOT_FOUND: &'static str = "not_found";
    /// The request itself is wrong (a bad filter, an action that does not apply).
    pub const INVALID: &'static str = "invalid_action";
    /// The act touches a case or period that is closed.
    pub const PERIOD_CLOSED: &'static str = "period_closed";
    /// A setting's value was refused.
    pub const INVALID_SETTING: &'static str = "invalid_setting";
    /// A report could not be written to its file (the workspace itself is fine).
    pub const EXPORT_FAILED: &'static str = "export_failed";

    pub fn new(code: &str, detail: Msg) -> ApiError {
        ApiError {
            code: code.to_owned(),
            message: detail.render(Lang::En),
            detail,
        }
    }

    pub fn no_workspace() -> ApiError {
        ApiError::new(Self::NO_WORKSPACE, msg!(app::NO_WORKSPACE))
    }

    pub fn no_workspace_path() -> ApiError {
        ApiError::new(Self::NO_WORKSPACE_PATH, msg!(app::NO_WORKSPACE_PATH))
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ApiError {}

/// The code of a workspace error: most are the workspace's own trouble, a few the request's.
fn store_code(error: &StoreError) -> &'static str {
    match error {
        StoreError::BadQuery(_) => ApiError::INVALID,
        StoreError::PeriodClosed { .. } => ApiError::PERIOD_CLOSED,
        _ => ApiError::STORE,
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError::new(store_code(&error), error.msg())
    }
}

impl From<ReviewError> for ApiError {
    fn from(error: ReviewError) -> ApiError {
        let code = match &error {
            ReviewError::NoSuchCase(_) => Self::NOT_FOUND,
            ReviewError::Locked { .. } => Self::PERIOD_CLOSED,
            ReviewError::ReasonRequired(_) if error.wants_note() => "note_required",
            ReviewError::ReasonRequired(_) => "reason_required",
            ReviewError::NotAllowed(_)
            | ReviewError::BadReason(_)
            | ReviewError::BadLine(_)
            | ReviewError::NotReconciled => Self::INVALID,
            ReviewError::Stale { .. } => "stale_case",
            ReviewError::Store(e) => store_code(e),
        };
        ApiError::new(code, error.msg())
    }
}

impl From<SettingError> for ApiError {
    fn from(error: SettingError) -> ApiError {
        let code = match &error {
            SettingError::Lowered { .. } => "retention_lowered",
            SettingError::Store(e) => store_code(e),
            _ => Self::INVALID_SETTING,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<IngestError> for ApiError {
    fn from(error: IngestError) -> ApiError {
        let code = match &error {
            IngestError::UnknownProfile(..) => Self::INVALID,
            IngestError::Store(e) => store_code(e),
            _ => Self::STORE,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<PeriodError> for ApiError {
    fn from(error: PeriodError) -> ApiError {
        let code = match &error {
            PeriodError::ReasonRequired(_) => "reason_required",
            PeriodError::Store(e) => store_code(e),
            _ => Self::INVALID,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<ReportError> for ApiError {
    fn from(error: ReportError) -> ApiError {
        match error {
            ReportError::Store(e) => ApiError::from(e),
            ReportError::BadRequest(m) => ApiError::new(Self::INVALID, m),
            e => ApiError::new(Self::EXPORT_FAILED, e.msg()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cuadra_core::review::{words as review, ActionKind, ActionRequest};
    use cuadra_core::store::Workspace;

    const KEY: &str = "order:shopify:1001";

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339("2026-06-15T12:00:00Z")
            .expect("a time")
            .to_utc()
    }

    /// Every key of a message and its nested parts is in the catalog (no fallback rendering).
    fn all_known(m: &Msg) -> bool {
        let keys = m.keys();
        !keys.is_empty() && keys.iter().all(|k| cuadra_core::words::lookup(k).is_some())
    }

    /// The error's code, and a detail in Spanish and Chinese that is not the English and keeps
    /// the specifics.
    fn check(error: ApiError, code: &str, specifics: &[&str]) {
        let (en, es, zh) = (
            error.detail.render(Lang::En),
            error.detail.render(Lang::Es),
            error.detail.render(Lang::Zh),
        );
        assert_eq!(error.code, code, "{en}");
        assert_eq!(error.message, en, "the message is the detail in English");
        assert!(
            all_known(&error.detail),
            "{:?} is not all in the catalog",
            error.detail
        );
        assert_ne!(es, en, "the Spanish detail is the English one");
        assert_ne!(zh, en, "the Chinese detail is the English one");
        for s in specifics {
            for text in [&en, &es, &zh] {
                assert!(text.contains(s), "{text:?} lost {s:?}");
            }
        }
    }

    #[test]
    fn crosses_ipc_as_code_message_and_detail() {
        let json = serde_json::to_value(ApiError::no_workspace()).expect("an ApiError serialises");
        assert_eq!(
            json,
            serde_json::json!({
                "code": "no_workspace",
                "message": "No workspace is open: create one or open an existing one first",
                "detail": { "k": "app.no_workspace" },
            }),
            "ui/src/ipc/types.ts reads exactly these fields"
        );
    }

    #[test]
    fn review_errors_speak_the_readers_language() {
        let e = |r: ReviewError| ApiError::from(r);
        check(
            e(ReviewError::Locked {
                key: KEY.into(),
                period: "2026-05".into(),
            }),
            "period_closed",
            &[KEY, "2026-05"],
        );
        check(
            e(ReviewError::Stale { key: KEY.into() }),
            "stale_case",
            &[KEY],
        );
        check(
            e(ReviewError::NotAllowed(msg!(review::ALREADY_RESOLVED, KEY))),
            ApiError::INVALID,
            &[KEY],
        );
        check(
            e(ReviewError::ReasonRequired(msg!(review::OTHER_NEEDS_NOTE))),
            "note_required",
            &[],
        );
        check(
            e(ReviewError::ReasonRequired(msg!(review::REOPEN_REASON))),
            "reason_required",
            &[],
        );
        check(
            e(ReviewError::BadReason("lost_in_mail".into())),
            ApiError::INVALID,
            &["lost_in_mail", "refunded_to_buyer"],
        );
        check(
            e(ReviewError::BadLine(msg!(
                review::LINE_NOT_IN_CASE,
                42i64,
                KEY
            ))),
            ApiError::INVALID,
            &["42", KEY],
        );
        check(e(ReviewError::NotReconciled), ApiError::INVALID, &[]);
        check(
            e(ReviewError::Store(StoreError::PeriodClosed {
                period: "2026-05".into(),
                closed_by: "ana".into(),
                closed_at: "2026-06-02T14:00:00Z".into(),
            })),
            "period_closed",
            &["2026-05", "ana", "2026-06-02T14:00:00Z"],
        );

        // As the workspace refuses an act on a case it does not have.
        let mut ws = Workspace::open_in_memory().expect("a workspace");
        let refused = ws
            .act(
                &ActionRequest {
                    case_key: KEY.into(),
                    action: ActionKind::Note,
                    reason: None,
                    note: Some("called the buyer".into()),
                    line_ids: Vec::new(),
                    order_id: None,
                    order_ref: None,
                    expected_membership: None,
                },
                "ana",
                now(),
            )
            .expect_err("there is no such case");
        check(e(refused), ApiError::NOT_FOUND, &[KEY]);
    }

    #[test]
    fn workspace_errors_speak_the_readers_language() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "not a database, just some notes\n".repeat(200)).expect("a file");
        let e = Workspace::open(&text)
            .err()
            .expect("a text file is not a workspace");
        check(
            ApiError::from(e),
            ApiError::STORE,
            &[&text.display().to_string()],
        );
        check(
            ApiError::from(StoreError::TooNew {
                path: "/data/cuadra.db".into(),
                found: 999,
                known: 7,
            }),
            ApiError::STORE,
            &["/data/cuadra.db", "999"],
        );

        let mut ws = Workspace::open_in_memory().expect("a workspace");
        let filter = cuadra_core::cases::CaseFilter {
            from: Some("2026-05-32".into()),
            ..Default::default()
        };
        let e = ws
            .list_cases(&filter, Default::default(), 0, 10)
            .expect_err("May has 31 days");
        check(ApiError::from(e), ApiError::INVALID, &["2026-05-32"]);

        let e = ws
            .set_setting("tolerance", "-5", "ana", now())
            .expect_err("a tolerance is not negative");
        check(ApiError::from(e), "invalid_setting", &["-5", "tolerance"]);
        let e = ws
            .set_setting("colour", "blue", "ana", now())
            .expect_err("no such setting");
        check(ApiError::from(e), "invalid_setting", &["colour"]);
        ws.set_setting("retention_years", "10", "ana", now())
            .expect("retention can be raised");
        let e = ws
            .set_setting("retention_years", "6", "ana", now())
            .expect_err("retention cannot be lowered");
        check(ApiError::from(e), "retention_lowered", &["10", "6"]);
    }

    #[test]
    fn period_errors_speak_the_readers_language() {
        let mut ws = Workspace::open_in_memory().expect("a workspace");
        let e = ws
            .close_period("2026-13", "ana", now(), None)
            .expect_err("there is no 13th month");
        check(ApiError::from(e), ApiError::INVALID, &["2026-13"]);
        let e = ws
            .close_period("2026-06", "ana", now(), None)
            .expect_err("June has not ended on the 15th");
        check(
            ApiError::from(e),
            ApiError::INVALID,
            &["2026-06", "2026-06-30"],
        );
        let e = ws
            .reopen_period("2026-05", "ana", now(), "  ")
            .expect_err("a reopen needs a reason");
        check(ApiError::from(e), "reason_required", &["2026-05"]);
        let e = ws
            .reopen_period("2026-05", "ana", now(), "late refund")
            .expect_err("an open period cannot be reopened");
        check(ApiError::from(e), ApiError::INVALID, &["2026-05"]);
        check(
            ApiError::from(PeriodError::ChainBroken {
                seq: 17,
                why: msg!(cuadra_core::audit::words::CONTENT),
            }),
            ApiError::INVALID,
            &["17"],
        );
    }

    #[test]
    fn import_and_report_errors_speak_the_readers_language() {
        check(
            ApiError::from(IngestError::UnknownProfile(
                "epayco-2".into(),
                "shopify, dlocal".into(),
            )),
            ApiError::INVALID,
            &["epayco-2", "shopify, dlocal"],
        );
        check(ApiError::from(IngestError::Cancelled), ApiError::STORE, &[]);
        check(
            ApiError::from(ReportError::BadRequest(msg!(
                cuadra_core::report::words::BUNDLE_NEEDS_PERIOD
            ))),
            ApiError::INVALID,
            &["2026-10"],
        );
        check(
            ApiError::from(ReportError::Io {
                path: "/reports/cuadra-summary-2026-05.xlsx".into(),
                message: "No space left on device (os error 28)".into(),
            }),
            ApiError::EXPORT_FAILED,
            &[
                "/reports/cuadra-summary-2026-05.xlsx",
                "No space left on device",
            ],
        );
        check(
            ApiError::from(ReportError::Store(StoreError::ChainBroken {
                seq: 3,
                why: msg!(cuadra_core::audit::words::SEQ_JUMP, 3i64, 5i64),
            })),
            ApiError::STORE,
            &["3", "5"],
        );
    }

    #[test]
    fn the_apps_own_errors_speak_the_readers_language() {
        check(ApiError::no_workspace(), ApiError::NO_WORKSPACE, &[]);
        check(
            ApiError::no_workspace_path(),
            ApiError::NO_WORKSPACE_PATH,
            &["CUADRA_DB"],
        );
    }
}
