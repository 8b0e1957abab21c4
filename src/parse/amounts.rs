//! Amounts of money: "536 000 €", "536 000,00 €", "90 000€", "30 000.00 €",
//! "1,9 million d'euros", "12 k€", "1,5 M€", HT/TTC, and amounts in words
//! ("trois cent trente mille euros"). "dont" breakdowns become a tree.

use super::scan::*;
use crate::model::{Amount, AmountRole, Basis, FinancingTable, Tax};
use crate::text::Text;

/// Up to 40 digits, kept inline: every number of the text is read, so no allocation.
struct Digits {
    d: [u8; 40],
    n: usize,
}

impl Digits {
    fn new() -> Digits {
        Digits { d: [0; 40], n: 0 }
    }

    /// False when full (a 41st digit: not an amount).
    fn push(&mut self, b: u8) -> bool {
        if self.n == self.d.len() {
            return false;
        }
        self.d[self.n] = b;
        self.n += 1;
        true
    }

    fn get(&self) -> &[u8] {
        &self.d[..self.n]
    }
}

/// Reads a grouped number at `pos`: (integer digits, decimals, end).
/// Groups of exactly three digits may be separated by one space or a dot.
fn read_grouped(s: &[u8], pos: usize) -> Option<(Digits, Digits, usize)> {
    if pos > 0 && (s[pos - 1].is_ascii_digit() || s[pos - 1].is_ascii_alphabetic()) {
        return None;
    }
    let mut digits = Digits::new();
    let mut i = pos;
    while i < s.len() && s[i].is_ascii_digit() {
        if !digits.push(s[i]) {
            return None;
        }
        i += 1;
    }
    if digits.n == 0 {
        return None;
    }
    // "0.742": a leading zero starts no thousands group
    if digits.n <= 3 && s[pos] != b'0' {
        loop {
            if i + 3 < s.len() && (s[i] == b' ' || s[i] == b'.') {
                let g = &s[i + 1..(i + 4).min(s.len())];
                if g.len() == 3
                    && g.iter().all(|b| b.is_ascii_digit())
                    && !(i + 4 < s.len() && s[i + 4].is_ascii_digit())
                {
                    if !g.iter().all(|&b| digits.push(b)) {
                        return None;
                    }
                    i += 4;
                    continue;
                }
            }
            break;
        }
    }
    // "2150 730,40 €": a thousands group after an unseparated number (a stray separator)
    if (4..=6).contains(&digits.n) && i + 4 <= s.len() && s[i] == b' ' {
        let g = &s[i + 1..(i + 4).min(s.len())];
        let closes = g.len() == 3
            && g.iter().all(u8::is_ascii_digit)
            && !s.get(i + 4).is_some_and(u8::is_ascii_digit)
            && (s.get(i + 4) == Some(&b',') || currency_at(s, i + 4).is_some());
        if closes && g.iter().all(|&b| digits.push(b)) {
            i += 4;
        }
    }
    let mut decimals = Digits::new();
    if i + 1 < s.len() && (s[i] == b',' || s[i] == b'.') && s[i + 1].is_ascii_digit() {
        let mut j = i + 1;
        while j < s.len() && s[j].is_ascii_digit() && j - i <= 3 {
            j += 1;
        }
        if !(j < s.len() && s[j].is_ascii_digit()) {
            for &b in &s[i + 1..j] {
                decimals.push(b);
            }
            i = j;
            // "9 675,3 6€": a decimal digit split by the extraction
            if decimals.n == 1
                && s.get(i) == Some(&b' ')
                && s.get(i + 1).is_some_and(u8::is_ascii_digit)
                && !s.get(i + 2).is_some_and(u8::is_ascii_digit)
                && currency_at(s, i + 2).is_some()
            {
                decimals.push(s[i + 1]);
                i += 2;
            }
        }
    }
    Some((digits, decimals, i))
}

fn to_cents(digits: &[u8], decimals: &[u8], mult_exp: u32) -> Option<i128> {
    let mut v: i128 = 0;
    for &d in digits {
        v = v.checked_mul(10)?.checked_add((d - b'0') as i128)?;
    }
    let mut frac: i128 = 0;
    let mut scale: i128 = 1;
    for &d in decimals {
        frac = frac.checked_mul(10)?.checked_add((d - b'0') as i128)?;
        scale = scale.checked_mul(10)?;
    }
    let mult = 10i128.checked_pow(mult_exp)?;
    let whole = v.checked_mul(mult)?.checked_mul(100)?;
    let part = frac.checked_mul(mult)?.checked_mul(100)? / scale;
    whole.checked_add(part)
}

/// Currency after a number: (multiplier exponent, end).
fn currency_at(s: &[u8], pos: usize) -> Option<(u32, usize)> {
    let p = skip_ws(s, pos);
    let euro = |q: usize| -> Option<usize> {
        if let Some(e) = match_at(s, q, "\u{20ac}") {
            return Some(e);
        }
        any_at(s, q, &["euros", "euro", "eur"]).map(|(e, _)| e)
    };
    if let Some(e) = euro(p) {
        return Some((0, e));
    }
    // k€, M€, Md€
    for (m, exp) in [("k", 3u32), ("md", 9), ("mds", 9), ("m", 6)] {
        if let Some(e) = match_at(s, p, m) {
            if let Some(e2) = match_at(s, e, "\u{20ac}") {
                return Some((exp, e2));
            }
            if let Some(e2) = word_at(s, e, "euros") {
                return Some((exp, e2));
            }
        }
    }
    // million(s) / milliard(s) d'euros / €
    if let Some((e, k)) = any_at(s, p, &["millions", "million", "milliards", "milliard"]) {
        let exp = if k < 2 { 6 } else { 9 };
        let q = skip_ws(s, e);
        if let Some(e2) = match_at(s, q, "d'euros") {
            return Some((exp, e2));
        }
        if let Some(e2) = match_at(s, q, "de euros") {
            return Some((exp, e2));
        }
        if let Some(e2) = euro(q) {
            return Some((exp, e2));
        }
    }
    None
}

fn tax_at(s: &[u8], pos: usize) -> Option<(Tax, usize)> {
    let p = skip_seps(s, pos, b"|");
    if let Some((e, k)) = any_at(
        s,
        p,
        &[
            "ht",
            "h.t.",
            "h.t",
            "hors taxes",
            "hors taxe",
            "eht",
            "ttc",
            "t.t.c.",
            "t.t.c",
            "toutes taxes comprises",
            "tic",
        ],
    ) {
        let tax = if k <= 5 { Tax::Ht } else { Tax::Ttc };
        return Some((tax, e));
    }
    None
}

fn percent_at(s: &[u8], pos: usize) -> Option<u32> {
    let p = skip_seps(s, pos, b"|");
    let (digits, decimals, e) = read_grouped(s, p)?;
    let (digits, decimals) = (digits.get(), decimals.get());
    if digits.len() > 3 {
        return None;
    }
    let q = skip_ws(s, e);
    if s.get(q) != Some(&b'%') {
        return None;
    }
    let mut v: u32 = 0;
    for d in digits {
        v = v * 10 + (d - b'0') as u32;
    }
    let mut frac = 0u32;
    for (k, d) in decimals.iter().take(2).enumerate() {
        frac += (d - b'0') as u32 * if k == 0 { 10 } else { 1 };
    }
    Some(v * 100 + frac)
}

/// Every amount in `from..to`, in text order, with "dont" parents resolved.
pub fn find_amounts(t: &Text, from: usize, to: usize) -> Vec<Amount> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let mut out = Vec::new();
    // Amounts in words end with "euro(s)" or "€": number words are read only when one is near.
    static CURRENCY: Lexicon = Lexicon::new(|| Patterns::new(&["euro", "euros", "d'euros"]));
    let mut currency: Vec<usize> = CURRENCY
        .get()
        .hits(t, from, to)
        .iter()
        .map(|h| h.0)
        .chain(
            t.lower[from..to]
                .match_indices('\u{20ac}')
                .map(|(p, _)| from + p),
        )
        .collect();
    crate::sort::numbers(&mut currency);
    let mut next_currency = 0;
    let mut i = from;
    // Amounts start at a word start: only those are visited (`i` is where reading resumes).
    for w in t.starts.words(from, to) {
        if w < i {
            continue;
        }
        i = w;
        let b = s[i];
        if b.is_ascii_digit() {
            if let Some((digits, decimals, e)) = read_grouped(s, i) {
                if let Some((exp, ce)) = currency_at(s, e) {
                    if let Some(cents) = to_cents(digits.get(), decimals.get(), exp) {
                        let (tax, end) = match tax_at(s, ce) {
                            Some((tx, te)) => (Some(tx), te),
                            None => (None, ce),
                        };
                        // "2150 730,40 €", "9 675,3 6€": repaired separators
                        let raw = t.low(i, e);
                        // (bytes: a string searcher per amount weighs on long tables)
                        let mut parts = raw.as_bytes().split(|&c| c == b',');
                        let int_part = parts.next().unwrap_or(&[]);
                        let irregular = int_part
                            .iter()
                            .position(|&c| c == b' ')
                            .is_some_and(|first_group| first_group > 3)
                            || parts.next().is_some_and(|d| d.contains(&b' '));
                        let ambiguous = ambiguity(raw, decimals.n);
                        out.push(Amount {
                            cents,
                            text: t.display(i, ce),
                            span: t.span(i, ce),
                            pos: (i, end),
                            tax,
                            in_words: false,
                            parent: None,
                            percent: percent_at(s, end),
                            role: role_before(t, i),
                            operative: false,
                            restated_by: None,
                            words_with_cents: false,
                            near_next: false,
                            rounded: (exp > 0)
                                .then(|| rounding(t, i, exp, decimals.n as u32))
                                .flatten(),
                            ambiguous,
                            basis: if irregular {
                                Basis::probable("chiffres du montant mal séparés par l'extraction")
                            } else if let Some(a) = ambiguous {
                                Basis::probable(a)
                            } else {
                                Basis::CERTAIN
                            },
                        });
                        i = end;
                        continue;
                    }
                }
                i = e.max(i + 1);
                continue;
            }
        } else if b.is_ascii_lowercase() {
            while next_currency < currency.len() && currency[next_currency] < i {
                next_currency += 1;
            }
            let near = currency.get(next_currency).is_some_and(|&c| c - i < 200);
            if !near {
                // far from any currency: no amount in words starts here
                continue;
            }
            let mut we = i;
            while we < s.len() && s[we].is_ascii_lowercase() {
                we += 1;
            }
            let w = std::str::from_utf8(&s[i..we]).unwrap_or("");
            if near && w != "et" && is_number_word(w) {
                if let Some((v, e)) = read_number_words(s, i) {
                    if let Some((exp, ce)) = currency_at(s, e) {
                        if v > 0 {
                            if let Some(cents) = (v as i128)
                                .checked_mul(10i128.pow(exp))
                                .and_then(|x| x.checked_mul(100))
                            {
                                out.push(Amount {
                                    cents,
                                    text: t.display(i, ce),
                                    span: t.span(i, ce),
                                    pos: (i, ce),
                                    tax: tax_at(s, ce).map(|x| x.0),
                                    in_words: true,
                                    parent: None,
                                    percent: None,
                                    role: role_before(t, i),
                                    operative: false,
                                    restated_by: None,
                                    words_with_cents: t
                                        .low(ce, ce + WORDS_CENTS_REACH)
                                        .contains("centime"),
                                    near_next: false,
                                    rounded: None,
                                    ambiguous: None,
                                    basis: Basis::CERTAIN,
                                });
                                i = ce;
                                continue;
                            }
                        }
                    }
                    i = e.max(i + 1);
                    continue;
                }
            }
            i = we.max(i + 1);
            continue;
        }
        i += 1;
    }
    resolve_dont(s, to, &mut out);
    link_neighbours(s, &mut out);
    out
}

/// "1.500 €" (a point: thousands, or decimals?) and "1,500 €" (three decimals: 1,5, or an
/// English thousands separator?): digits that read two ways.
fn ambiguity(raw: &str, decimals: usize) -> Option<&'static str> {
    if decimals == 3 {
        return Some(
            "trois chiffres après la virgule : décimales, ou séparateur de milliers à l'anglaise ?",
        );
    }
    if decimals != 0 {
        return None;
    }
    let int_part = raw.as_bytes().split(|&c| c == b',').next().unwrap_or(&[]);
    (int_part.iter().filter(|&&c| c == b'.').count() == 1 && int_part.len() <= 7)
        .then_some("un point sépare les chiffres : milliers, ou décimales ?")
}

/// The half-unit of a rounded amount ("1,9 M€" → 50 000 €) and the side an exact amount
/// lies on; none after "environ", "près de" (an approximation meant as such).
fn rounding(t: &Text, i: usize, exp: u32, decimals: u32) -> Option<(i128, i8)> {
    let before = t.low(i.saturating_sub(ROLE_REACH), i);
    let before = before.trim_end();
    if [
        "environ",
        "pres de",
        "de l'ordre de",
        "quelque",
        "approximativement",
        "~",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        return None;
    }
    let side = if before.ends_with("plus de") || before.ends_with("au moins") {
        1
    } else if before.ends_with("moins de") || before.ends_with("au plus") {
        -1
    } else {
        0
    };
    let half = 10i128.checked_pow(exp.checked_sub(decimals)?)? * 50;
    Some((half, side))
}

/// How far after an amount in words its cents may be written ("… euros et cinquante centimes").
const WORDS_CENTS_REACH: usize = 40;
/// Amounts this close are read together (HT then TTC; words then digits in parentheses).
const NEIGHBOUR_GAP: usize = 40;
/// How far before an amount its role words may stand.
const ROLE_REACH: usize = 40;

/// "une subvention de 5 000 €": what the words right before an amount say it is.
fn role_before(t: &Text, pos: usize) -> AmountRole {
    let before = t.low(pos.saturating_sub(ROLE_REACH), pos).as_bytes();
    // "subvention de", "subvention d'un montant de": both read from each "s" of the
    // window in one pass (a window per amount; tables hold thousands)
    let subsidy = memchr::memchr_iter(b's', before).any(|i| {
        let rest = &before[i..];
        rest.starts_with(b"subvention de") || rest.starts_with(b"subvention d'un montant de")
    });
    if subsidy {
        AmountRole::Subsidy
    } else {
        AmountRole::Other
    }
}

/// Neighbours: an amount right after another ("… euros (330 000 €)", "… HT, soit … TTC").
fn link_neighbours(s: &[u8], am: &mut [Amount]) {
    for k in 1..am.len() {
        let (a, b) = (am[k - 1].pos.1, am[k].pos.0);
        if b < a {
            continue;
        }
        am[k - 1].near_next = b - a <= NEIGHBOUR_GAP;
        // words then digits in parentheses: only spaces, letters and an opening parenthesis between
        let between = &s[a..b];
        let tight = between.len() <= 24
            && between.contains(&b'(')
            && between.iter().all(|c| {
                *c == b'(' || *c == b' ' || *c == b'\n' || c.is_ascii_alphabetic() || *c == b'.'
            });
        if tight && am[k - 1].in_words != am[k].in_words {
            am[k - 1].restated_by = Some(k);
        }
    }
}

/// Marks the amounts after the operative words ("décide", "délibère") of an item.
pub fn mark_operative(t: &Text, am: &mut [Amount], from: usize, to: usize) {
    let s = t.lower.as_bytes();
    // the first of either word, each through its prefix group
    let first = |w: &[u8]| {
        let k = crate::text::prefix_at(w, 0)?;
        t.starts
            .of_prefix(k, from, to)
            .iter()
            .map(|&p| p as usize)
            .find(|&p| s[p..].starts_with(w))
    };
    let Some(dec) = [first(b"decide"), first(b"delibere")]
        .into_iter()
        .flatten()
        .min()
    else {
        return;
    };
    for a in am.iter_mut() {
        a.operative = a.pos.0 > dec;
    }
}

/// Financing tables: lines "montant  N %" closed by a "TOTAL … 100 %" line.
pub fn tables(t: &Text, am: &[Amount], from: usize, to: usize) -> Vec<FinancingTable> {
    let mut out = Vec::new();
    if am.iter().all(|a| a.percent.is_none()) {
        return out;
    }
    static TOTALS: Lexicon = Lexicon::new(|| Patterns::new(&["totaux", "total"]));
    let mut region_start = from;
    for (ka, kb, _) in TOTALS.get().hits(t, from, to) {
        let Some(total) = am
            .iter()
            .position(|a| a.pos.0 >= kb && a.pos.0 < kb + 80 && a.percent == Some(10000))
        else {
            continue;
        };
        let mut lines: Vec<usize> = Vec::new();
        for (k, a) in am.iter().enumerate() {
            if a.pos.0 < region_start || a.pos.1 > ka {
                continue;
            }
            let Some(p) = a.percent else { continue };
            if p >= 10000 {
                continue;
            }
            let before = t.low(a.pos.0.saturating_sub(24), a.pos.0).as_bytes();
            if has_bytes(before, b"sous total") || has_bytes(before, b"sous-total") {
                lines.clear();
            }
            lines.push(k);
        }
        region_start = am[total].pos.1;
        out.push(FinancingTable { lines, total });
    }
    out
}

/// Paren depth at each amount start, relative to `base`.
fn depth_between(s: &[u8], a: usize, b: usize) -> i32 {
    let mut d = 0;
    for &c in &s[a.min(b)..b] {
        if c == b'(' {
            d += 1;
        } else if c == b')' {
            d -= 1;
        }
    }
    d
}

/// Links the parts of a breakdown ("… dont 90 000 € …") to their total; the amounts are
/// those of `..to`, and the text is read no further.
fn resolve_dont(s: &[u8], to: usize, amounts: &mut [Amount]) {
    let n = amounts.len();
    if n < 2 {
        return;
    }
    // A breakdown never spans more than this.
    const MAX_REGION: usize = 20_000;
    // One pass over the text the amounts cover: paren depth at each amount's start, and
    // where each opening parenthesis closes. Nested parts then cost no rescan.
    let lo = amounts[0].pos.0;
    let hi = (amounts[n - 1].pos.1 + MAX_REGION)
        .min(to.max(amounts[n - 1].pos.1))
        .min(s.len());
    // Opening parentheses in text order, and where each closes (usize::MAX: never).
    let mut opens: Vec<usize> = Vec::new();
    let mut closes: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut start_depth = vec![0i32; n];
    let mut next_amount = 0;
    for (off, &c) in s[lo..hi].iter().enumerate() {
        let i = lo + off;
        while next_amount < n && amounts[next_amount].pos.0 == i {
            start_depth[next_amount] = stack.len() as i32;
            next_amount += 1;
        }
        if c == b'(' {
            stack.push(opens.len());
            opens.push(i);
            closes.push(usize::MAX);
        } else if c == b')' {
            if let Some(o) = stack.pop() {
                closes[o] = i + 1;
            }
        }
    }
    let close_of = |o: usize| {
        let k = opens.partition_point(|&p| p < o);
        (opens.get(k) == Some(&o) && closes[k] != usize::MAX).then(|| closes[k])
    };
    // Amounts by depth, in text order, to visit only the candidates of a region.
    let mut by_depth: Vec<Vec<usize>> = Vec::new();
    for (k, &d) in start_depth.iter().enumerate() {
        let d = d as usize;
        if by_depth.len() <= d {
            by_depth.resize_with(d + 1, Vec::new);
        }
        by_depth[d].push(k);
    }
    for pi in 0..n {
        let pend = amounts[pi].pos.1;
        // "dont" shortly after the parent (same sentence, no other amount before it).
        let next_start = if pi + 1 < n {
            amounts[pi + 1].pos.0
        } else {
            s.len()
        };
        let window_end = (pend + 160).min(next_start).min(s.len());
        let Some((da, de)) = find_word_near(s, pend, window_end, "dont") else {
            continue;
        };
        if s[pend..da].iter().any(|&c| c == b'.' || c == b';') {
            continue;
        }
        // A parenthesis opened between parent and "dont" means a nested part: "(dont 90 000 €".
        let opened = depth_between(s, pend, da);
        if opened < 0 {
            continue;
        }
        // The first child must follow "dont" closely.
        let after = skip_seps(s, de, b":-*");
        if pi + 1 >= n || amounts[pi + 1].pos.0 > after + 2 {
            continue;
        }
        let region_end = if opened > 0 {
            // until the parenthesis opened before "dont" closes
            let open = s[pend..da]
                .iter()
                .rposition(|&c| c == b'(')
                .map(|p| pend + p);
            open.and_then(close_of)
                .unwrap_or((de + MAX_REGION).min(s.len()))
        } else if s[de..after].contains(&b'\n') {
            // bullet list: consecutive lines starting with a dash
            let mut j = after;
            loop {
                let line_end = s[j..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map(|p| j + p)
                    .unwrap_or(s.len());
                let next = line_end + 1;
                if next >= s.len() || next > de + MAX_REGION {
                    break line_end.min(s.len());
                }
                let mut q = next;
                while q < s.len() && (s[q] == b' ' || s[q] == b'\t') {
                    q += 1;
                }
                if q < s.len() && (s[q] == b'-' || s[q] == b'*') {
                    j = q;
                } else {
                    break line_end;
                }
            }
        } else {
            // inline: until the sentence ends
            let mut j = de;
            let mut d = 0;
            let lim = (de + MAX_REGION).min(s.len());
            while j < lim {
                match s[j] {
                    b'(' => d += 1,
                    b')' => {
                        if d == 0 {
                            break;
                        }
                        d -= 1
                    }
                    b';' | b'\n' if d == 0 => break,
                    b'.' if d == 0 && (j + 1 >= s.len() || is_ws(s[j + 1])) => break,
                    _ => {}
                }
                j += 1;
            }
            j
        };
        let de_depth = start_depth[pi] + depth_between(s, amounts[pi].pos.0, de);
        let Some(candidates) = usize::try_from(de_depth).ok().and_then(|d| by_depth.get(d)) else {
            continue;
        };
        let first = candidates.partition_point(|&k| k <= pi);
        for &ci in &candidates[first..] {
            if amounts[ci].pos.0 >= region_end {
                break;
            }
            if amounts[ci].parent.is_none() {
                amounts[ci].parent = Some(pi);
            }
        }
    }
}

/// How far after a part's amount its percentage may stand ("45 000 €, soit 30 %").
const SHARE_GAP: usize = 12;
/// How far after the percentage the base amount may stand ("30 % du coût de l'opération
/// estimé à 180 000 € HT").
const SHARE_REACH: usize = 120;

/// Shares stated as a percentage of another amount: "45 000 €, soit 30 % du coût de
/// l'opération estimé à 180 000 € HT", "une aide de 12 000 € (40 % de la dépense de 30 000 €)".
/// A percentage followed by its own amount within a table ("130 400 € 80 %") is not one.
pub fn find_shares(t: &Text, amounts: &[Amount], to: usize) -> Vec<crate::model::Share> {
    let s = t.lower.as_bytes();
    let to = to.min(s.len());
    let mut out = Vec::new();
    for (i, a) in amounts.iter().enumerate() {
        // the part, then ", soit" / "(" / ", représentant", then the percentage
        let mut p = a.pos.1;
        let stop = (p + SHARE_GAP + 12).min(to);
        while p < stop && matches!(s[p], b' ' | b',' | b'(' | b'\t') {
            p += 1;
        }
        for w in ["soit ", "representant ", "correspondant a "] {
            if s[p..stop.max(p)].starts_with(w.as_bytes()) {
                p += w.len();
            }
        }
        if p > a.pos.1 + SHARE_GAP + 16 || !s.get(p).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let Some(pct) = percent_at(s, p) else {
            continue;
        };
        let Some(sign) = s[p..stop.max(p).min(p + 10)]
            .iter()
            .position(|&c| c == b'%')
        else {
            continue;
        };
        let after = p + sign + 1;
        // "du", "de la", "des", "d'": a share of something named next
        let next = skip_ws(s, after);
        let of = ["du ", "de ", "des ", "d'"]
            .iter()
            .any(|w| s[next..to].starts_with(w.as_bytes()));
        if !of {
            continue;
        }
        // the base: the first whole amount after, within the clause
        let Some((j, b)) = amounts
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, b)| b.parent.is_none() && b.pos.0 >= after)
        else {
            continue;
        };
        if b.pos.0 > after + SHARE_REACH
            || t.low(after, b.pos.0)
                .bytes()
                .any(|c| c == b'%' || c == b';')
            || has_bytes(t.low(after, b.pos.0).as_bytes(), b". ")
        {
            continue;
        }
        out.push(crate::model::Share {
            part: i,
            base: j,
            percent: pct,
            fraction: None,
            span: t.span(p, after),
        });
    }
    fraction_shares(t, amounts, to, &mut out);
    out
}

/// Fractions a share is written as, with their value.
/// Fractions a share is written as (in the order of the reader's patterns): the fraction
/// as quoted in messages, and its value.
const FRACTIONS: &[(&str, u32, u32)] = &[
    ("la moitié", 1, 2),
    ("le tiers", 1, 3),
    ("les deux tiers", 2, 3),
    ("le quart", 1, 4),
    ("le quart", 1, 4),
    ("le quart", 1, 4),
    ("les trois quarts", 3, 4),
    ("le cinquième", 1, 5),
    ("le dixième", 1, 10),
];
/// A fraction's part written this far after it ("…, soit 308 641,97 €") (bytes).
const FRACTION_PART_REACH: usize = 160;
/// A fraction's base stated this far before it (bytes).
const FRACTION_BASE_REACH: usize = 400;

/// "… crédits ouverts : 1 234 567,89 € … dans la limite du quart des crédits, soit
/// 308 641,97 €": the part after "soit", the base the last whole amount before the
/// fraction. "X €, soit le quart de Y €" is read as well (base after).
fn fraction_shares(t: &Text, amounts: &[Amount], to: usize, out: &mut Vec<crate::model::Share>) {
    static LEX: Lexicon = Lexicon::new(|| {
        Patterns::new(&[
            "la moitie",
            "le tiers",
            "les deux tiers",
            "le quart",
            "du quart",
            "au quart",
            "les trois quarts",
            "le cinquieme",
            "le dixieme",
        ])
    });
    let Some(first) = amounts.first() else { return };
    let s = t.lower.as_bytes();
    let from = first.pos.0.saturating_sub(FRACTION_BASE_REACH);
    for (fa, fb, k) in LEX.get().hits(t, from, to) {
        let (words, num, den) = FRACTIONS[k];
        // "… de / des / du" follows: a share of something
        let next = skip_ws(s, fb);
        if !["du ", "de ", "des ", "d'"]
            .iter()
            .any(|w| s[next..to.min(s.len()).max(next)].starts_with(w.as_bytes()))
        {
            continue;
        }
        // "X €, soit le quart de Y €"
        let before = amounts.iter().rposition(|a| a.pos.1 <= fa);
        let after = amounts.iter().position(|a| a.pos.0 >= fb);
        let soit_before = before.is_some_and(|i| {
            let gap = t.low(amounts[i].pos.1, fa);
            gap.len() < 16 && gap.contains("soit")
        });
        let (part, base) = if soit_before {
            let (Some(i), Some(j)) = (before, after) else {
                continue;
            };
            if amounts[j].pos.0 > fb + SHARE_REACH
                || t.low(fb, amounts[j].pos.0).contains(['.', ';'])
            {
                continue;
            }
            (i, j)
        } else {
            let (Some(j), Some(i)) = (after, before) else {
                continue;
            };
            let gap = t.low(fb, amounts[j].pos.0);
            if amounts[j].pos.0 > fb + FRACTION_PART_REACH
                || !gap.contains("soit")
                || gap.contains(';')
                || fa > amounts[i].pos.1 + FRACTION_BASE_REACH
                || amounts[i].parent.is_some()
            {
                continue;
            }
            (j, i)
        };
        out.push(crate::model::Share {
            part,
            base,
            percent: (num * 10_000 / den),
            fraction: Some((num, den, words)),
            span: t.span(fa, fb),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(s: &str) -> Vec<(i128, Option<usize>)> {
        let t = Text::new(s);
        find_amounts(&t, 0, t.len())
            .into_iter()
            .map(|a| (a.cents / 100, a.parent))
            .collect()
    }

    #[test]
    fn formats() {
        assert_eq!(
            amounts("536 000 € et 536\u{202F}000,00 €"),
            vec![(536_000, None), (536_000, None)]
        );
        assert_eq!(
            amounts("90 000€ puis 30 000.00 €"),
            vec![(90_000, None), (30_000, None)]
        );
        assert_eq!(
            amounts("1,9 million d'euros ; 12 k€ ; 1,5 M€"),
            vec![(1_900_000, None), (12_000, None), (1_500_000, None)]
        );
        assert_eq!(
            amounts("TROIS CENT TRENTE MILLE EUROS (330 000 euros)"),
            vec![(330_000, None), (330_000, None)]
        );
        assert_eq!(
            amounts("en 2023 150 000 € et 2 000 m²"),
            vec![(150_000, None)]
        );
        assert_eq!(amounts("article 6574"), vec![]);
    }

    #[test]
    fn dont_tree() {
        let s = "une subvention de 536 000 € dont :\n\n- 200 000 € au titre du fonctionnement,\n- 300 000 € affectés (dont 90 000€ issus du transfert) ,\n- 36 000 € affectés.\n\nSuite 5 €";
        assert_eq!(
            amounts(s),
            vec![
                (536_000, None),
                (200_000, Some(0)),
                (300_000, Some(0)),
                (90_000, Some(2)),
                (36_000, Some(0)),
                (5, None)
            ]
        );
        let s = "une subvention globale de 50 000 €, dont 30 000 € pour le fonctionnement et 25 000 € pour l'investissement. Puis 3 €.";
        assert_eq!(
            amounts(s),
            vec![
                (50_000, None),
                (30_000, Some(0)),
                (25_000, Some(0)),
                (3, None)
            ]
        );
    }
}
