//! Workspace settings: named values with defaults, validated before they are stored, so a typo
//! never reaches the matching engine. Every change is an audit event (`setting`, subject
//! `setting:<key>`, before/after the old and new value as JSON) written in the same transaction.

use crate::audit::{self, NewEvent};
use crate::msg;
use crate::store::{retention_from, setting_of, StoreError, Workspace, MIN_RETENTION_YEARS};
use crate::words::store::*;
use crate::words::{Entry, Msg};
use chrono::{DateTime, Utc};
use rusqlite::params;

/// A setting Cuadra knows, with its default and what it means.
pub struct SettingInfo {
    pub key: &'static str,
    pub default: &'static str,
    pub meaning: &'static str,
}

/// Every known setting (`validity_hours.<psp>` and `zone.<psp>` are open-ended: one per PSP).
pub const SETTINGS: &[SettingInfo] = &[
    SettingInfo {
        key: "zone",
        default: "America/Bogota",
        meaning: "time zone of date-times without an offset, and of every time shown",
    },
    SettingInfo {
        key: "zone.<psp>",
        default: "(the format's own)",
        meaning: "time zone of date-times without an offset in one PSP's files, e.g. zone.dlocal = America/Bogota (default: the zone the format documents, dLocal UTC, Mercado Pago GMT-04, else zone)",
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
    SettingInfo {
        key: "payout_window_days",
        default: "5",
        meaning: "days after a PSP payout's transfer date within which its bank credit is expected; past them with no credit the payout is missing",
    },
    SettingInfo {
        key: "payout_window_days.<psp>",
        default: "(payout_window_days)",
        meaning: "payout window for one PSP, e.g. payout_window_days.dlocal = 3",
    },
    SettingInfo {
        key: "payout_allowance",
        default: "0",
        meaning: "largest difference (payout's currency) between a payout's net and a bank credit for the credit to be matched by amount (bank charges); a credit naming the transfer matches whatever its amount",
    },
    SettingInfo {
        key: "actor",
        default: "",
        meaning: "your name in the audit trail (empty: the OS user name; --actor overrides it)",
    },
    SettingInfo {
        key: "retention_years",
        default: "5",
        meaning: "years records are kept after their period ends: at least 5, can only be raised; Colombian commercial law (Ley 962 de 2005, art. 28) asks 10 for books and supporting documents",
    },
    SettingInfo {
        key: "language",
        default: "es",
        meaning: "language of the app and its reports: es, en or zh",
    },
];

#[derive(Debug, thiserror::Error)]
pub enum SettingError {
    #[error("'{0}' is not a setting; settings are zone, zone.<psp>, tolerance, validity_hours, validity_hours.<psp>, grace_days, payout_window_days, payout_window_days.<psp>, payout_allowance, actor, retention_years, language")]
    Unknown(String),
    #[error("retention_years cannot be lowered from {current} to {value}: records are kept at least as long as promised when they were filed; keep {current} or raise it")]
    Lowered { current: u32, value: u32 },
    #[error("'{value}' is not a valid {key}: {}", .why.en)]
    Invalid {
        key: String,
        value: String,
        /// What to write instead (one of `store::words::WHY_*`).
        why: &'static Entry,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl SettingError {
    /// What went wrong and what to do, in the reader's language (see `StoreError::msg`).
    pub fn msg(&self) -> Msg {
        match self {
            SettingError::Unknown(key) => msg!(SETTING_UNKNOWN, key),
            SettingError::Lowered { current, value } => {
                msg!(SETTING_LOWERED, i64::from(*current), i64::from(*value))
            }
            SettingError::Invalid { key, value, why } => {
                msg!(SETTING_INVALID, value, key, msg!(*why))
            }
            SettingError::Store(e) => e.msg(),
        }
    }
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
            .map_err(|_| invalid(WHY_ZONE)),
        k if k.starts_with("zone.") => {
            if k.len() == "zone.".len() {
                return Err(SettingError::Unknown(key.to_string()));
            }
            crate::time::parse_zone(value)
                .map(|_| value.to_string())
                .map_err(|_| invalid(WHY_ZONE))
        }
        "tolerance" => match value.parse::<rust_decimal::Decimal>() {
            Ok(d) if d >= rust_decimal::Decimal::ZERO => Ok(d.normalize().to_string()),
            _ => Err(invalid(WHY_TOLERANCE)),
        },
        "payout_allowance" => match value.parse::<rust_decimal::Decimal>() {
            Ok(d) if d >= rust_decimal::Decimal::ZERO => Ok(d.normalize().to_string()),
            _ => Err(invalid(WHY_TOLERANCE)),
        },
        k if k == "payout_window_days" || k.starts_with("payout_window_days.") => {
            if k.len() == "payout_window_days.".len() {
                return Err(SettingError::Unknown(key.to_string()));
            }
            match value.parse::<i64>() {
                Ok(n) if (0..=366).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid(WHY_PAYOUT_WINDOW)),
            }
        }
        "grace_days" => match value.parse::<i64>() {
            Ok(n) if (0..=3650).contains(&n) => Ok(n.to_string()),
            _ => Err(invalid(WHY_GRACE_DAYS)),
        },
        "actor" => {
            // Empty: the OS user name; else a name that can sign an act.
            if !value.is_empty() && crate::audit::check_actor(value).is_err() {
                Err(invalid(WHY_ACTOR))
            } else {
                Ok(value.to_string())
            }
        }
        "retention_years" => match value.parse::<u32>() {
            Ok(n) if (MIN_RETENTION_YEARS..=100).contains(&n) => Ok(n.to_string()),
            _ => Err(invalid(WHY_RETENTION)),
        },
        "language" => match value.to_lowercase().as_str() {
            l @ ("es" | "en" | "zh") => Ok(l.to_string()),
            _ => Err(invalid(WHY_LANGUAGE)),
        },
        k if k == "validity_hours" || k.starts_with("validity_hours.") => {
            if k.len() == "validity_hours.".len() {
                return Err(SettingError::Unknown(key.to_string()));
            }
            match value.parse::<i64>() {
                Ok(n) if (1..=24 * 366).contains(&n) => Ok(n.to_string()),
                _ => Err(invalid(WHY_VALIDITY)),
            }
        }
        _ => Err(SettingError::Unknown(key.to_string())),
    }
}

impl Workspace {
    /// Stores a setting after checking it, with its audit event (by `actor`, at `now`) in the
    /// same transaction; returns the value as stored. Storing the value already stored changes
    /// nothing and records nothing. `retention_years` can only be raised.
    pub fn set_setting(
        &mut self,
        key: &str,
        value: &str,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<String, SettingError> {
        let key = key.trim().to_lowercase();
        let stored = check(&key, value)?;
        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let old = setting_of(&tx, &key)?;
        if old.as_deref() == Some(stored.as_str()) {
            return Ok(stored);
        }
        if key == "retention_years" {
            let current = retention_from(old.as_deref());
            let value = retention_from(Some(&stored));
            if value < current {
                return Err(SettingError::Lowered { current, value });
            }
        }
        tx.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, stored],
        )
        .map_err(StoreError::from)?;
        if key == "zone" {
            // The dashboard's rollups count cases by their local date.
            crate::cases::rebuild_rollups(&tx)?;
        }
        let json = |v: &str| serde_json::Value::from(v).to_string();
        audit::append(
            &tx,
            &NewEvent {
                at: now,
                actor: actor.to_string(),
                action: "setting".into(),
                subject: format!("setting:{key}"),
                // `None` before: the setting was unset, so its default applied.
                before: old.as_deref().map(json),
                after: Some(json(&stored)),
                reason: None,
                note: None,
            },
        )?;
        audit::crash_point("setting");
        tx.commit().map_err(StoreError::from)?;
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
            .expect("time")
            .with_timezone(&Utc)
    }

    fn set(ws: &mut Workspace, key: &str, value: &str) -> Result<String, SettingError> {
        ws.set_setting(key, value, "ana", now())
    }

    #[test]
    fn settings_are_checked_before_they_are_stored() {
        let mut ws = Workspace::open_in_memory().expect("open");
        assert_eq!(
            set(&mut ws, "zone", "America/Lima").expect("zone"),
            "America/Lima"
        );
        assert_eq!(
            set(&mut ws, "tolerance", "100.00").expect("tolerance"),
            "100"
        );
        assert_eq!(
            set(&mut ws, "validity_hours.payu", "168").expect("per psp"),
            "168"
        );
        assert!(matches!(
            set(&mut ws, "zone", "Bogota"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            set(&mut ws, "tolerance", "-1"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            set(&mut ws, "validity_hours", "0"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(matches!(
            set(&mut ws, "colour", "red"),
            Err(SettingError::Unknown(_))
        ));
        let stored = ws.stored_settings().expect("read");
        assert_eq!(stored.len(), 3, "refused values are not stored: {stored:?}");
        let recon = ws.recon_settings().expect("recon settings");
        assert_eq!(recon.validity_hours_for(Some("PayU")), 168);
        assert_eq!(recon.tolerance, rust_decimal::Decimal::from(100));
    }

    #[test]
    fn payout_window_and_allowance_are_checked_and_read_per_psp() {
        let mut ws = Workspace::open_in_memory().expect("open");
        assert_eq!(
            set(&mut ws, "payout_window_days.dlocal", "3").expect("per psp"),
            "3"
        );
        assert_eq!(
            set(&mut ws, "payout_allowance", "2.50").expect("allowance"),
            "2.5"
        );
        for (key, value) in [
            ("payout_window_days", "-1"),
            ("payout_window_days", "400"),
            ("payout_allowance", "-1"),
        ] {
            assert!(
                matches!(set(&mut ws, key, value), Err(SettingError::Invalid { .. })),
                "{key} = {value}"
            );
        }
        assert!(matches!(
            set(&mut ws, "payout_window_days.", "3"),
            Err(SettingError::Unknown(_))
        ));
        let recon = ws.recon_settings().expect("recon settings");
        assert_eq!(recon.payout_window_days_for("DLocal"), 3);
        assert_eq!(recon.payout_window_days_for("payu"), 5, "the default");
        assert_eq!(recon.payout_allowance, rust_decimal::Decimal::new(25, 1));
    }

    #[test]
    fn actor_retention_and_language_are_checked() {
        let mut ws = Workspace::open_in_memory().expect("open");
        assert_eq!(
            ws.retention_years().expect("default"),
            5,
            "the default is 5 years"
        );
        assert_eq!(ws.actor_setting().expect("default"), None);
        assert_eq!(
            set(&mut ws, "actor", "  Ana Gómez ").expect("actor"),
            "Ana Gómez"
        );
        assert_eq!(
            ws.actor_setting().expect("read").as_deref(),
            Some("Ana Gómez")
        );
        assert!(matches!(
            set(&mut ws, "actor", "ana\nroot"),
            Err(SettingError::Invalid { .. })
        ));
        assert_eq!(set(&mut ws, "language", "EN").expect("language"), "en");
        assert!(matches!(
            set(&mut ws, "language", "fr"),
            Err(SettingError::Invalid { .. })
        ));
        assert!(
            matches!(
                set(&mut ws, "retention_years", "4"),
                Err(SettingError::Invalid { .. })
            ),
            "below the 5-year floor is refused"
        );
        assert_eq!(set(&mut ws, "retention_years", "10").expect("raise"), "10");
        let err = set(&mut ws, "retention_years", "7").expect_err("lowering is refused");
        assert!(
            matches!(
                err,
                SettingError::Lowered {
                    current: 10,
                    value: 7
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("keep 10 or raise it"), "{err}");
        assert_eq!(
            ws.retention_years().expect("read"),
            10,
            "the refused value is not stored"
        );
    }

    #[test]
    fn each_change_is_one_audit_event_with_before_and_after() {
        let mut ws = Workspace::open_in_memory().expect("open");
        set(&mut ws, "grace_days", "10").expect("first");
        set(&mut ws, "grace_days", "10").expect("same value again");
        set(&mut ws, "grace_days", "12").expect("change");
        let _ = set(&mut ws, "grace_days", "x");
        let events = ws
            .audit_log(&crate::audit::AuditFilter::default())
            .expect("log");
        let shown: Vec<_> = events
            .iter()
            .map(|e| {
                (
                    e.action.as_str(),
                    e.subject.as_str(),
                    e.before.as_deref(),
                    e.after.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                ("setting", "setting:grace_days", None, Some("\"10\"")),
                (
                    "setting",
                    "setting:grace_days",
                    Some("\"10\""),
                    Some("\"12\"")
                ),
            ],
            "an unchanged or refused value records nothing"
        );
        assert!(ws.verify_audit().expect("verify").ok());
    }
}
