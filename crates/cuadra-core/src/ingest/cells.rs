//! Reading one mapped row: each field's cell as text, amount, moment or code, with a positioned
//! problem (file, sheet, row, column and what to do) when a cell cannot be read.

use super::profile::{Field, Profile};
use super::report::{column_letter, Problem, Severity};
use super::words as w;
use crate::money::{parse_amount, DecimalMark};
use crate::msg;
use crate::time::{
    order_dependent_parts, parse_moment, parse_moment_with_format, DateOrder, Moment, TimeError,
};
use crate::words::Msg;
use chrono_tz::Tz;
use csv::StringRecord;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Mutex;

const FIELD_COUNT: usize = Field::ItemPrice as usize + 1;

/// How one file's cells are read: its columns, decimal mark, zone and date conventions.
pub struct CellReader {
    pub file: String,
    pub sheet: Option<String>,
    /// Header texts as the file wrote them, for messages.
    header: Vec<String>,
    index: [Option<usize>; FIELD_COUNT],
    mark: DecimalMark,
    zone: Tz,
    date_order: DateOrder,
    date_format: Option<String>,
    /// Whether the profile states the date order (else a column's own dates must settle it).
    date_order_stated: bool,
    minor_units: Option<u32>,
    /// The layout writes rows with fewer cells than its header (see `Profile::short_rows`).
    short_rows: bool,
    /// The line of a last row no line break ends: short of cells there, the file was cut off.
    cut_row: Option<u64>,
    /// What each date column's `a/b/yyyy` dates say about their order, by column index.
    date_evidence: Mutex<BTreeMap<usize, DateEvidence>>,
}

/// The first date of a column (row, text) that only reads day first, only month first, or both
/// ways as two different dates.
#[derive(Default)]
struct DateEvidence {
    day_first: Option<(u64, String)>,
    month_first: Option<(u64, String)>,
    either: Option<(u64, String, u32, u32)>,
}

impl CellReader {
    pub fn new(
        file: &str,
        sheet: Option<&str>,
        header: &StringRecord,
        columns: &[(Field, usize)],
        profile: &Profile,
        mark: DecimalMark,
        zone: Tz,
    ) -> CellReader {
        let mut index = [None; FIELD_COUNT];
        for (field, idx) in columns {
            index[*field as usize] = Some(*idx);
        }
        CellReader {
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            header: header.iter().map(|h| h.trim().to_string()).collect(),
            index,
            mark,
            zone,
            date_order: profile.date_order,
            date_format: profile.date_format.clone(),
            date_order_stated: profile.date_order_stated || profile.date_format.is_some(),
            minor_units: profile.minor_units,
            short_rows: profile.short_rows,
            cut_row: None,
            date_evidence: Mutex::new(BTreeMap::new()),
        }
    }

    /// The line of the file's last row when no line break ends it (see [`Source::unterminated_last_row`]).
    ///
    /// [`Source::unterminated_last_row`]: super::source::Source::unterminated_last_row
    pub fn with_cut_row(mut self, row: Option<u64>) -> CellReader {
        self.cut_row = row;
        self
    }

    pub fn has(&self, field: Field) -> bool {
        self.index[field as usize].is_some()
    }

    /// The column's name as a person finds it: `LOCAL_AMOUNT (I)`.
    pub fn column_name(&self, idx: usize) -> String {
        match self.header.get(idx).filter(|h| !h.is_empty()) {
            Some(h) => format!("{h} ({})", column_letter(idx)),
            None => column_letter(idx),
        }
    }

    pub fn problem(
        &self,
        row: u64,
        column: Option<usize>,
        severity: Severity,
        code: &str,
        message: Msg,
    ) -> Problem {
        Problem {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column: column.map(|c| self.column_name(c)),
            severity,
            code: code.into(),
            message,
        }
    }

    /// The trimmed text of a field, None when the column is absent or the cell blank.
    pub fn text<'r>(&self, rec: &'r StringRecord, field: Field) -> Option<&'r str> {
        let idx = self.index[field as usize]?;
        rec.get(idx).map(str::trim).filter(|s| !s.is_empty())
    }

    pub fn string(&self, rec: &StringRecord, field: Field) -> Option<String> {
        self.text(rec, field).map(str::to_string)
    }

    /// A currency code, upper-cased.
    pub fn currency(&self, rec: &StringRecord, field: Field) -> Option<String> {
        self.text(rec, field).map(|s| s.to_uppercase())
    }

    pub fn amount(
        &self,
        rec: &StringRecord,
        row: u64,
        field: Field,
    ) -> Result<Option<Decimal>, Problem> {
        let Some(text) = self.text(rec, field) else {
            return Ok(None);
        };
        let idx = self.index[field as usize];
        let mut value = parse_amount(text, self.mark).map_err(|e| {
            self.problem(
                row,
                idx,
                Severity::Error,
                "bad_amount",
                msg!(w::BAD_AMOUNT, e.msg()),
            )
        })?;
        if let Some(units) = self.minor_units {
            if value.fract() != Decimal::ZERO {
                return Err(self.problem(
                    row,
                    idx,
                    Severity::Error,
                    "bad_amount",
                    msg!(w::NOT_MINOR_UNITS, text),
                ));
            }
            value.set_scale(value.scale() + units).map_err(|_| {
                self.problem(
                    row,
                    idx,
                    Severity::Error,
                    "bad_amount",
                    msg!(w::AMOUNT_TOO_LARGE, text),
                )
            })?;
        }
        Ok(Some(value))
    }

    pub fn moment(
        &self,
        rec: &StringRecord,
        row: u64,
        field: Field,
    ) -> Result<Option<Moment>, Problem> {
        let Some(text) = self.text(rec, field) else {
            return Ok(None);
        };
        let idx = self.index[field as usize];
        let parsed = match &self.date_format {
            Some(fmt) => parse_moment_with_format(text, fmt, self.zone)
                .or_else(|_| parse_moment(text, self.zone, self.date_order)),
            None => {
                if let (Some(parts), Some(idx)) = (order_dependent_parts(text), idx) {
                    self.note_date_order(idx, row, text, parts);
                }
                parse_moment(text, self.zone, self.date_order)
            }
        };
        parsed.map(Some).map_err(|e| match e {
            TimeError::TwoDigitYear { .. } => {
                self.problem(row, idx, Severity::Error, "two_digit_year", e.msg())
            }
            _ => self.problem(
                row,
                idx,
                Severity::Error,
                "bad_date",
                msg!(w::BAD_DATE, e.msg()),
            ),
        })
    }

    /// Keeps the first date of the column that settles its order, or that leaves it open.
    fn note_date_order(&self, idx: usize, row: u64, text: &str, (a, b): (u32, u32)) {
        let Ok(mut evidence) = self.date_evidence.lock() else {
            return;
        };
        let column = evidence.entry(idx).or_default();
        let valid = |n: u32| (1..=12).contains(&n);
        let slot = match (valid(a), valid(b)) {
            (false, true) => &mut column.day_first,
            (true, false) => &mut column.month_first,
            (true, true) if a != b => {
                if column.either.is_none() {
                    column.either = Some((row, text.to_string(), a, b));
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some((row, text.to_string()));
        }
    }

    /// After every row is read: a column whose `a/b/yyyy` dates do not settle their own order
    /// while the profile does not state it, that mixes both orders, or whose dates only read in
    /// the order the profile does not use. Each is a reason to import nothing of the file.
    pub fn date_order_problems(&self) -> Vec<Problem> {
        let Ok(evidence) = self.date_evidence.lock() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (idx, column) in evidence.iter() {
            let col = Some(*idx);
            if let (Some((day_row, day_text)), Some((month_row, month_text))) =
                (&column.day_first, &column.month_first)
            {
                out.push(self.problem(
                    *month_row,
                    col,
                    Severity::Error,
                    "date_order_mixed",
                    msg!(w::DATE_ORDER_MIXED, day_text, w::int(*day_row), month_text),
                ));
                continue;
            }
            // A date that only reads in the other order is an error of its own row (`no month
            // 13`); when the profile does not state the order, the column's other dates were
            // read in a guessed one: the whole file is refused.
            let (other, other_order) = match self.date_order {
                DateOrder::Dmy => (&column.month_first, DateOrder::Mdy),
                DateOrder::Mdy => (&column.day_first, DateOrder::Dmy),
                DateOrder::Ymd => (&None, DateOrder::Ymd),
            };
            if let (Some((row, text)), false) = (other, self.date_order_stated) {
                out.push(self.problem(
                    *row,
                    col,
                    Severity::Error,
                    "date_order_contradicted",
                    msg!(
                        w::DATE_ORDER_CONTRADICTED,
                        text,
                        describe_order(other_order),
                        describe_order(self.date_order)
                    ),
                ));
                continue;
            }
            let settled = match self.date_order {
                DateOrder::Dmy => column.day_first.is_some(),
                DateOrder::Mdy => column.month_first.is_some(),
                DateOrder::Ymd => true,
            };
            if let (Some((row, text, a, b)), false, false) =
                (&column.either, settled, self.date_order_stated)
            {
                let year = text
                    .trim()
                    .split(['/', '-', '.'])
                    .nth(2)
                    .map(|y| y.chars().take(4).collect::<String>())
                    .unwrap_or_default();
                out.push(self.problem(
                    *row,
                    col,
                    Severity::Error,
                    "date_order_ambiguous",
                    msg!(
                        w::DATE_ORDER_AMBIGUOUS,
                        text,
                        format!("{year}-{b:02}-{a:02}"),
                        format!("{year}-{a:02}-{b:02}")
                    ),
                ));
            }
        }
        out
    }

    /// Warns when an identifier cell holds a number a spreadsheet wrote in scientific notation
    /// (`2.66E+08`): its digits are lost, so it will never match anything.
    pub fn check_identifier(
        &self,
        rec: &StringRecord,
        row: u64,
        field: Field,
        warnings: &mut Vec<Problem>,
    ) {
        if let Some(text) = self.text(rec, field) {
            if crate::reconcile::spoiled_by_spreadsheet(text) {
                warnings.push(self.problem(
                    row,
                    self.column_of(field),
                    Severity::Warning,
                    "spoiled_reference",
                    msg!(w::SPOILED_REFERENCE, text),
                ));
            }
        }
    }

    /// The column index of a field, for problems about it.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.index[field as usize]
    }

    /// Checks the row's shape: as many cells as the header (a layout that writes short rows may
    /// have fewer), and no huge cell. A row of another width is an error: its values may sit
    /// under the wrong columns. Warnings are for the short rows a layout writes on purpose.
    pub fn check_shape(&self, rec: &StringRecord, row: u64) -> Result<Vec<Problem>, Problem> {
        for (i, cell) in rec.iter().enumerate() {
            if cell.len() > MAX_CELL_BYTES {
                return Err(self.problem(
                    row,
                    Some(i),
                    Severity::Error,
                    "huge_cell",
                    msg!(w::HUGE_CELL, cell.len()),
                ));
            }
        }
        let width = self.header.len();
        if rec.len() > width {
            return Err(
                match (width..rec.len()).find(|i| !rec.get(*i).unwrap_or("").trim().is_empty()) {
                    Some(extra) => self.problem(
                        row,
                        Some(extra),
                        Severity::Error,
                        "ragged_row",
                        msg!(w::RAGGED_ROW, rec.len(), width),
                    ),
                    None => self.problem(
                        row,
                        Some(width),
                        Severity::Error,
                        "row_too_wide",
                        msg!(w::ROW_TOO_WIDE, rec.len(), width),
                    ),
                },
            );
        }
        let mut warnings = Vec::new();
        if rec.len() < width {
            if self.cut_row == Some(row) {
                // The file's last row, with no line break after it: named at its last cell.
                return Err(self.problem(
                    row,
                    Some(rec.len().saturating_sub(1)),
                    Severity::Error,
                    "file_cut_off",
                    msg!(w::FILE_CUT_OFF, rec.len(), width),
                ));
            }
            if !self.short_rows {
                return Err(self.problem(
                    row,
                    Some(rec.len()),
                    Severity::Error,
                    "row_too_short",
                    msg!(w::ROW_TOO_SHORT, rec.len(), width),
                ));
            }
            let missing_mapped = self.index.iter().flatten().any(|idx| *idx >= rec.len());
            if missing_mapped {
                warnings.push(self.problem(
                    row,
                    None,
                    Severity::Warning,
                    "short_row",
                    msg!(w::SHORT_ROW, rec.len(), width),
                ));
            }
        }
        Ok(warnings)
    }
}

fn describe_order(order: DateOrder) -> Msg {
    match order {
        DateOrder::Dmy => msg!(w::ORDER_DMY),
        DateOrder::Mdy => msg!(w::ORDER_MDY),
        DateOrder::Ymd => msg!(w::ORDER_YMD),
    }
}

use super::source::MAX_CELL_BYTES;
