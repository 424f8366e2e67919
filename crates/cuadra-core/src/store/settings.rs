//! Workspace settings: named values with defaults, validated before they are stored, so a typo
//! never reaches the matching engine. (Changes become audit events with the audit trail.)

use super::{StoreError, Workspace};
use rusqlite::params;

/// A setting Cuadra knows, with its default and what it means.
pub struct SettingInfo {
    pub key: &'static str,
    pub default: &'static str,
    pub meaning: &'static str,
}

/// Every known setting (`validity_hours.<psp>` is open-ended: one per PSP).
pub const SETTINGS: &[SettingInfo] = &[
    SettingInfo {
        key: "zone",
        default: "America/Bogota",
        meaning: "time zone of date-times without an offset, and of every time shown",
    },
    SettingInfo {
        key: "tolerance",
        default: "0",
        meaning: "largest amount difference (buyer's currency) still counted as equal",
    },
    SettingInfo {
        key: "validity_hours",
        default: "72",
        meaning: "voucher validity from order creation when no file gives an expiry",
    },
    SettingInfo {
        key: "validity_hours.<psp>",
        default: "(validity_hours)",
        meaning: "voucher validity for one PSP, e.g. validity_hours.payu = 168",
    },
    SettingInfo {
        key: "grace_days",
        default: "7",
        meaning: "days after the shop's paid time before a missing settlement is reported",
    },
];

#[derive(Debug, thiserror::Error)]
pub enum SettingError {
    #[error("'{0}' is not a setting; settings are zone, tolerance, validity_hours, validity_hours.<psp>, grace_days")]
    Unknown(String),
    #[error("'{value}' is not a valid {key}: {why}")]
    Invalid {
        key: String,
        value: String,
        why: &'static str,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn check(key: &str, value: &str) -> Result<String, SettingError> {
    let invalid = |why| SettingError::Invalid {
        key: key.to_string(),
        value: value.to_string(),
        why,
    };
    let value = value.trim();
    match key {
        "zone" => crate::time::parse_zone(value)
            .map(|_| value.to_string())
            .map_err(|_| invalid("use a zone name like America/Bogota")),
        "tolerance" => match value.parse::<rust_decimal::Decimal>() {
            Ok(d) if d >= rust_decimal::Decimal::ZERO => Ok(d.normalize().to_string()),
            _ => Err(invalid("use a plain non-negative number like 0 or 100")),
        },
        "grace_days" => match value.parse::<i64>() {
            Ok(n) if (0..=3650).contains(&n) => Ok(n.to_string()),
            _ => Err(invalid("use whole days between 0 and 3650")),
        },
        k if k == "validity_hours" || k.starts_with("validity_hours.") => {
            if k.len() == "validity_hours.".len() {
                return Err(SettingError::Unknown(key.to_string()));
            }
            match value.parse::<i64>() {
                Ok(n) if (1..=24 * 366).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid("use whole hours between 1 and 8784")),
            }
        }
        _ => Err(SettingError::Unknown(key.to_string())),
    }
}

impl Workspace {
    /// Stores a setting after checking it; returns the value as stored.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<String, SettingError> {
        let key = key.trim().to_lowercase();
        let stored = check(&key, value)?;
        self.conn()
            .execute(
                "INSERT INTO settings(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, stored],
            )
            .map_err(StoreError::from)?;
        Ok(stored)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_before_they_are_stored() {
        let mut ws = Workspace::open_in_memory().expect("open");
        assert_eq!(
            ws.set_setting("zone", "America/Lima").expect("zone"),
            "America/Lima"
        );
        assert_eq!(
            ws.set_setting("tolerance", "100.00").expect("tolerance"),
            "100"
        );
        assert_eq!(
            ws.set_setting("validity_hours.payu", "168")
                .expect("per psp"),
            "168"
        );
        assert!(matches!(
            ws.set_setting("zone", "Bogota"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            ws.set_setting("tolerance", "-1"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            ws.set_setting("validity_hours", "0"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            ws.set_setting("colour", "red"),
            Err(SettingError::Unknown(_))
        ));
        let stored = ws.stored_settings().expect("read");
        assert_eq!(stored.len(), 3, "refused values are not stored: {stored:?}");
        let recon = ws.recon_settings().expect("recon settings");
        assert_eq!(recon.validity_hours_for(Some("PayU")), 168);
        assert_eq!(recon.tolerance, rust_decimal::Decimal::from(100));
    }
}
