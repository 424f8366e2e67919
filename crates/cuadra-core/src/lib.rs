//! Cuadra's engine: everything that reads, stores, matches, audits and exports, with no GUI and no
//! Tauri. The desktop shell and the CLI are thin layers over this crate; nothing here may depend on
//! them, read the clock inside business logic, or put money through a float.

pub mod audit;
pub mod cases;
pub mod code;
pub mod decode;
pub mod ingest;
pub mod model;
pub mod money;
pub mod periods;
pub mod reconcile;
pub mod report;
pub mod retention;
pub mod review;
pub mod store;
pub mod time;
pub mod verify;
pub mod withholding;
pub mod words;
