//! The codes of refused or failed requests, one spelling each, as the desktop app's IPC carries
//! them (`ApiError.code`) and the UI branches on them (generated to TypeScript as `ErrorCode`).
//! A leaf: depends on nothing else in the crate. Add a code only when a caller needs to tell
//! that case apart; the sentence a person reads is the error's message, not its code.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Any failure of the workspace database (or of the work itself, e.g. a cancelled import).
    Store,
    /// The OS gave no per-user data folder and `CUADRA_DB` is unset.
    NoWorkspacePath,
    /// No workspace is open (none chosen yet).
    NoWorkspace,
    /// What was asked for does not exist (a case, a workspace file).
    NotFound,
    /// The request itself is wrong (a bad filter, an act that does not apply).
    InvalidAction,
    /// The act touches a case or period that is closed.
    PeriodClosed,
    /// The act or the reopen lacks its reason.
    ReasonRequired,
    /// The act lacks its note (a resolve for `other`, a note act with no text).
    NoteRequired,
    /// The case changed since the person opened it.
    StaleCase,
    /// A setting's value was refused.
    InvalidSetting,
    /// The retention period cannot be lowered.
    RetentionLowered,
    /// An import is already running.
    ImportRunning,
    /// A report could not be written to its file (the workspace itself is fine).
    ExportFailed,
    /// The call did not reach the backend (the UI's own: a failed invoke).
    Ipc,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::Store,
        ErrorCode::NoWorkspacePath,
        ErrorCode::NoWorkspace,
        ErrorCode::NotFound,
        ErrorCode::InvalidAction,
        ErrorCode::PeriodClosed,
        ErrorCode::ReasonRequired,
        ErrorCode::NoteRequired,
        ErrorCode::StaleCase,
        ErrorCode::InvalidSetting,
        ErrorCode::RetentionLowered,
        ErrorCode::ImportRunning,
        ErrorCode::ExportFailed,
        ErrorCode::Ipc,
    ];

    /// The code's spelling on the wire (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Store => "store",
            ErrorCode::NoWorkspacePath => "no_workspace_path",
            ErrorCode::NoWorkspace => "no_workspace",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidAction => "invalid_action",
            ErrorCode::PeriodClosed => "period_closed",
            ErrorCode::ReasonRequired => "reason_required",
            ErrorCode::NoteRequired => "note_required",
            ErrorCode::StaleCase => "stale_case",
            ErrorCode::InvalidSetting => "invalid_setting",
            ErrorCode::RetentionLowered => "retention_lowered",
            ErrorCode::ImportRunning => "import_running",
            ErrorCode::ExportFailed => "export_failed",
            ErrorCode::Ipc => "ipc",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn every_code_is_spelled_as_serde_writes_it() {
        for code in ErrorCode::ALL {
            assert_eq!(
                serde_json::to_value(code).expect("a code serialises"),
                serde_json::Value::from(code.as_str())
            );
        }
    }
}
