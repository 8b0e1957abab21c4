//! Small scanning helpers over the normalised (lower-case) text.
//!
//! Patterns are plain lower-case ASCII; a space in a pattern matches any run
//! of whitespace (spaces, tabs, newlines), so wrapped lines still match.

pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

pub fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\n'
}

/// If `pat` matches at `pos`, the end of the match.
pub fn match_at(s: &[u8], pos: usize, pat: &str) -> Option<usize> {
    let p = pat.as_bytes();
    let mut i = pos;
    let mut j = 0;
    while j < p.len() {
        if p[j] == b' ' {
            if i >= s.len() || !is_ws(s[i]) {
                return None;
            }
            while i < s.len() && is_ws(s[i]) {
                i += 1;
            }
            j += 1;
        } else {
            if i >= s.len() || s[i] != p[j] {
                return None;
            }
            i += 1;
            j += 1;
        }
    }
    Some(i)
}

/// Word-bounded match of `pat` at `pos`.
pub fn word_at(s: &[u8], pos: usize, pat: &str) -> Option<usize> {
    if pos > 0
        && is_word_byte(s[pos - 1])
        && pat.as_bytes().first().is_some_and(|&b| is_word_byte(b))
    {
        return None;
    }
    let end = match_at(s, pos, pat)?;
    if end < s.len()
        && is_word_byte(s[end])
        && pat.as_bytes().last().is_some_and(|&b| is_word_byte(b))
    {
        return None;
    }
    Some(end)
}

/// First word-bounded occurrence of `pat` in `from..to`: (start, end).
pub fn find_word(s: &[u8], from: usize, to: usize, pat: &str) -> Option<(usize, usize)> {
    let first = *pat.as_bytes().first()?;
    let to = to.min(s.len());
    let mut i = from;
    while i < to {
        match memchr(first, &s[i..to]) {
            None => return None,
            Some(off) => {
                let p = i + off;
                if let Some(e) = word_at(s, p, pat) {
                    return Some((p, e));
                }
                i = p + 1;
            }
        }
    }
    None
}

/// Every word-bounded occurrence of `pat`.
pub fn find_all(s: &[u8], pat: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((a, b)) = find_word(s, i, s.len(), pat) {
        out.push((a, b));
        i = a + 1;
    }
    out
}

/// A pattern list indexed by first byte: at a word start only the few patterns
/// beginning with that byte are tried (the parser's hot path).
pub struct Patterns<'p> {
    pats: &'p [&'p str],
    /// Pattern indices sorted by first byte, and each byte's (start, len) in it.
    order: Vec<u16>,
    slots: [(u16, u16); 256],
}

impl<'p> Patterns<'p> {
    pub fn new(pats: &'p [&'p str]) -> Patterns<'p> {
        let mut order: Vec<u16> = (0..pats.len() as u16).collect();
        order.sort_by_key(|&k| pats[k as usize].as_bytes().first().copied().unwrap_or(0));
        let mut slots = [(0u16, 0u16); 256];
        for (i, &k) in order.iter().enumerate() {
            let b = pats[k as usize].as_bytes().first().copied().unwrap_or(0) as usize;
            if slots[b].1 == 0 {
                slots[b].0 = i as u16;
            }
            slots[b].1 += 1;
        }
        Patterns { pats, order, slots }
    }

    pub fn pattern(&self, k: usize) -> &'p str {
        self.pats[k]
    }

    /// The longest pattern matching word-bounded at `pos`: (end, index).
    pub fn at(&self, s: &[u8], pos: usize) -> Option<(usize, usize)> {
        let (start, len) = self.slots[*s.get(pos)? as usize];
        let mut best: Option<(usize, usize)> = None;
        for &k in &self.order[start as usize..(start + len) as usize] {
            if let Some(e) = word_at(s, pos, self.pats[k as usize]) {
                if best.is_none_or(|(be, _)| e > be) {
                    best = Some((e, k as usize));
                }
            }
        }
        best
    }

    /// Whether some pattern may start with this byte.
    pub fn starts(&self, b: u8) -> bool {
        self.slots[b as usize].1 > 0
    }

    /// The first match in `from..to`, scanning once: (start, end, index).
    pub fn find(&self, s: &[u8], from: usize, to: usize) -> Option<(usize, usize, usize)> {
        let to = to.min(s.len());
        let mut i = from;
        while i < to {
            if self.starts(s[i]) && (i == 0 || !is_word_byte(s[i - 1]) || !is_word_byte(s[i])) {
                if let Some((e, k)) = self.at(s, i) {
                    return Some((i, e, k));
                }
            }
            i += 1;
        }
        None
    }
}

/// Every word-bounded occurrence of `pat` in `from..to`.
pub fn find_all_in(s: &[u8], from: usize, to: usize, pat: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = from;
    while let Some((a, b)) = find_word(s, i, to, pat) {
        out.push((a, b));
        i = a + 1;
    }
    out
}

/// Successive earliest matches of several patterns, in one linear pass per pattern
/// (a loop over `find_any` would rescan to the end for every absent pattern).
pub struct AnyMatches {
    hits: Vec<(usize, usize, usize)>,
    next: usize,
}

impl AnyMatches {
    pub fn new(s: &[u8], from: usize, to: usize, pats: &[&str]) -> AnyMatches {
        // one pass; at each position the longest pattern
        let index = Patterns::new(pats);
        let mut hits = Vec::new();
        let mut i = from;
        while let Some((a, b, k)) = index.find(s, i, to) {
            hits.push((a, b, k));
            i = a + 1;
        }
        AnyMatches { hits, next: 0 }
    }

    /// Every match, in order: (start, end, pattern index).
    pub fn hits(&self) -> &[(usize, usize, usize)] {
        &self.hits
    }

    /// The next match starting at or after `from`.
    pub fn next_from(&mut self, from: usize) -> Option<(usize, usize, usize)> {
        while self.next < self.hits.len() && self.hits[self.next].0 < from {
            self.next += 1;
        }
        self.hits.get(self.next).copied()
    }
}

/// The earliest match among several patterns (longest wins on ties), in one pass.
pub fn find_any(s: &[u8], from: usize, to: usize, pats: &[&str]) -> Option<(usize, usize, usize)> {
    Patterns::new(pats).find(s, from, to)
}

/// Which of `pats` matches word-bounded at `pos` (longest first): (end, index).
pub fn any_at(s: &[u8], pos: usize, pats: &[&str]) -> Option<(usize, usize)> {
    let first = *s.get(pos)?;
    let mut best: Option<(usize, usize)> = None;
    for (k, p) in pats.iter().enumerate() {
        // cheap first-byte filter: most patterns fail here
        if p.as_bytes().first() != Some(&first) {
            continue;
        }
        if let Some(e) = word_at(s, pos, p) {
            if best.is_none_or(|(be, _)| e > be) {
                best = Some((e, k));
            }
        }
    }
    best
}

pub fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == b)
}

pub fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_ws(s[i]) {
        i += 1;
    }
    i
}

/// Skip whitespace and any of the given punctuation bytes.
pub fn skip_seps(s: &[u8], mut i: usize, seps: &[u8]) -> usize {
    while i < s.len() && (is_ws(s[i]) || seps.contains(&s[i])) {
        i += 1;
    }
    i
}

pub fn skip_ws_back(s: &[u8], mut i: usize) -> usize {
    while i > 0 && is_ws(s[i - 1]) {
        i -= 1;
    }
    i
}

/// A small integer (at most 9 digits) at `pos`, not glued to letters or other digits.
pub fn read_int(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    if pos >= s.len() || !s[pos].is_ascii_digit() {
        return None;
    }
    if pos > 0 && (s[pos - 1].is_ascii_digit() || s[pos - 1].is_ascii_alphabetic()) {
        return None;
    }
    let mut i = pos;
    let mut v: u64 = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        v = v * 10 + (s[i] - b'0') as u64;
        i += 1;
        if i - pos > 9 {
            return None;
        }
    }
    if i < s.len() && s[i].is_ascii_alphabetic() {
        // "2e", "1er" are ordinals, "3h" a time: not counts.
        return None;
    }
    Some((v as u32, i))
}

/// Value of a French number word, accent-stripped lower case.
fn word_value(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "un" | "une" | "premier" | "1er" => 1,
        "deux" => 2,
        "trois" => 3,
        "quatre" => 4,
        "cinq" => 5,
        "six" => 6,
        "sept" => 7,
        "huit" => 8,
        "neuf" => 9,
        "dix" => 10,
        "onze" => 11,
        "douze" => 12,
        "treize" => 13,
        "quatorze" => 14,
        "quinze" => 15,
        "seize" => 16,
        "vingt" | "vingts" => 20,
        "trente" => 30,
        "quarante" => 40,
        "cinquante" => 50,
        "soixante" => 60,
        "septante" => 70,
        "huitante" | "octante" => 80,
        "nonante" => 90,
        "cent" | "cents" => 100,
        "mille" | "mil" => 1_000,
        "million" | "millions" => 1_000_000,
        "milliard" | "milliards" => 1_000_000_000,
        _ => return None,
    })
}

pub fn is_number_word(w: &str) -> bool {
    w == "et" || word_value(w).is_some()
}

/// Reads French number words starting at `pos` ("cinq cent trente-six mille").
/// Returns the value and the end of the last number word.
pub fn read_number_words(s: &[u8], pos: usize) -> Option<(u64, usize)> {
    let mut i = pos;
    let mut total: u64 = 0;
    let mut group: u64 = 0;
    let mut last_end = None;
    let mut last_word = "";
    let mut any = false;
    loop {
        // A word: letters only.
        let start = i;
        while i < s.len() && s[i].is_ascii_lowercase() {
            i += 1;
        }
        if i == start || (i < s.len() && is_word_byte(s[i])) {
            break;
        }
        let w = std::str::from_utf8(&s[start..i]).ok()?;
        if w == "et" && any {
            // "vingt et un"
        } else if let Some(v) = word_value(w) {
            match v {
                100 => group = group.max(1).checked_mul(100)?,
                1_000 | 1_000_000 | 1_000_000_000 => {
                    total = total.checked_add(group.max(1).checked_mul(v)?)?;
                    group = 0;
                }
                20 if last_word == "quatre" => group = group - 4 + 80,
                _ => group += v,
            }
            any = true;
            last_end = Some(i);
            last_word = w;
        } else {
            break;
        }
        // Separator: spaces or hyphens.
        let sep_start = i;
        while i < s.len() && (s[i] == b' ' || s[i] == b'-' || s[i] == b'\n') {
            i += 1;
        }
        if i == sep_start {
            break;
        }
    }
    let end = last_end?;
    if last_word == "et" {
        return None;
    }
    Some((total.checked_add(group)?, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Option<u64> {
        read_number_words(s.as_bytes(), 0).map(|(v, _)| v)
    }

    #[test]
    fn number_words() {
        assert_eq!(words("cinq cent trente-six mille euros"), Some(536_000));
        assert_eq!(words("trois cent trente mille"), Some(330_000));
        assert_eq!(words("quatre-vingt-dix-sept"), Some(97));
        assert_eq!(words("soixante et onze"), Some(71));
        assert_eq!(words("deux mille vingt-trois"), Some(2023));
        assert_eq!(words("deux-mille-vingt-trois"), Some(2023));
        assert_eq!(words("un million neuf cent mille"), Some(1_900_000));
        assert_eq!(words("deux cents millions"), Some(200_000_000));
        assert_eq!(words("vingt et un mars"), Some(21));
        assert_eq!(words("quatre-vingts"), Some(80));
        assert_eq!(words("bonjour"), None);
    }

    #[test]
    fn word_matching() {
        let s = b"presents :\n 34 represents";
        assert_eq!(find_word(s, 0, s.len(), "presents :"), Some((0, 10)));
        assert_eq!(find_word(s, 1, s.len(), "presents"), None);
        assert_eq!(read_int(b"x 34,", 2), Some((34, 4)));
        assert_eq!(read_int(b"1er", 0), None);
    }
}
