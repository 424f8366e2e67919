//! `cuadra-cli export KIND --out FILE`: reports for the books and the auditors, through
//! `cuadra_core::report::export` (the same entry point the desktop app calls).

use clap::{Args, ValueEnum};
use cuadra_core::cases::CaseFilter;
use cuadra_core::report::{
    export, CsvOptions, ExportFormat, ExportKind, ExportRequest, Lang, XlsxOptions,
};
use cuadra_core::store::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// One row per case, in the reconciliation CSV contract's columns.
    Reconciliation,
    /// Every status except matched, payout_matched and settlement_charge (open or resolved).
    Exceptions,
    /// Matched cases (orders matched, and payouts found on the bank statement).
    Matched,
    /// Settlement charges (fees, adjustments, booked batch rounding).
    Charges,
    /// Exactly the cases the filters select, any status, with states and reasons in words.
    Cases,
    /// Counts and amounts per status, PSP, method and batch, with the tie-outs.
    Summary,
    /// The whole audit trail (hash chain included).
    Audit,
    /// XLSX: Summary, Exceptions, Matched, Settlement charges, Audit trail, Files.
    Workbook,
    /// ZIP for auditors: the period's workbook, audit trail, original files, sums (--period).
    Bundle,
}

impl Kind {
    fn core(self) -> ExportKind {
        match self {
            Kind::Reconciliation => ExportKind::Reconciliation,
            Kind::Exceptions => ExportKind::Exceptions,
            Kind::Matched => ExportKind::Matched,
            Kind::Charges => ExportKind::Charges,
            Kind::Cases => ExportKind::Cases,
            Kind::Summary => ExportKind::Summary,
            Kind::Audit => ExportKind::Audit,
            Kind::Workbook => ExportKind::Workbook,
            Kind::Bundle => ExportKind::Bundle,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Xlsx,
    Csv,
    Zip,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Es,
    En,
    Zh,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// The file to write (written to FILE.partial, then renamed).
    #[arg(long)]
    out: PathBuf,
    /// xlsx or csv (default: from the file's extension, else csv; workbook: xlsx; bundle: zip).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// First day (YYYY-MM-DD, workspace zone) of the cases' dates.
    #[arg(long)]
    from: Option<String>,
    /// Last day (YYYY-MM-DD, inclusive).
    #[arg(long)]
    to: Option<String>,
    /// A month, YYYY-MM (required for a bundle).
    #[arg(long)]
    period: Option<String>,
    /// Only these status codes (repeat or list: --status underpaid overpaid).
    #[arg(long, num_args = 1..)]
    status: Vec<String>,
    /// Only these PSPs.
    #[arg(long, num_args = 1..)]
    psp: Vec<String>,
    /// Only these payment methods (as the files name them).
    #[arg(long, num_args = 1..)]
    method: Vec<String>,
    /// Only cases in this state: to_review, waiting, reconciled (or open, resolved).
    #[arg(long)]
    state: Option<String>,
    /// Words to find in references, order ids, customers and case keys.
    #[arg(long)]
    text: Option<String>,
    /// Smallest main amount (order total, else paid, else net settled), inclusive.
    #[arg(long)]
    amount_min: Option<String>,
    /// Largest main amount, inclusive.
    #[arg(long)]
    amount_max: Option<String>,
    /// Labels in Spanish (default), English or Simplified Chinese.
    #[arg(long, value_enum, default_value = "es")]
    lang: LangArg,
    /// CSV for Excel in Spanish: `;` between fields and a decimal comma (still UTF-8 with BOM).
    #[arg(long)]
    csv_excel_es: bool,
    /// Reconcile again first, judging vouchers and grace periods at this moment (RFC 3339).
    /// Without it the stored cases are exported (reconciled now if the workspace never was).
    #[arg(long)]
    as_of: Option<String>,
    /// Rows per XLSX sheet before a table continues on a next sheet (default: Excel's limit).
    #[arg(long, hide = true)]
    max_rows_per_sheet: Option<u32>,
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
    args: ExportArgs,
) -> Result<ExitCode, String> {
    let kind = args.kind.core();
    let format = match (args.format, kind) {
        (Some(Format::Xlsx), _) => ExportFormat::Xlsx,
        (Some(Format::Csv), _) => ExportFormat::Csv,
        (Some(Format::Zip), _) => ExportFormat::Zip,
        (None, ExportKind::Workbook) => ExportFormat::Xlsx,
        (None, ExportKind::Bundle) => ExportFormat::Zip,
        (None, _) => ExportFormat::from_path(&args.out).unwrap_or(ExportFormat::Csv),
    };
    let reconcile_as_of =
        if args.as_of.is_some() || ws.last_run().map_err(|e| e.to_string())?.is_none() {
            Some(crate::reconcile::parse_as_of(args.as_of.as_deref())?)
        } else {
            None
        };
    let req = ExportRequest {
        kind,
        format,
        filter: CaseFilter {
            statuses: args.status,
            psps: args.psp,
            methods: args.method,
            state: args.state,
            period: args.period,
            from: args.from,
            to: args.to,
            amount_min: args.amount_min,
            amount_max: args.amount_max,
            text: args.text,
            expiring_within_hours: None,
        },
        lang: match args.lang {
            LangArg::Es => Lang::Es,
            LangArg::En => Lang::En,
            LangArg::Zh => Lang::Zh,
        },
        csv: CsvOptions {
            excel_es: args.csv_excel_es,
        },
        xlsx: match args.max_rows_per_sheet {
            Some(max_rows_per_sheet) => XlsxOptions { max_rows_per_sheet },
            None => XlsxOptions::default(),
        },
        reconcile_as_of,
        actor: actor.to_string(),
        now,
    };
    let outcome = export(ws, &req, &args.out).map_err(|e| e.to_string())?;
    let what = match kind {
        ExportKind::Audit => "events",
        ExportKind::Summary => "status rows",
        ExportKind::Bundle => "original files",
        _ => "cases",
    };
    println!(
        "wrote {} {what} to {} ({} bytes, sha256 {}; audit event {})",
        outcome.rows,
        outcome.path.display(),
        outcome.bytes,
        outcome.sha256,
        outcome.audit_seq
    );
    if outcome.inexact_amounts > 0 {
        println!(
            "note: {} amounts have more than 15 significant digits; Excel shows them rounded (the CSV export keeps them exact)",
            outcome.inexact_amounts
        );
    }
    Ok(ExitCode::SUCCESS)
}
