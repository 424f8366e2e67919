//! The one error shape that crosses IPC. The UI branches on `code` only and shows `detail` (what
//! went wrong and what to do, a message of the core's catalog) in the reader's language;
//! `message` is the same in English, for logs. Add a code only when the UI needs to tell that
//! case apart.

use cuadra_core::code::ErrorCode;
use cuadra_core::periods::PeriodError;
use cuadra_core::report::ReportError;
use cuadra_core::review::ReviewError;
use cuadra_core::settings::SettingError;
use cuadra_core::store::StoreError;
use cuadra_core::words::{app, Lang, Msg};
use cuadra_core::{ingest::IngestError, msg};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ApiError {
    /// One of the core's codes (`cuadra_core::code::ErrorCode`, generated to TypeScript).
    pub code: ErrorCode,
    /// `detail` in English, for logs and whoever reads the raw IPC.
    pub message: String,
    /// Rendered in the reader's language by the UI (ui/src/i18n/backendText.ts).
    #[ts(type = "Msg")]
    pub detail: Msg,
}

impl ApiError {
    pub const STORE: ErrorCode = ErrorCode::Store;
    pub const NO_WORKSPACE_PATH: ErrorCode = ErrorCode::NoWorkspacePath;
    pub const NO_WORKSPACE: ErrorCode = ErrorCode::NoWorkspace;
    pub const NOT_FOUND: ErrorCode = ErrorCode::NotFound;
    pub const INVALID: ErrorCode = ErrorCode::InvalidAction;
    pub const INVALID_SETTING: ErrorCode = ErrorCode::InvalidSetting;
    pub const EXPORT_FAILED: ErrorCode = ErrorCode::ExportFailed;

    pub fn new(code: ErrorCode, detail: Msg) -> ApiError {
        ApiError {
            code,
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

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        ApiError::new(error.code(), error.msg())
    }
}

impl From<ReviewError> for ApiError {
    fn from(error: ReviewError) -> ApiError {
        ApiError::new(error.code(), error.msg())
    }
}

impl From<SettingError> for ApiError {
    fn from(error: SettingError) -> ApiError {
        let code = match &error {
            SettingError::Lowered { .. } => ErrorCode::RetentionLowered,
            SettingError::Store(e) => e.code(),
            _ => ErrorCode::InvalidSetting,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<IngestError> for ApiError {
    fn from(error: IngestError) -> ApiError {
        let code = match &error {
            IngestError::UnknownProfile(..) => ErrorCode::InvalidAction,
            IngestError::Store(e) => e.code(),
            _ => ErrorCode::Store,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<PeriodError> for ApiError {
    fn from(error: PeriodError) -> ApiError {
        let code = match &error {
            PeriodError::ReasonRequired(_) => ErrorCode::ReasonRequired,
            PeriodError::Closed { .. } => ErrorCode::PeriodClosed,
            PeriodError::Store(e) => e.code(),
            _ => ErrorCode::InvalidAction,
        };
        ApiError::new(code, error.msg())
    }
}

impl From<ReportError> for ApiError {
    fn from(error: ReportError) -> ApiError {
        match error {
            ReportError::Store(e) => ApiError::from(e),
            ReportError::BadRequest(m) => ApiError::new(ErrorCode::InvalidAction, m),
            e => ApiError::new(ErrorCode::ExportFailed, e.msg()),
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
    fn check(error: ApiError, code: ErrorCode, specifics: &[&str]) {
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
            ErrorCode::PeriodClosed,
            &[KEY, "2026-05"],
        );
        check(
            e(ReviewError::Stale { key: KEY.into() }),
            ErrorCode::StaleCase,
            &[KEY],
        );
        check(
            e(ReviewError::NotAllowed(msg!(review::ALREADY_RESOLVED, KEY))),
            ApiError::INVALID,
            &[KEY],
        );
        check(
            e(ReviewError::ReasonRequired(msg!(review::OTHER_NEEDS_NOTE))),
            ErrorCode::NoteRequired,
            &[],
        );
        check(
            e(ReviewError::ReasonRequired(msg!(review::REOPEN_REASON))),
            ErrorCode::ReasonRequired,
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
            ApiError::from(PeriodError::Closed {
                period: "2026-05".into(),
                closed_by: "ana".into(),
                closed_at: "2026-06-02T14:00:00Z".into(),
            }),
            ErrorCode::PeriodClosed,
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
        check(
            ApiError::from(e),
            ErrorCode::InvalidSetting,
            &["-5", "tolerance"],
        );
        let e = ws
            .set_setting("colour", "blue", "ana", now())
            .expect_err("no such setting");
        check(ApiError::from(e), ErrorCode::InvalidSetting, &["colour"]);
        ws.set_setting("retention_years", "10", "ana", now())
            .expect("retention can be raised");
        let e = ws
            .set_setting("retention_years", "6", "ana", now())
            .expect_err("retention cannot be lowered");
        check(ApiError::from(e), ErrorCode::RetentionLowered, &["10", "6"]);
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
        check(ApiError::from(e), ErrorCode::ReasonRequired, &["2026-05"]);
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
