//! Workspace settings as the layers above read them: typed, with their defaults, each parsed in
//! one place. Writing a setting (checked, audited) is `crate::settings`.

use super::{StoreError, Workspace};
use crate::time::{parse_zone, DEFAULT_ZONE};
use chrono_tz::Tz;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// The shortest retention Cuadra allows, in years after a period ends (the floor).
pub const MIN_RETENTION_YEARS: u32 = 5;

/// One stored setting read on `conn` (a write reads it inside its own transaction).
pub fn setting_of(conn: &Connection, key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// The workspace zone (the `zone` setting, else Bogotá), read on `conn`.
pub fn zone_of(conn: &Connection) -> Result<Tz, StoreError> {
    Ok(zone_from(setting_of(conn, "zone")?.as_deref()))
}

/// A stored zone (checked when stored), else Bogotá.
pub fn zone_from(stored: Option<&str>) -> Tz {
    stored
        .and_then(|z| parse_zone(z).ok())
        .unwrap_or(DEFAULT_ZONE)
}

/// Years records are kept after their period ends (`retention_years`, default 5), read on `conn`.
pub fn retention_years_of(conn: &Connection) -> Result<u32, StoreError> {
    Ok(retention_from(
        setting_of(conn, "retention_years")?.as_deref(),
    ))
}

impl Workspace {
    /// The workspace zone (the `zone` setting, else Bogotá).
    pub fn zone(&self) -> Result<Tz, StoreError> {
        zone_of(self.conn())
    }

    /// The zones set for one PSP's files (settings `zone.<psp>`), by PSP.
    pub fn psp_zones(&self) -> Result<HashMap<String, Tz>, StoreError> {
        Ok(self
            .stored_settings()?
            .into_iter()
            .filter_map(|(k, v)| {
                let psp = k.strip_prefix("zone.")?.to_string();
                parse_zone(&v).ok().map(|z| (psp, z))
            })
            .collect())
    }

    /// Years records are kept after their period ends (`retention_years`, default 5).
    pub fn retention_years(&self) -> Result<u32, StoreError> {
        retention_years_of(self.conn())
    }

    /// The workspace user's name for the records (`actor`), when one is set.
    pub fn actor_setting(&self) -> Result<Option<String>, StoreError> {
        Ok(self.setting("actor")?.filter(|a| !a.trim().is_empty()))
    }

    /// Every stored setting, by key.
    pub fn stored_settings(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare("SELECT key, value FROM settings ORDER BY key")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A stored retention (checked when stored), never below the minimum.
pub fn retention_from(stored: Option<&str>) -> u32 {
    stored
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(MIN_RETENTION_YEARS)
        .max(MIN_RETENTION_YEARS)
}
