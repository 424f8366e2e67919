//! Reading one mapped row: each field's cell as text, amount, moment or code, with a positioned
//! problem (file, sheet, row, column and what to do) when a cell cannot be read.

use super::profile::{Field, Profile};
use super::report::{column_letter, Problem, Severity};
use super::words as w;
use crate::money::{parse_amount, DecimalMark};
use crate::msg;
use crate::time::{parse_moment, parse_moment_with_format, DateOrder, Moment};
use crate::words::Msg;
use chrono_tz::Tz;
use csv::StringRecord;
use rust_decimal::Decimal;

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
    minor_units: Option<u32>,
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
            minor_units: profile.minor_units,
        }
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
        let parsed = match &self.date_format {
            Some(fmt) => parse_moment_with_format(text, fmt, self.zone)
                .or_else(|_| parse_moment(text, self.zone, self.date_order)),
            None => parse_moment(text, self.zone, self.date_order),
        };
        parsed.map(Some).map_err(|e| {
            self.problem(
                row,
                self.index[field as usize],
                Severity::Error,
                "bad_date",
                msg!(w::BAD_DATE, e.msg()),
            )
        })
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

    /// Checks the row's shape: cells beyond the header must be blank, and no cell may be huge.
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
            if let Some(extra) =
                (width..rec.len()).find(|i| !rec.get(*i).unwrap_or("").trim().is_empty())
            {
                return Err(self.problem(
                    row,
                    Some(extra),
                    Severity::Error,
                    "ragged_row",
                    msg!(w::RAGGED_ROW, rec.len(), width),
                ));
            }
        }
        let mut warnings = Vec::new();
        if rec.len() < width {
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

use super::source::MAX_CELL_BYTES;
