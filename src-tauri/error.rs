//! The one error shape that crosses IPC. The UI branches on `code` only; `message` is for people.
//! Add a code only when the UI needs to tell that case apart.

use cuadra_core::store::StoreError;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiError {
    pub code: String,
    pub message: String,
}

impl ApiError {
    /// Any failure of the workspace database.
    pub const STORE: &'static str = "store";
    /// The OS gave no per-user data folder and `CUADRA_DB` is unset.
    pub const NO_WORKSPACE_PATH: &'static str = "no_workspace_path";

    pub fn new(code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            code: code.to_owned(),
            message: message.into(),
        }
    }

    /// No workspace is open (none chosen yet).
    pub const NO_WORKSPACE: &'static str = "no_workspace";
    /// What was asked for does not exist.
    pub const NOT_FOUND: &'static str = "not_found";
    /// The request itself is wrong (a bad filter, an action that does not apply).
    pub const INVALID: &'static str = "invalid_action";

    pub fn no_workspace() -> ApiError {
        ApiError::new(
            Self::NO_WORKSPACE,
            "no workspace is open: create one or open an existing one first",
        )
    }

    pub fn no_workspace_path() -> ApiError {
        ApiError::new(
            Self::NO_WORKSPACE_PATH,
            "no folder for the workspace: set CUADRA_DB to the workspace file's path",
        )
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
        match error {
            StoreError::BadQuery(m) => ApiError::new(Self::INVALID, m),
            e => ApiError::new(Self::STORE, e.to_string()),
        }
    }
}

impl From<cuadra_core::review::ReviewError> for ApiError {
    fn from(error: cuadra_core::review::ReviewError) -> ApiError {
        use cuadra_core::review::ReviewError as R;
        let code = match &error {
            R::NoSuchCase(_) => Self::NOT_FOUND,
            R::Locked { .. } => "period_closed",
            R::ReasonRequired(m) if m.contains("note") => "note_required",
            R::ReasonRequired(_) => "reason_required",
            R::NotAllowed(_) | R::BadReason(_) | R::BadLine(_) | R::NotReconciled => {
                "invalid_action"
            }
            R::Stale { .. } => "stale_case",
            R::Store(_) => Self::STORE,
        };
        ApiError::new(code, error.to_string())
    }
}

impl From<cuadra_core::store::SettingError> for ApiError {
    fn from(error: cuadra_core::store::SettingError) -> ApiError {
        use cuadra_core::store::SettingError as S;
        let code = match &error {
            S::Lowered { .. } => "retention_lowered",
            S::Store(_) => Self::STORE,
            _ => "invalid_setting",
        };
        ApiError::new(code, error.to_string())
    }
}

impl From<cuadra_core::ingest::IngestError> for ApiError {
    fn from(error: cuadra_core::ingest::IngestError) -> ApiError {
        ApiError::new(Self::STORE, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosses_ipc_as_code_and_message() {
        let json = serde_json::to_value(ApiError::new(ApiError::STORE, "disk full"))
            .expect("an ApiError serialises");
        assert_eq!(
            json,
            serde_json::json!({ "code": "store", "message": "disk full" }),
            "ui/src/ipc/types.ts reads exactly these two fields"
        );
    }
}
