//! `cuadra-cli profile`: map an unknown layout's columns once; Cuadra applies the mapping by itself
//! whenever the same header comes back.

use clap::{Args, Subcommand, ValueEnum};
use cuadra_core::ingest::builtin_profiles;
use cuadra_core::ingest::custom::ProfileSpec;
use cuadra_core::model::FileKind;
use cuadra_core::money::DecimalMark;
use cuadra_core::store::Workspace;
use cuadra_core::time::DateOrder;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ProfileArgs {
    #[command(subcommand)]
    command: ProfileCommand,
}

impl ProfileArgs {
    /// Whether a profile is being saved (not only listed or shown).
    pub fn saves_something(&self) -> bool {
        matches!(self.command, ProfileCommand::Create { .. })
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Settlement,
    Orders,
}

#[derive(Clone, Copy, ValueEnum)]
enum Mark {
    Dot,
    Comma,
}

#[derive(Clone, Copy, ValueEnum)]
enum Order {
    Dmy,
    Mdy,
    Ymd,
}

#[derive(Subcommand)]
enum ProfileCommand {
    /// List built-in and saved profiles.
    List,
    /// Show a profile's full mapping as JSON.
    Show { name: String },
    /// Save a mapping for the layout of a sample file.
    Create {
        name: String,
        /// A sample file with the layout (its header row is remembered).
        #[arg(long)]
        from: PathBuf,
        #[arg(long, value_enum)]
        kind: Kind,
        /// FIELD=COLUMN, repeatable: e.g. reference=Referencia amount="Valor pagado" date=Fecha.
        #[arg(long = "map", required = true)]
        maps: Vec<String>,
        /// The PSP or shop name (default: the profile name).
        #[arg(long)]
        source: Option<String>,
        #[arg(long, value_enum)]
        decimal: Option<Mark>,
        /// A chrono date format, e.g. "%d/%m/%Y %H:%M".
        #[arg(long)]
        date_format: Option<String>,
        #[arg(long, value_enum)]
        date_order: Option<Order>,
        /// Zone of date-times without an offset (default: the workspace zone).
        #[arg(long)]
        zone: Option<String>,
        /// RAW=TYPE, repeatable: a row-type value and its type (payment, refund, fee, ...).
        #[arg(long = "row-type")]
        row_types: Vec<String>,
        /// Currency of amounts when the file has no currency column, e.g. COP.
        #[arg(long)]
        currency: Option<String>,
        /// 1-based row of the header in the file (default: the first non-blank row).
        #[arg(long)]
        header_row: Option<u64>,
    },
}

fn pair(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .ok_or_else(|| format!("'{text}' should look like FIELD=COLUMN"))
}

pub fn run(ws: &mut Workspace, args: ProfileArgs) -> Result<ExitCode, String> {
    match args.command {
        ProfileCommand::List => {
            for p in builtin_profiles() {
                println!(
                    "{:<26} built-in  {:<10} {}",
                    p.name,
                    p.kind.as_str(),
                    p.source
                );
            }
            for s in ws.saved_profiles().map_err(|e| e.to_string())? {
                println!(
                    "{:<26} saved     {:<10} {} (created {})",
                    s.name,
                    s.profile.kind.as_str(),
                    s.profile.source,
                    s.created_at
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ProfileCommand::Show { name } => {
            let builtin = builtin_profiles().into_iter().find(|p| p.name == name);
            let saved = ws
                .saved_profiles()
                .map_err(|e| e.to_string())?
                .into_iter()
                .find(|s| s.name == name)
                .map(|s| s.profile);
            let p = saved
                .or(builtin)
                .ok_or_else(|| format!("no profile named '{name}'"))?;
            println!(
                "{}",
                serde_json::to_string_pretty(&p).map_err(|e| e.to_string())?
            );
            Ok(ExitCode::SUCCESS)
        }
        ProfileCommand::Create {
            name,
            from,
            kind,
            maps,
            source,
            decimal,
            date_format,
            date_order,
            zone,
            row_types,
            currency,
            header_row,
        } => {
            let sample =
                std::fs::read(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
            let spec = ProfileSpec {
                name: name.clone(),
                kind: match kind {
                    Kind::Settlement => FileKind::Settlement,
                    Kind::Orders => FileKind::Orders,
                },
                source,
                mappings: maps.iter().map(|m| pair(m)).collect::<Result<_, _>>()?,
                decimal_mark: decimal.map(|d| match d {
                    Mark::Dot => DecimalMark::Dot,
                    Mark::Comma => DecimalMark::Comma,
                }),
                date_format,
                date_order: date_order.map(|o| match o {
                    Order::Dmy => DateOrder::Dmy,
                    Order::Mdy => DateOrder::Mdy,
                    Order::Ymd => DateOrder::Ymd,
                }),
                zone,
                row_types: row_types
                    .iter()
                    .map(|m| pair(m))
                    .collect::<Result<_, _>>()?,
                default_currency: currency.map(|c| c.to_uppercase()),
                header_row,
            };
            ws.create_profile(&spec, &sample, chrono::Utc::now())
                .map_err(|e| e.to_string())?;
            println!(
                "saved profile '{name}': files with the header of {} now import with it",
                from.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
