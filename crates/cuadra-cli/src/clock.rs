//! The CLI's clock: the real time, unless it is pinned with the hidden global option
//! `--now RFC3339` or the environment variable `CUADRA_NOW` (tests, and scripts that must be
//! reproducible: `CUADRA_NOW=2031-06-01T12:00:00Z cuadra-cli retention status`). The core never
//! reads the clock; the CLI reads it here, once, and passes it in.

use chrono::{DateTime, Utc};

/// `pinned` when given (RFC 3339 with an offset), else the current time.
pub fn now(pinned: Option<&str>) -> Result<DateTime<Utc>, String> {
    match pinned.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(Utc::now()),
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                format!("--now / CUADRA_NOW '{text}' is not an RFC 3339 time like 2031-06-01T12:00:00Z ({e})")
            }),
    }
}
