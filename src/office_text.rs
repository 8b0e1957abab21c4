//! Text out of the XML of a .docx (`word/document.xml`) or an .odt (`content.xml`), fed one
//! event at a time by whichever XML reader the platform has (quick-xml in the CLI, the
//! browser's DOMParser in the page): paragraphs and line breaks become lines, tabs stay
//! tabs, a table row becomes one line with its cells separated by tabs.

/// Collects the text as the XML events come.
pub struct Builder {
    odt: bool,
    out: String,
    /// Depth of table cells: paragraphs inside a cell are joined by a space.
    in_cell: usize,
    cell_has_text: bool,
    /// Inside a text element (`w:t`; in an .odt, text is anywhere inside paragraphs).
    in_text: bool,
}

/// At most this many spaces for one `<text:s text:c="…"/>`.
const MAX_SPACES: usize = 1000;

impl Builder {
    pub fn new(odt: bool) -> Builder {
        Builder {
            odt,
            out: String::new(),
            in_cell: 0,
            cell_has_text: false,
            in_text: odt,
        }
    }

    /// An element opens (`count`: its `text:c` attribute).
    pub fn start(&mut self, name: &str, count: Option<usize>) {
        match (self.odt, name) {
            (false, "w:t") => self.in_text = true,
            (false, "w:tab") | (true, "text:tab") => self.out.push('\t'),
            (false, "w:br") | (true, "text:line-break") => self.out.push('\n'),
            (false, "w:tc") | (true, "table:table-cell") => {
                self.in_cell += 1;
                self.cell_has_text = false;
            }
            (true, "text:s") => {
                let n = count.unwrap_or(1).min(MAX_SPACES);
                self.out.extend(std::iter::repeat_n(' ', n));
            }
            _ => {}
        }
    }

    /// An element closes.
    pub fn end(&mut self, name: &str) {
        match (self.odt, name) {
            (false, "w:t") => self.in_text = false,
            (false, "w:p") | (true, "text:p") | (true, "text:h") => {
                if self.in_cell > 0 {
                    if self.cell_has_text && !self.out.ends_with([' ', '\t']) {
                        self.out.push(' ');
                    }
                } else {
                    self.out.push('\n');
                }
            }
            (false, "w:tc") | (true, "table:table-cell") => {
                self.in_cell = self.in_cell.saturating_sub(1);
                while self.out.ends_with(' ') {
                    self.out.pop();
                }
                self.out.push('\t');
            }
            (false, "w:tr") | (true, "table:table-row") => {
                while self.out.ends_with('\t') {
                    self.out.pop();
                }
                self.out.push('\n');
            }
            _ => {}
        }
    }

    /// Character data.
    pub fn text(&mut self, s: &str) {
        if self.in_text && !s.is_empty() {
            self.cell_has_text = true;
            self.out.push_str(s);
        }
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// How an archive member is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Stored,
    Deflated,
}

/// The member of a zip archive that holds a document's text (`word/document.xml` or
/// `content.xml`): whether it is an .odt, how it is stored, and its bytes. For the page,
/// which inflates with the browser's own `DecompressionStream` (the CLI uses the zip crate).
pub fn zip_text_member(z: &[u8]) -> Result<(bool, Method, &[u8]), &'static str> {
    const DAMAGED: &str = "archive endommagée";
    let u16_at = |p: usize| -> Option<usize> {
        Some(u16::from_le_bytes([*z.get(p)?, *z.get(p + 1)?]) as usize)
    };
    let u32_at = |p: usize| -> Option<usize> {
        Some(
            u32::from_le_bytes([*z.get(p)?, *z.get(p + 1)?, *z.get(p + 2)?, *z.get(p + 3)?])
                as usize,
        )
    };
    // the end of central directory record, within the last 64 KiB + 22 bytes
    let lo = z.len().saturating_sub(65_557);
    let eocd = (lo..z.len().saturating_sub(21))
        .rev()
        .find(|&p| z[p..].starts_with(b"PK\x05\x06"))
        .ok_or(DAMAGED)?;
    let count = u16_at(eocd + 10).ok_or(DAMAGED)?;
    let mut p = u32_at(eocd + 16).ok_or(DAMAGED)?;
    for _ in 0..count {
        if !z.get(p..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err(DAMAGED);
        }
        let flags = u16_at(p + 8).ok_or(DAMAGED)?;
        let method = u16_at(p + 10).ok_or(DAMAGED)?;
        let size = u32_at(p + 20).ok_or(DAMAGED)?;
        let (n, e, c) = (
            u16_at(p + 28).ok_or(DAMAGED)?,
            u16_at(p + 30).ok_or(DAMAGED)?,
            u16_at(p + 32).ok_or(DAMAGED)?,
        );
        let local = u32_at(p + 42).ok_or(DAMAGED)?;
        let name = z.get(p + 46..p + 46 + n).ok_or(DAMAGED)?;
        let odt = match name {
            b"word/document.xml" => Some(false),
            b"content.xml" => Some(true),
            _ => None,
        };
        if let Some(odt) = odt {
            if flags & 1 == 1 {
                return Err("document chiffré par un mot de passe");
            }
            let method = match method {
                0 => Method::Stored,
                8 => Method::Deflated,
                _ => return Err("compression non prise en charge"),
            };
            if !z.get(local..).is_some_and(|s| s.starts_with(b"PK\x03\x04")) {
                return Err(DAMAGED);
            }
            let start = local
                + 30
                + u16_at(local + 26).ok_or(DAMAGED)?
                + u16_at(local + 28).ok_or(DAMAGED)?;
            let data = z
                .get(start..start.checked_add(size).ok_or(DAMAGED)?)
                .ok_or(DAMAGED)?;
            return Ok((odt, method, data));
        }
        p += 46 + n + e + c;
    }
    Err("ni document Word (.docx) ni document LibreOffice (.odt)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_text_member_of_the_fixtures() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let docx = std::fs::read(root.join("reference.docx")).unwrap();
        let (odt, m, data) = zip_text_member(&docx).unwrap();
        assert!(!odt && m == Method::Deflated && !data.is_empty());
        let odt_file = std::fs::read(root.join("reference.odt")).unwrap();
        assert!(zip_text_member(&odt_file).unwrap().0);
        let corrupt = std::fs::read(root.join("corrupt.docx")).unwrap();
        assert!(zip_text_member(&corrupt).is_err());
        assert!(zip_text_member(b"PK").is_err());
    }
}
