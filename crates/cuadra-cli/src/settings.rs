//! `cuadra-cli settings [KEY [VALUE]]`: show the workspace settings, one, or change one.

use chrono::{DateTime, Utc};
use clap::Args;
use cuadra_core::settings::SETTINGS;
use cuadra_core::store::Workspace;
use std::process::ExitCode;

#[derive(Args)]
pub struct SettingsArgs {
    /// The setting to show or change (all when omitted).
    key: Option<String>,
    /// The new value.
    value: Option<String>,
}

impl SettingsArgs {
    /// Whether a value is being set (not only shown).
    pub fn changes_something(&self) -> bool {
        self.value.is_some()
    }
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: DateTime<Utc>,
    args: SettingsArgs,
) -> Result<ExitCode, String> {
    let stored = ws.stored_settings().map_err(|e| e.to_string())?;
    match (args.key, args.value) {
        (None, _) => {
            for info in SETTINGS {
                let value = stored
                    .iter()
                    .find(|(k, _)| k == info.key)
                    .map(|(_, v)| v.as_str());
                println!(
                    "{:<22} {:<18} {}",
                    info.key,
                    value.unwrap_or(info.default),
                    if value.is_some() {
                        info.meaning.to_string()
                    } else {
                        format!("{} (default)", info.meaning)
                    }
                );
            }
            for (k, v) in stored
                .iter()
                .filter(|(k, _)| k.starts_with("validity_hours."))
            {
                println!("{k:<22} {v:<18}");
            }
            Ok(ExitCode::SUCCESS)
        }
        (Some(key), None) => {
            let value = stored
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
                .or_else(|| {
                    SETTINGS
                        .iter()
                        .find(|i| i.key == key)
                        .map(|i| i.default.to_string())
                })
                .ok_or_else(|| format!("'{key}' is not a setting"))?;
            println!("{value}");
            Ok(ExitCode::SUCCESS)
        }
        (Some(key), Some(value)) => {
            let stored = ws
                .set_setting(&key, &value, actor, now)
                .map_err(|e| e.to_string())?;
            println!("{key} = {stored}");
            Ok(ExitCode::SUCCESS)
        }
    }
}
