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
