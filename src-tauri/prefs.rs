//! The person's preferences, kept outside any workspace (they belong to the person, not the
//! books): their name for the audit trail, their language and the last workspace they opened.
//! A small JSON file in the OS config folder (`CUADRA_PREFS` chooses another, for tests).

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub actor: Option<String>,
    pub lang: Option<String>,
    pub last_workspace: Option<PathBuf>,
    #[serde(skip)]
    path: Option<PathBuf>,
}

impl Prefs {
    /// The preferences file: `$CUADRA_PREFS`, else `<config dir>/co.cuadra.app/prefs.json`.
    pub fn default_path() -> Option<PathBuf> {
        match std::env::var_os("CUADRA_PREFS") {
            Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
            _ => dirs::config_dir().map(|d| {
                d.join(cuadra_core::store::APP_IDENTIFIER)
                    .join("prefs.json")
            }),
        }
    }

    /// Reads the preferences (missing or unreadable: defaults, never an error at start-up).
    pub fn load() -> Prefs {
        match Self::default_path() {
            Some(p) => Self::load_from(p),
            None => Prefs::default(),
        }
    }

    pub fn load_from(path: PathBuf) -> Prefs {
        let mut prefs: Prefs = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        prefs.path = Some(path);
        prefs
    }

    pub fn save(&self) -> std::io::Result<()> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        let partial = path.with_extension("partial");
        std::fs::write(&partial, bytes)?;
        std::fs::rename(partial, path)
    }
}
