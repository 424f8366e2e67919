//! Cuadra's engine: everything that reads, stores, matches, audits and exports, with no GUI and no
//! Tauri. The desktop shell and the CLI are thin layers over this crate; nothing here may depend on
//! them, read the clock inside business logic, or put money through a float.
//!
//! # Layers
//!
//! Each line below is a layer; a module uses only modules on lines below its own, never one
//! above it or beside it (`tests/core/layers.rs` reads every `crate::` path of `src/` against
//! this list, and every call through the `Workspace` handle, whose methods live in many layers).
//! The shells (the desktop app, the CLI) sit above every layer.
//!
//! ```text
//! workspace                               opening a workspace: the store + what is derived
//! report verify retention backup          what is read out of a workspace, and its upkeep
//! periods review settings                 acts on stored cases: close, review, configure
//! cases                                   a run: load the engine's inputs, store its cases
//! ingest                                  files into rows: detect, decode, parse, store
//! reconcile                               the pure engine: orders and lines in, cases out
//! audit                                   the tamper-evident event chain
//! store                                   connection, schema, evidence, typed settings reads
//! model withholding                       the rows: orders, lines, statuses; tax withheld
//! money time decode                       exact amounts, explicit zones, bytes to text
//! words                                   every sentence in es/en/zh (all catalogs), Lang
//! code currency                           error codes across IPC; scales of currencies
//! ```

pub mod audit;
pub mod backup;
pub mod cases;
pub mod code;
pub mod currency;
pub mod decode;
pub mod ingest;
pub mod model;
pub mod money;
pub mod periods;
pub mod reconcile;
pub mod report;
pub mod retention;
pub mod review;
pub mod settings;
pub mod store;
pub mod time;
pub mod verify;
pub mod withholding;
pub mod words;
pub mod workspace;
