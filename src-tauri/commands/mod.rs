//! The Tauri commands of ui/src/ipc/CONTRACT.md. Each checks its input and delegates to
//! cuadra-core; each is a sync fn marked `async` so Tauri runs it on a worker thread, never
//! blocking the window's main thread. Arguments arrive with snake_case keys.

pub mod audit;
pub mod cases;
pub mod export;
pub mod import;
pub mod workspace;

/// The time recorded for an act: the one place the shell reads the clock.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}
