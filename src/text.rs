//! Text normalisation with an offset map back to the original.
//!
//! The parser works on [`Text::norm`]: accents stripped, case kept, every
//! exotic space, quote and dash unified, ligatures expanded, soft hyphens and
//! zero-width characters dropped, Markdown emphasis (`**`) and heading marks
//! (`###`) removed. [`Text::lower`] is the same string in ASCII lower case;
//! both have the same byte length, so a position found in one is valid in the
//! other. Every byte of `norm` remembers the original character it came from,
//! so any range of `norm` converts back to a [`Span`] on the user's text.

use serde::{Deserialize, Serialize};

/// A byte range in the original input (end exclusive, on char boundaries).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Normalised view of an input text.
pub struct Text<'a> {
    pub orig: &'a str,
    pub norm: String,
    pub lower: String,
    /// For each byte of `norm`: the original start of the char it comes from. Its end is
    /// the end of that char, unless dropped chars after it (combining accents, zero-width
    /// chars) extend it: those ends are in `ext`.
    src: Vec<u32>,
    /// (start, end) of the original chars whose span was extended, in text order.
    ext: Vec<(u32, u32)>,
    /// Where a keyword may start, grouped by prefix (the parser's shared token pass).
    pub starts: Starts,
}

/// The positions of `lower` where a keyword may start — each word start and each
/// punctuation byte — in text order and grouped by their first four bytes. Built once per
/// text, so a keyword search visits only the few positions that begin like one of its
/// keywords instead of every byte.
pub struct Starts {
    /// Every start, in order.
    all: Vec<u32>,
    /// Each start's prefix key ([`prefix_at`]; 0 too near the end), in the same order: a
    /// list of many keywords tests each start's key against its own set in one sequential
    /// pass, instead of visiting its many groups.
    keys: Vec<u16>,
    /// Every word start (a letter or digit after a non-word byte), in order.
    words: Vec<u32>,
    /// The same starts grouped by their first four bytes ([`prefix_at`]): a keyword of
    /// four bytes or more visits only the starts that begin like it ("deli", not every
    /// "de").
    prefix_offsets: Vec<u32>,
    prefix_pos: Vec<u32>,
    /// Keys are folded to this many groups (a power of two, about the number of starts): a
    /// short text does not pay for thousands of empty groups.
    mask: usize,
}

/// The fewest groups an index folds its keys to.
const MIN_GROUPS: usize = 64;

/// Number of prefix keys (hashed; a power of two): see [`prefix_at`].
pub const PREFIX_KEYS: usize = 4096;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n')
}

/// How many bytes of a keyword's beginning its group is keyed on.
pub const PREFIX_LEN: usize = 4;

/// The group of the [`PREFIX_LEN`] bytes at `i` of a text or of a keyword, whitespace
/// runs read as one space ("l  2122" as "l 21"); `None` when fewer bytes are there. Two
/// prefixes may share a group: searches verify.
#[inline]
pub fn prefix_at(s: &[u8], i: usize) -> Option<usize> {
    // most keys: four bytes above the space, none of them whitespace
    if let Some(&[b0, b1, b2, b3]) = s.get(i..i + PREFIX_LEN) {
        if b0 > b' ' && b1 > b' ' && b2 > b' ' && b3 > b' ' {
            return Some(prefix_key([b0, b1, b2, b3]));
        }
    }
    prefix_at_spaced(s, i)
}

/// [`prefix_at`] where whitespace may stand: each run read as one space.
#[cold]
#[inline(never)]
fn prefix_at_spaced(s: &[u8], i: usize) -> Option<usize> {
    let mut w = [0u8; PREFIX_LEN];
    let mut j = i;
    for x in w.iter_mut() {
        let b = *s.get(j)?;
        j += 1;
        *x = if is_space(b) {
            while j < s.len() && is_space(s[j]) {
                j += 1;
            }
            b' '
        } else {
            b
        };
    }
    Some(prefix_key(w))
}

fn prefix_key(w: [u8; PREFIX_LEN]) -> usize {
    w.iter().fold(0, |k, &b| k * 31 + usize::from(b)) % PREFIX_KEYS
}

/// Groups `all` by `keys` (counting sort): (offsets, positions), a group's positions in
/// text order.
fn group_by(all: &[u32], keys: &[u16], n: usize) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; n + 1];
    for &k in keys {
        offsets[usize::from(k) + 1] += 1;
    }
    for k in 0..n {
        offsets[k + 1] += offsets[k];
    }
    // Scatter with each group's start as its cursor; the cursors end on the next group's
    // start, so one shift restores the starts (no second offsets table).
    let mut pos = vec![0u32; all.len()];
    for (&i, &k) in all.iter().zip(keys) {
        let slot = &mut offsets[usize::from(k)];
        pos[*slot as usize] = i;
        *slot += 1;
    }
    offsets.copy_within(0..n, 1);
    offsets[0] = 0;
    (offsets, pos)
}

impl Starts {
    fn new(s: &[u8]) -> Starts {
        // Byte classes: 0 whitespace, 1 word byte, 2 punctuation.
        const CLASS: [u8; 256] = {
            let mut c = [2u8; 256];
            let mut b = 0;
            while b < 256 {
                let x = b as u8;
                if x.is_ascii_alphanumeric() || x >= 0x80 {
                    c[b] = 1;
                } else if x == b' ' || x == b'\t' || x == b'\n' {
                    c[b] = 0;
                }
                b += 1;
            }
            c
        };
        // One pass over the bytes: every start (a punctuation byte, or a word byte after a
        // non-word byte) with its prefix group; then the starts are grouped.
        let mut all: Vec<u32> = Vec::with_capacity(s.len() / 3);
        let mut keys: Vec<u16> = Vec::with_capacity(s.len() / 3);
        let mut words = Vec::with_capacity(s.len() / 5);
        let mut i = 0;
        while i < s.len() {
            let b = s[i];
            let class = CLASS[usize::from(b)];
            if class == 0 {
                i += 1;
                continue;
            }
            all.push(i as u32);
            // (too near the end: group 0, which searches verify like any other)
            keys.push(prefix_at(s, i).map_or(0, |k| k as u16));
            i += 1;
            if class == 1 {
                // a word: its start only
                words.push((i - 1) as u32);
                while i < s.len() && CLASS[usize::from(s[i])] == 1 {
                    i += 1;
                }
            }
        }
        // the key range is a power of two: a key folds to its low bits
        let groups = all.len().next_power_of_two().clamp(MIN_GROUPS, PREFIX_KEYS);
        let mask = groups - 1;
        // folded once, apart from `keys` (kept whole for the lists' bit sets): folding inside
        // the counting sort's two passes measured slower
        let folded: Vec<u16> = keys.iter().map(|&k| k & mask as u16).collect();
        let (prefix_offsets, prefix_pos) = group_by(&all, &folded, groups);
        Starts {
            all,
            keys,
            words,
            prefix_offsets,
            prefix_pos,
            mask,
        }
    }

    /// The word starts within `from..to`, in order: loops that act only at a word start
    /// visit these instead of every byte.
    pub fn words(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let a = self.words.partition_point(|&p| (p as usize) < from);
        let z = self.words.partition_point(|&p| (p as usize) < to);
        self.words[a..z.max(a)].iter().map(|&p| p as usize)
    }

    /// The start positions in prefix group `key` ([`prefix_at`]) within `from..to`, in
    /// order.
    pub fn of_prefix(&self, key: usize, from: usize, to: usize) -> &[u32] {
        let key = key & self.mask;
        let group = &self.prefix_pos
            [self.prefix_offsets[key] as usize..self.prefix_offsets[key + 1] as usize];
        let a = group.partition_point(|&p| (p as usize) < from);
        let z = group.partition_point(|&p| (p as usize) < to);
        &group[a..z.max(a)]
    }

    /// Every start within `from..to` with its prefix key, in order.
    pub fn keyed(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let a = self.all.partition_point(|&p| (p as usize) < from);
        let z = self.all.partition_point(|&p| (p as usize) < to).max(a);
        self.all[a..z]
            .iter()
            .zip(&self.keys[a..z])
            .map(|(&p, &k)| (p as usize, usize::from(k)))
    }

    /// Every start within `from..to`, in order.
    pub fn all(&self, from: usize, to: usize) -> &[u32] {
        let a = self.all.partition_point(|&p| (p as usize) < from);
        let z = self.all.partition_point(|&p| (p as usize) < to);
        &self.all[a..z.max(a)]
    }
}

impl<'a> Text<'a> {
    pub fn new(orig: &'a str) -> Self {
        let mut norm = String::with_capacity(orig.len());
        let mut src: Vec<u32> = Vec::with_capacity(orig.len());
        let mut ext: Vec<(u32, u32)> = Vec::new();
        let bytes = orig.as_bytes();
        let mut at_line_start = true;
        // Plain bytes: ASCII that the normalisation keeps as it is.
        const PLAIN: [bool; 256] = {
            let mut t = [false; 256];
            let mut b = 0;
            while b < 128 {
                t[b] = !matches!(b as u8, b'#' | b'*' | b'\r' | b'\n' | b'`');
                b += 1;
            }
            t
        };
        let plain = |b: u8| PLAIN[usize::from(b)];
        let mut i = 0;
        while i < bytes.len() {
            // Fast path: runs of plain ASCII letters, digits and punctuation are copied as they are.
            if plain(bytes[i]) {
                let j = bytes[i + 1..]
                    .iter()
                    .position(|&b| !plain(b))
                    .map_or(bytes.len(), |k| i + 1 + k);
                norm.push_str(&orig[i..j]);
                src.extend(i as u32..j as u32);
                at_line_start = false;
                i = j;
                continue;
            }
            // Fast path: accented Latin-1 letters ("é", "À") fold to one ASCII letter.
            if bytes[i] == 0xC3 {
                if let Some(&b1) = bytes.get(i + 1) {
                    let folded = LATIN1_FOLD.as_bytes()[usize::from(b1 & 0x3F)];
                    if (0x80..0xC0).contains(&b1) && folded != b'.' {
                        norm.push(char::from(folded));
                        src.push(i as u32);
                        at_line_start = false;
                        i += 2;
                        continue;
                    }
                }
            }
            // `i` is a char boundary: plain runs stop before a non-ASCII byte's char.
            let Some(c) = orig[i..].chars().next() else {
                break;
            };
            let end = i + c.len_utf8();
            let at = i;
            i = end;
            // Markdown heading marks at line start: "### Membres présents".
            if at_line_start && c == '#' {
                let mut j = at;
                while j < bytes.len() && bytes[j] == b'#' {
                    j += 1;
                }
                if j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                        j += 1;
                    }
                    i = j;
                    continue;
                }
            }
            // Markdown emphasis: "**" dropped wherever it stands.
            if c == '*' && bytes.get(end) == Some(&b'*') {
                i = end + 1;
                continue;
            }
            let i = at;
            let push = |s: &str, norm: &mut String, src: &mut Vec<u32>| {
                for b in s.bytes() {
                    let _ = b;
                    src.push(i as u32);
                }
                norm.push_str(s);
            };
            match c {
                '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}' => {
                    extend_prev(&src, &mut ext, end);
                    continue;
                }
                '\u{0300}'..='\u{036F}' => {
                    // Combining mark (decomposed accent): the base letter's span grows to cover it.
                    extend_prev(&src, &mut ext, end);
                    continue;
                }
                '\r' => {
                    if bytes.get(end) == Some(&b'\n') {
                        continue;
                    }
                    push("\n", &mut norm, &mut src);
                }
                '\n' => push("\n", &mut norm, &mut src),
                '\t' => push("\t", &mut norm, &mut src),
                '\u{00A0}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' | '\u{205F}' => {
                    push(" ", &mut norm, &mut src)
                }
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}'
                | '`' | '\u{00B4}' => push("'", &mut norm, &mut src),
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => {
                    push("\"", &mut norm, &mut src)
                }
                '\u{2010}'..='\u{2015}' | '\u{2212}' => push("-", &mut norm, &mut src),
                '\u{2026}' => push("...", &mut norm, &mut src),
                _ => {
                    if let Some(s) = fold_char(c) {
                        push(s, &mut norm, &mut src);
                    } else {
                        let mut buf = [0u8; 4];
                        push(c.encode_utf8(&mut buf), &mut norm, &mut src);
                    }
                }
            }
            at_line_start = c == '\n' || c == '\r';
        }
        let lower = norm.to_ascii_lowercase();
        let starts = Starts::new(lower.as_bytes());
        Text {
            orig,
            norm,
            lower,
            src,
            ext,
            starts,
        }
    }

    pub fn len(&self) -> usize {
        self.norm.len()
    }

    pub fn is_empty(&self) -> bool {
        self.norm.is_empty()
    }

    /// Original span of the normalised range `a..b`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        let n = self.src.len();
        if n == 0 {
            return Span::new(self.orig.len(), self.orig.len());
        }
        let a = a.min(n);
        let b = b.min(n);
        if b <= a {
            let p = if a < n {
                self.src[a] as usize
            } else {
                self.char_end(self.src[n - 1])
            };
            return Span::new(p, p);
        }
        Span::new(self.src[a] as usize, self.char_end(self.src[b - 1]))
    }

    /// The original end of the char starting at `start` (a pushed char's start).
    fn char_end(&self, start: u32) -> usize {
        if let Ok(k) = self.ext.binary_search_by_key(&start, |e| e.0) {
            return self.ext[k].1 as usize;
        }
        let st = start as usize;
        st + self.orig[st..].chars().next().map_or(0, char::len_utf8)
    }

    /// The original text of the normalised range `a..b`, whitespace collapsed.
    pub fn display(&self, a: usize, b: usize) -> String {
        let sp = self.span(a, b);
        let raw = &self.orig[sp.start..sp.end];
        let mut out = String::with_capacity(raw.len());
        let mut pending_space = false;
        for c in raw.chars() {
            if c.is_whitespace() || c == '\u{FEFF}' {
                pending_space = !out.is_empty();
            } else if c == '*' {
                continue;
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    /// A slice of `lower`, widened to char boundaries (never panics).
    pub fn low(&self, a: usize, b: usize) -> &str {
        slice(&self.lower, a, b)
    }

    /// A slice of `norm`, widened to char boundaries (never panics).
    pub fn nrm(&self, a: usize, b: usize) -> &str {
        slice(&self.norm, a, b)
    }

    /// A slice of the original text, widened to char boundaries (never panics).
    pub fn orig_slice(&self, a: usize, b: usize) -> &'a str {
        let len = self.orig.len();
        let a = floor_boundary(self.orig, a.min(len));
        let mut b = b.min(len).max(a);
        while b < len && !self.orig.is_char_boundary(b) {
            b += 1;
        }
        &self.orig[a..b]
    }

    /// Line (1-based) and column (1-based, in chars) of an original byte offset. For many
    /// offsets of the same text, build [`Lines`] once.
    pub fn line_col(orig: &str, offset: usize) -> (usize, usize) {
        Lines::new(orig).line_col(offset)
    }
}

/// Lines and columns of a text, indexed once so that locating any number of offsets costs
/// each a binary search and at most [`Lines::STRIDE`] bytes (a report of thousands of findings
/// on a text of one long line stays linear).
pub struct Lines<'a> {
    orig: &'a str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// Chars before each multiple of `STRIDE` bytes.
    chars: Vec<usize>,
}

impl<'a> Lines<'a> {
    const STRIDE: usize = 4096;

    pub fn new(orig: &'a str) -> Lines<'a> {
        let b = orig.as_bytes();
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', b).map(|p| p + 1));
        let mut chars = Vec::with_capacity(b.len() / Self::STRIDE + 1);
        let mut n = 0;
        for block in b.chunks(Self::STRIDE) {
            chars.push(n);
            n += block.iter().filter(|&&c| (c as i8) >= -0x40).count();
        }
        chars.push(n);
        Lines {
            orig,
            starts,
            chars,
        }
    }

    /// Chars before a byte offset (a char boundary).
    fn chars_before(&self, at: usize) -> usize {
        let k = at / Self::STRIDE;
        let from = k * Self::STRIDE;
        self.chars.get(k).copied().unwrap_or(0)
            + self.orig.as_bytes()[from..at]
                .iter()
                .filter(|&&c| (c as i8) >= -0x40)
                .count()
    }

    /// The byte range of the line holding `offset` (without its line break).
    pub fn line_range(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.orig.len());
        let i = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.orig.len(), |&n| n - 1);
        (start, end)
    }

    /// Line (1-based) and column (1-based, in chars) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(self.orig, offset.min(self.orig.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }
}

/// A letter of the Latin scripts the extracts are written in: ASCII, Latin-1 and Latin
/// Extended-A/B ("É", "Ł", "Ş"). Explicit ranges instead of the Unicode tables of
/// `char::is_alphabetic`, which weigh kilobytes in wasm; letters of other scripts are not
/// letters here (a name in them is not read, so no count is inferred from it).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}')
}

/// An upper-case letter of those scripts (Latin Extended-B counts as lower case).
pub fn is_upper(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_uppercase()
        || matches!(u, 0xC0..=0xD6 | 0xD8..=0xDE | 0x178)
        // Latin Extended-A pairs upper/lower case on alternate code points.
        || (matches!(u, 0x100..=0x137 | 0x14A..=0x177) && u.is_multiple_of(2))
        || (matches!(u, 0x139..=0x148 | 0x179..=0x17E) && !u.is_multiple_of(2))
}

pub fn is_letter_or_digit(c: char) -> bool {
    is_letter(c) || c.is_ascii_digit()
}

/// Accent-folded ASCII lower case of any text (no Unicode case tables: small in wasm).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => out.push_str(&f.to_ascii_lowercase()),
            None => match c {
                '\u{2019}' | '\u{2018}' => out.push('\''),
                '\u{00A0}' | '\u{202F}' => out.push(' '),
                _ => out.push(c.to_ascii_lowercase()),
            },
        }
    }
    out
}

fn slice(s: &str, a: usize, b: usize) -> &str {
    let len = s.len();
    let a = floor_boundary(s, a.min(len));
    let mut b = b.min(len).max(a);
    while b < len && !s.is_char_boundary(b) {
        b += 1;
    }
    &s[a..b]
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The last pushed char's span now ends at `end`.
fn extend_prev(src: &[u32], ext: &mut Vec<(u32, u32)>, end: usize) {
    if let Some(&start) = src.last() {
        match ext.last_mut() {
            Some(last) if last.0 == start => last.1 = end as u32,
            _ => ext.push((start, end as u32)),
        }
    }
}

/// U+00C0..=U+00FF folded to one ASCII letter, as [`fold_char`] does; '.': not a single
/// letter (Æ, Ð, ×, Þ, ß, æ, ð, ÷, þ: the general path handles them).
const LATIN1_FOLD: &str = "AAAAAA.CEEEEIIII.NOOOOO.OUUUUY..aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";

/// Accent folding for Latin letters, and ligature expansion. `None`: keep the char.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "A",
        'ç' => "c",
        'Ç' => "C",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'È' | 'É' | 'Ê' | 'Ë' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' => "n",
        'Ñ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "O",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        'ß' => "ss",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_and_case_without_unicode_tables() {
        // Agrees with the Unicode tables on every char of the Latin blocks it covers.
        for c in ('\u{0}'..='\u{17F}').filter(|c| !matches!(c, '\u{AA}' | '\u{B5}' | '\u{BA}')) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
        assert!(is_letter('Ș') && !is_letter('Ж') && !is_letter('1') && is_letter_or_digit('1'));
    }

    #[test]
    fn lines_locate_like_a_plain_count() {
        // lines longer than the stride, multibyte chars across its boundaries
        let mut text = "é".repeat(5000);
        text.push_str("\nabc\n\nPrésents : 3\n");
        text.push_str(&"x€".repeat(3000));
        let lines = Lines::new(&text);
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let col = before[before.rfind('\n').map_or(0, |p| p + 1)..]
                .chars()
                .count()
                + 1;
            assert_eq!(lines.line_col(at), (line, col), "{at}");
            let (a, b) = lines.line_range(at);
            assert!(a <= at && at <= b && !text[a..b].contains('\n'), "{at}");
            assert!(b == text.len() || text.as_bytes()[b] == b'\n', "{at}");
        }
    }

    #[test]
    fn latin1_fast_path_agrees_with_fold_char() {
        for (k, c) in ('\u{C0}'..='\u{FF}').enumerate() {
            let fast = LATIN1_FOLD.as_bytes()[k];
            match fold_char(c) {
                Some(f) if f.len() == 1 => assert_eq!(f.as_bytes()[0], fast, "{c}"),
                _ => assert_eq!(fast, b'.', "{c}"),
            }
        }
    }

    #[test]
    fn folds_and_maps_back() {
        let s = "**Présents** :\u{00A0}34 – Mme Œuvre";
        let t = Text::new(s);
        assert_eq!(t.norm, "Presents : 34 - Mme OEuvre");
        let p = t.norm.find("34").unwrap();
        let sp = t.span(p, p + 2);
        assert_eq!(&s[sp.start..sp.end], "34");
        let p = t.norm.find("OEuvre").unwrap();
        let sp = t.span(p, p + 6);
        assert_eq!(&s[sp.start..sp.end], "Œuvre");
    }

    #[test]
    fn decomposed_accents_and_crlf() {
        let s = "Pre\u{0301}sents :\r\n12\u{00AD}3";
        let t = Text::new(s);
        assert_eq!(t.norm, "Presents :\n123");
        let p = t.norm.find("Presents").unwrap();
        let sp = t.span(p, p + 8);
        assert_eq!(&s[sp.start..sp.end], "Pre\u{0301}sents");
    }

    #[test]
    fn spans_of_folded_extended_and_dropped_chars() {
        let s = "e\u{0301}\u{0300}x œ **b** 2\u{00AD}\u{200B}3…\r\nÉ";
        let t = Text::new(s);
        assert_eq!(t.norm, "ex oe b 23...\nE");
        let orig = |a: usize, b: usize| {
            let sp = t.span(a, b);
            &s[sp.start..sp.end]
        };
        assert_eq!(orig(0, 1), "e\u{0301}\u{0300}"); // two combining marks
        assert_eq!(orig(1, 2), "x");
        assert_eq!(orig(3, 4), "œ"); // each byte of "oe" maps to the whole char
        assert_eq!(orig(4, 5), "œ");
        assert_eq!(orig(6, 7), "b"); // "**" dropped around it
        assert_eq!(orig(8, 9), "2\u{00AD}\u{200B}"); // soft hyphen and zero-width space
        assert_eq!(orig(10, 13), "…");
        assert_eq!(orig(13, 14), "\n");
        assert_eq!(orig(14, 15), "É");
        assert_eq!(t.span(15, 15), Span::new(s.len(), s.len()));
        assert_eq!(t.span(3, 3).start, t.span(3, 4).start);
    }

    #[test]
    fn headings_and_bom() {
        let s = "\u{FEFF}### Membres\n#hash";
        let t = Text::new(s);
        assert_eq!(t.norm, "Membres\n#hash");
        assert_eq!(t.lower.len(), t.norm.len());
    }
}
