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
