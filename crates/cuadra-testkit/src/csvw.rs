//! Owns the streaming CSV writer: one reusable byte buffer, RFC 4180 quoting, and the fast
//! number, money and timestamp formatters the generators use. Nothing here allocates per row.
//!
//! Fields are written with [`CsvOut::text`] (quoted when it contains `,` `"` `\n` or `\r`) or
//! built from pieces after [`CsvOut::start`] when the pieces are known to be safe (digits, ids).

use std::io::{self, Write};

/// Flush the buffer to the sink once it holds this many bytes.
const FLUSH_AT: usize = 64 * 1024;

/// Streaming CSV writer over any [`Write`]; counts the bytes it hands to the sink.
pub(crate) struct CsvOut<W: Write> {
    buf: Vec<u8>,
    out: W,
    bytes: u64,
    first_in_row: bool,
    fields: usize,
}

impl<W: Write> CsvOut<W> {
    pub(crate) fn new(out: W) -> Self {
        CsvOut {
            buf: Vec::with_capacity(FLUSH_AT + 16 * 1024),
            out,
            bytes: 0,
            first_in_row: true,
            fields: 0,
        }
    }

    /// Starts a new field (writes the separator unless it is the row's first field).
    #[inline]
    pub(crate) fn start(&mut self) {
        if !self.first_in_row {
            self.buf.push(b',');
        }
        self.first_in_row = false;
        self.fields += 1;
    }

    /// Appends bytes to the current field, unquoted: the caller guarantees they are safe.
    #[inline]
    pub(crate) fn put(&mut self, s: &[u8]) {
        debug_assert!(!needs_quotes(s), "unsafe unquoted CSV piece {s:?}");
        self.buf.extend_from_slice(s);
    }

    /// A whole text field, quoted when needed.
    #[inline]
    pub(crate) fn text(&mut self, s: &str) {
        self.start();
        let b = s.as_bytes();
        if needs_quotes(b) {
            self.buf.push(b'"');
            for &c in b {
                if c == b'"' {
                    self.buf.push(b'"');
                }
                self.buf.push(c);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(b);
        }
    }

    /// `n` empty fields.
    #[inline]
    pub(crate) fn empty(&mut self, n: usize) {
        for _ in 0..n {
            self.start();
        }
    }

    /// A whole field holding an unsigned integer.
    #[inline]
    pub(crate) fn uint(&mut self, v: u64) {
        self.start();
        self.put_u64(v);
    }

    /// A whole field holding `v / 10^scale`, with trailing fractional zeros trimmed, the way
    /// dLocal writes amounts (`254.0104`, `-80`, `0`).
    #[inline]
    pub(crate) fn fixed(&mut self, v: i64, scale: u32) {
        self.start();
        self.put_fixed(v, scale);
    }

    /// A whole field holding whole pesos as Shopify writes money: `150000.00`.
    #[inline]
    pub(crate) fn pesos(&mut self, pesos: i64) {
        self.start();
        self.put_cents(pesos * 100);
    }

    /// A whole field holding an amount in cents with exactly two decimals: `23949.58`.
    #[inline]
    pub(crate) fn cents(&mut self, cents: i64) {
        self.start();
        self.put_cents(cents);
    }

    /// Appends the decimal digits of `v`.
    #[inline]
    pub(crate) fn put_u64(&mut self, mut v: u64) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&tmp[i..]);
    }

    /// Appends `v` zero-padded to `width` digits (`v` must fit).
    #[inline]
    pub(crate) fn put_u64_padded(&mut self, mut v: u64, width: usize) {
        let mut tmp = [b'0'; 20];
        let mut i = tmp.len();
        while i > tmp.len() - width || v != 0 {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
        self.buf.extend_from_slice(&tmp[i..]);
    }

    /// Appends the lowercase base-36 digits of `v`.
    pub(crate) fn put_base36(&mut self, mut v: u64) {
        let mut tmp = [0u8; 13];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = b"0123456789abcdefghijklmnopqrstuvwxyz"[(v % 36) as usize];
            v /= 36;
            if v == 0 {
                break;
            }
        }
        self.buf.extend_from_slice(&tmp[i..]);
    }

    /// Appends `v / 10^scale` with trailing fractional zeros trimmed.
    pub(crate) fn put_fixed(&mut self, v: i64, scale: u32) {
        if v < 0 {
            self.buf.push(b'-');
        }
        let abs = v.unsigned_abs();
        let unit = 10u64.pow(scale);
        self.put_u64(abs / unit);
        let mut frac = abs % unit;
        if frac != 0 {
            let mut width = scale as usize;
            while frac % 10 == 0 {
                frac /= 10;
                width -= 1;
            }
            self.buf.push(b'.');
            self.put_u64_padded(frac, width);
        }
    }

    /// Appends an amount in cents as `123.45` (always two decimals).
    pub(crate) fn put_cents(&mut self, cents: i64) {
        if cents < 0 {
            self.buf.push(b'-');
        }
        let abs = cents.unsigned_abs();
        self.put_u64(abs / 100);
        self.buf.push(b'.');
        self.put_u64_padded(abs % 100, 2);
    }

    /// Appends `YYYY-MM-DD` for a day number counted from 1970-01-01.
    pub(crate) fn put_date(&mut self, days: i64) {
        let (y, m, d) = civil_from_days(days);
        let mut tmp = [b'-'; 10];
        write_digits(&mut tmp[0..4], y as u64);
        write_digits(&mut tmp[5..7], u64::from(m));
        write_digits(&mut tmp[8..10], u64::from(d));
        self.buf.extend_from_slice(&tmp);
    }

    /// Appends `YYYY-MM-DD HH:MM:SS` for seconds counted from 1970-01-01 00:00:00 (wall time).
    pub(crate) fn put_datetime(&mut self, secs: i64) {
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400) as u64;
        self.put_date(days);
        let mut tmp = *b" 00:00:00";
        write_digits(&mut tmp[1..3], sod / 3600);
        write_digits(&mut tmp[4..6], sod / 60 % 60);
        write_digits(&mut tmp[7..9], sod % 60);
        self.buf.extend_from_slice(&tmp);
    }

    /// Ends the row; hands the buffer to the sink when it is full enough.
    /// Returns the number of fields the row had.
    #[inline]
    pub(crate) fn end_row(&mut self) -> io::Result<usize> {
        self.buf.push(b'\n');
        self.first_in_row = true;
        let fields = std::mem::take(&mut self.fields);
        if self.buf.len() >= FLUSH_AT {
            self.flush_buf()?;
        }
        Ok(fields)
    }

    fn flush_buf(&mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.bytes += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Writes out what is buffered, flushes the sink, and returns the total bytes written.
    pub(crate) fn finish(mut self) -> io::Result<u64> {
        self.flush_buf()?;
        self.out.flush()?;
        Ok(self.bytes)
    }
}

#[inline]
fn needs_quotes(s: &[u8]) -> bool {
    s.iter().any(|&c| matches!(c, b',' | b'"' | b'\n' | b'\r'))
}

/// Fills `dst` with the low `dst.len()` decimal digits of `v`, zero-padded.
#[inline]
fn write_digits(dst: &mut [u8], mut v: u64) {
    for slot in dst.iter_mut().rev() {
        *slot = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// (year, month, day) of a day number counted from 1970-01-01 (Howard Hinnant's algorithm).
pub(crate) fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(f: impl FnOnce(&mut CsvOut<&mut Vec<u8>>)) -> String {
        let mut v = Vec::new();
        let mut w = CsvOut::new(&mut v);
        f(&mut w);
        w.finish().expect("vec write");
        String::from_utf8(v).expect("utf8")
    }

    #[test]
    fn quoting() {
        let s = render(|w| {
            w.text("plain");
            w.text("a,b");
            w.text("say \"hi\"");
            w.text("two\nlines");
            w.empty(2);
            w.end_row().expect("row");
        });
        assert_eq!(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\n");
    }

    #[test]
    fn numbers() {
        let s = render(|w| {
            w.fixed(254_010_400, 6);
            w.fixed(-80_000_000, 6);
            w.fixed(0, 6);
            w.fixed(-57_909, 6);
            w.fixed(25_970, 2);
            w.pesos(150_000);
            w.cents(2_394_958);
            w.cents(-5);
            w.uint(0);
            w.start();
            w.put_base36(0);
            w.put_base36(35);
            w.put_base36(36);
            w.end_row().expect("row");
        });
        assert_eq!(
            s,
            "254.0104,-80,0,-0.057909,259.7,150000.00,23949.58,-0.05,0,0z10\n"
        );
    }

    #[test]
    fn dates_match_chrono() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("date");
        for days in [-1000i64, 0, 59, 365, 11_016, 20_574, 20_605, 47_482] {
            let d = epoch + chrono::Duration::days(days);
            let s = render(|w| {
                w.start();
                w.put_datetime(days * 86_400 + 3661);
            });
            assert_eq!(s, format!("{} 01:01:01", d.format("%Y-%m-%d")));
        }
    }
}
