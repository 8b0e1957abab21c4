//! What the parser read from a text: a document made of séances, each made of its items
//! (deliberations). Every value carries its span and how sure the reading is ([`Certainty`]).
//! Rules read this model only, never the text.

use crate::text::Span;
use serde::Serialize;
use std::borrow::Cow;

/// Why a reading is not certain: a French phrase, static where it can be (no allocation).
pub type Doubt = Cow<'static, str>;

/// How a value was read.
///
/// `Certain` only when the layout is unambiguous *and* an independent check agrees (the
/// printed weekday matches the date, a label sits right against its number, a list's count
/// agrees with a declared count…). A finding may be an error only if every reading it uses
/// is certain: see [`crate::rules::finding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Read from position or partial evidence only.
    Guessed,
    /// A plausible reading that nothing independent confirms.
    Probable,
    #[default]
    Certain,
}

impl Certainty {
    pub fn code(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Probable => "probable",
            Certainty::Guessed => "guessed",
        }
    }
    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Certainty::Certain => "lecture sûre",
            Certainty::Probable => "lecture probable",
            Certainty::Guessed => "lecture devinée",
        }
    }
}

/// How sure a reading is, and why not certain (a short French phrase quoted in findings:
/// "nombre écrit avant son libellé").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Basis {
    pub certainty: Certainty,
    pub doubt: Option<Doubt>,
}

impl Basis {
    pub const CERTAIN: Basis = Basis {
        certainty: Certainty::Certain,
        doubt: None,
    };
    pub fn probable(doubt: impl Into<Doubt>) -> Basis {
        Basis {
            certainty: Certainty::Probable,
            doubt: Some(doubt.into()),
        }
    }
    pub fn guessed(doubt: impl Into<Doubt>) -> Basis {
        Basis {
            certainty: Certainty::Guessed,
            doubt: Some(doubt.into()),
        }
    }
    pub fn is_certain(&self) -> bool {
        self.certainty == Certainty::Certain
    }
    /// The weaker of two bases (the first doubt kept when both have one).
    pub fn and(self, other: &Basis) -> Basis {
        if other.certainty < self.certainty {
            Basis {
                certainty: other.certainty,
                doubt: other.doubt.clone().or(self.doubt),
            }
        } else {
            self
        }
    }
    /// At most `c`, saying why.
    pub fn cap(self, c: Certainty, doubt: &'static str) -> Basis {
        if c < self.certainty {
            Basis {
                certainty: c,
                doubt: Some(Cow::Borrowed(doubt)),
            }
        } else {
            self
        }
    }
}

/// Kind of deliberative body (the contract's `body.kind` vocabulary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    ConseilMunicipal,
    ConseilCommunautaire,
    ConseilMetropolitain,
    Bureau,
    ComiteSyndical,
    CommissionPermanente,
    ConseilDepartemental,
    ConseilRegional,
    ConseilTerritorial,
    #[default]
    Unknown,
}

impl BodyKind {
    pub const ALL: [BodyKind; 10] = [
        BodyKind::ConseilMunicipal,
        BodyKind::ConseilCommunautaire,
        BodyKind::ConseilMetropolitain,
        BodyKind::Bureau,
        BodyKind::ComiteSyndical,
        BodyKind::CommissionPermanente,
        BodyKind::ConseilDepartemental,
        BodyKind::ConseilRegional,
        BodyKind::ConseilTerritorial,
        BodyKind::Unknown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            BodyKind::ConseilMunicipal => "conseil_municipal",
            BodyKind::ConseilCommunautaire => "conseil_communautaire",
            BodyKind::ConseilMetropolitain => "conseil_metropolitain",
            BodyKind::Bureau => "bureau",
            BodyKind::ComiteSyndical => "comite_syndical",
            BodyKind::CommissionPermanente => "commission_permanente",
            BodyKind::ConseilDepartemental => "conseil_departemental",
            BodyKind::ConseilRegional => "conseil_regional",
            BodyKind::ConseilTerritorial => "conseil_territorial",
            BodyKind::Unknown => "unknown",
        }
    }

    pub fn from_code(s: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// French label shown to users.
    pub fn label(self) -> &'static str {
        match self {
            BodyKind::ConseilMunicipal => "Conseil municipal",
            BodyKind::ConseilCommunautaire => "Conseil communautaire",
            BodyKind::ConseilMetropolitain => "Conseil métropolitain",
            BodyKind::Bureau => "Bureau d'EPCI",
            BodyKind::ComiteSyndical => "Comité syndical",
            BodyKind::CommissionPermanente => "Commission permanente",
            BodyKind::ConseilDepartemental => "Conseil départemental",
            BodyKind::ConseilRegional => "Conseil régional",
            BodyKind::ConseilTerritorial => "Conseil territorial",
            BodyKind::Unknown => "Inconnu",
        }
    }

    /// Councils of an EPCI (intercommunalité, métropole, syndicat).
    pub fn is_epci(self) -> bool {
        matches!(
            self,
            BodyKind::ConseilCommunautaire
                | BodyKind::ConseilMetropolitain
                | BodyKind::ComiteSyndical
                | BodyKind::ConseilTerritorial
        )
    }
}

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// An extract of the register: one deliberation (or a few) with its séance header.
    #[default]
    Extract,
    /// Minutes (procès-verbal, compte rendu): a séance and its items.
    Minutes,
    /// A list of the deliberations of a séance (art. L2121-25), results only.
    List,
    /// Not a deliberation: an annex, an agenda, a report, a convocation letter…
    NotDeliberation,
}

impl DocKind {
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Extract => "extrait de délibération",
            DocKind::Minutes => "procès-verbal ou compte rendu de séance",
            DocKind::List => "liste des délibérations",
            DocKind::NotDeliberation => "document qui n'est pas une délibération",
        }
    }
}

/// The document's kind and what it was recognised by.
#[derive(Debug, Clone, Default)]
pub struct DocInfo {
    pub kind: DocKind,
    /// French phrases: what the parser saw ("aucun effectif ni vote", "un sommaire").
    pub seen: Vec<String>,
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    pub fn days(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// 0 = lundi … 6 = dimanche.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (index 3).
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    /// "2024-03-21" (written digit by digit: a report writes one per date read).
    pub fn iso(self) -> String {
        let (y, m, d) = (self.year, self.month, self.day);
        if !(0..=9999).contains(&y) || m > 99 || d > 99 {
            return format!("{y:04}-{m:02}-{d:02}");
        }
        let y = y as u32;
        let digit = |v: u32| char::from(b'0' + (v % 10) as u8);
        let mut s = String::with_capacity(10);
        s.extend([digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]);
        s.push('-');
        s.extend([digit(m / 10), digit(m)]);
        s.push('-');
        s.extend([digit(d / 10), digit(d)]);
        s
    }

    /// "jeudi 21 mars 2024"
    pub fn french(self) -> String {
        format!(
            "{} {} {} {}",
            WEEKDAYS[self.weekday() as usize],
            self.day,
            MONTHS[(self.month - 1) as usize],
            self.year
        )
    }
}

pub const WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
pub const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => {
            if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
                29
            } else {
                28
            }
        }
        _ => 0,
    }
}

/// What a date mention is about, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateRole {
    /// Nothing tells.
    #[default]
    Unknown,
    /// Named as the séance's date ("Séance du", "s'est réuni le", "L'an …, le …").
    Session,
    /// A meeting named by its body ("Conseil municipal du …", "PV du …"): the séance's in
    /// a title, weaker than a séance named as such.
    Meeting,
    /// Named as the convocation's ("convoqué le", "Date de convocation :").
    Convocation,
    /// Another act or meeting cited ("procès-verbal de la séance du", "délibération du",
    /// "Vu la loi du", "arrêté du").
    Cited,
    /// A transmission or publication stamp ("Reçu en préfecture le", "Publié le", "Affiché le").
    Stamp,
}

/// A date found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub date: Option<Date>,
    /// Day, month and year as written (a date such as 31/04 is kept, invalid).
    pub raw: (u32, u32, i32),
    /// The weekday written before the date, 0 = lundi.
    pub weekday: Option<(u32, Span)>,
    /// True when the year was not written and was taken from the séance.
    pub year_inferred: bool,
    pub in_words: bool,
    /// Inside an "L'an deux mille …, le …" opening formula.
    pub opening: bool,
    pub role: DateRole,
    /// For a stamp: what it stamps (transmission to the préfecture, or publication).
    pub stamp: Option<StampKind>,
    /// How the characters were read ("1 4 mars" repaired to 14 is probable).
    pub basis: Basis,
    pub span: Span,
    /// Normalised position (for the parser's own use).
    pub pos: usize,
}

/// What a stamp dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StampKind {
    /// Sent to or received by the préfecture ("Reçu en préfecture le", "Accusé de réception").
    Transmission,
    /// Published, posted, put online ("Publié le", "Affiché le").
    Publication,
}

/// The séance or convocation date: the mention chosen, and how sure the choice is.
#[derive(Debug, Clone)]
pub struct ChosenDate {
    pub mention: DateMention,
    pub date: Date,
    pub basis: Basis,
}

/// A count the text states ("Présents : 34").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclaredCount {
    pub value: u32,
    pub span: Span,
    pub certainty: Certainty,
    /// Why the reading is not certain (French).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doubt: Option<Doubt>,
}

impl DeclaredCount {
    pub fn basis(&self) -> Basis {
        Basis {
            certainty: self.certainty,
            doubt: self.doubt.clone(),
        }
    }
}

/// The contract's `declared` block.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Declared {
    pub seats: Option<DeclaredCount>,
    pub in_office: Option<DeclaredCount>,
    pub present: Option<DeclaredCount>,
    pub proxies: Option<DeclaredCount>,
    pub absent: Option<DeclaredCount>,
    pub excused: Option<DeclaredCount>,
    pub voters: Option<DeclaredCount>,
    pub quorum: Option<DeclaredCount>,
}

impl Declared {
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.is_none())
    }
    pub fn fields(&self) -> [&Option<DeclaredCount>; 8] {
        [
            &self.seats,
            &self.in_office,
            &self.present,
            &self.proxies,
            &self.absent,
            &self.excused,
            &self.voters,
            &self.quorum,
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Present,
    /// Absent, gave a proxy.
    Represented,
    /// Excused, no proxy.
    Excused,
    /// Absent, no proxy.
    Absent,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Present => "présent",
            Status::Represented => "représenté",
            Status::Excused => "excusé",
            Status::Absent => "absent",
        }
    }
}

/// The items a status holds for ("à compter de la délibération n°3", "aux points 3 à 6").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ItemScope {
    /// The whole séance (nothing says otherwise).
    #[default]
    Seance,
    /// Items by their number: from, to (inclusive), or a list.
    Items {
        from: Option<u32>,
        to: Option<u32>,
        only: Vec<u32>,
    },
    /// A time or an event that cannot be placed among the items ("à partir de 19h24").
    Unplaced,
}

impl ItemScope {
    /// Whether the status holds for item number `n`: `None` when it cannot be told.
    pub fn holds_for(&self, n: Option<u32>) -> Option<bool> {
        match self {
            ItemScope::Seance => Some(true),
            ItemScope::Unplaced => None,
            ItemScope::Items { from, to, only } => {
                let n = n?;
                if !only.is_empty() {
                    return Some(only.contains(&n));
                }
                Some(from.is_none_or(|f| n >= f) && to.is_none_or(|t| n <= t))
            }
        }
    }
}

/// A person named in an attendance list (one list entry).
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub key: NameKey,
    pub status: Status,
    pub proxy_holder: Option<Holder>,
    /// Arrival, departure or proxy limited to some items, as written.
    pub movement: Option<String>,
    /// The titulaire this member sits for ("M. ROUX (suppléant de M. BLANC)").
    pub substitute_for: Option<Holder>,
    /// The items this status holds for.
    pub scope: ItemScope,
    pub span: Span,
    /// The whole list entry (name, proxy and annotations).
    pub entry_span: Span,
    /// The list it was read in reads as names only.
    pub reliable: bool,
}

/// The holder of a proxy, as named.
#[derive(Debug, Clone)]
pub struct Holder {
    pub name: String,
    pub key: NameKey,
    pub span: Span,
    /// Words written right after the holder's name ("directeur général des services").
    pub qualifier: Option<String>,
}

/// A named person of the séance (president, secretary).
#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub key: NameKey,
    pub span: Span,
}

/// A name reduced for comparison: upper-case tokens without civility, sorted, deduplicated
/// and joined by single spaces (one allocation per name), with a one-bit-per-token summary
/// of its tokens (most pairs of names share no token: one AND says so).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameKey(String, u64);

impl NameKey {
    /// The key of these tokens (any order, duplicates allowed).
    pub fn from_tokens(mut tokens: Vec<&str>) -> NameKey {
        crate::sort::words(&mut tokens);
        tokens.dedup();
        NameKey::joined(tokens.join(" "))
    }
    /// Up to this many words, a key is built by [`NameKey::from_few_words`].
    pub const FEW_WORDS: usize = 8;
    /// A name's words into `buf`, on the stack: their number, or `None` when there are more
    /// than [`NameKey::FEW_WORDS`] (a long run of words then goes through a vector).
    pub fn few<'w>(
        words: impl Iterator<Item = &'w str>,
        buf: &mut [&'w str; NameKey::FEW_WORDS],
    ) -> Option<usize> {
        let mut n = 0;
        for w in words {
            *buf.get_mut(n)? = w;
            n += 1;
        }
        Some(n)
    }
    /// The key of a few words (any order, any ASCII case, duplicates allowed), in one
    /// allocation: the same key as [`NameKey::from_tokens`] on the words upper-cased.
    pub fn from_few_words(words: &mut [&str]) -> NameKey {
        fn upper(w: &str) -> impl Iterator<Item = u8> + '_ {
            w.bytes().map(|b| b.to_ascii_uppercase())
        }
        // insertion sort in upper-case byte order, then duplicates (ignoring case) dropped
        for i in 1..words.len() {
            let mut j = i;
            while j > 0 && upper(words[j - 1]).gt(upper(words[j])) {
                words.swap(j - 1, j);
                j -= 1;
            }
        }
        let mut s = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        let mut last: Option<&str> = None;
        for &w in words.iter() {
            if last.is_some_and(|l| l.eq_ignore_ascii_case(w)) {
                continue;
            }
            if last.is_some() {
                s.push(' ');
            }
            s.extend(w.chars().map(|c| c.to_ascii_uppercase()));
            last = Some(w);
        }
        NameKey::joined(s)
    }
    /// The key of sorted, deduplicated tokens already joined by single spaces.
    fn joined(s: String) -> NameKey {
        let bits = s
            .split(' ')
            .filter(|w| !w.is_empty())
            .fold(0, |m, w| m | 1u64 << (fnv(w.as_bytes()) % 64));
        NameKey(s, bits)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The key's tokens, sorted.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.0.split(' ').filter(|w| !w.is_empty())
    }
    /// How two keys relate.
    pub fn relation(&self, other: &NameKey) -> NameMatch {
        if self.0.is_empty() || other.0.is_empty() {
            return NameMatch::None;
        }
        if self.0 == other.0 {
            return NameMatch::Full;
        }
        let (small, big) = if self.0.len() <= other.0.len() {
            (self, other)
        } else {
            (other, self)
        };
        if small.1 & !big.1 != 0 {
            // a token of the smaller key is not among the other's
            return NameMatch::None;
        }
        // both token lists are sorted: one merge walk
        let mut big_tokens = big.tokens();
        let within = small
            .tokens()
            .all(|t| big_tokens.by_ref().find(|&x| x >= t) == Some(t));
        if within {
            NameMatch::Partial
        } else {
            NameMatch::None
        }
    }
}

/// FNV-1a of some bytes.
fn fnv(bytes: &[u8]) -> u64 {
    fnv_extend(FNV_OFFSET, bytes)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `h`'s bytes followed by these.
fn fnv_extend(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The keys of a list related to a name (the same tokens, or one's tokens all among the
/// other's), found through their tokens in bounded time: a list where every name meets
/// every other stays linear.
pub struct RelatedIndex<'a> {
    keys: Vec<&'a NameKey>,
    whole: KeyIndex,
    /// The names holding each word (hashed), each name once per word.
    tokens: Chains,
}

/// At most this many names sharing a word are compared with a name; past it the
/// relation is not told (a finding resting on it would be a guess anyway).
const RELATED_SCAN: usize = 64;
/// Names of more words than this are not looked up by their sub-names.
const RELATED_MAX_TOKENS: usize = 6;

impl<'a> RelatedIndex<'a> {
    pub fn new(keys: Vec<&'a NameKey>) -> RelatedIndex<'a> {
        let mut whole = KeyIndex::new(keys.len());
        let n: usize = keys.iter().map(|k| k.tokens().count()).sum();
        let mut tokens = Chains::new(n.next_power_of_two().max(16), n);
        let mask = tokens.buckets() - 1;
        for (i, k) in keys.iter().enumerate() {
            whole.add(k, i);
            for t in k.tokens() {
                tokens.push(fnv(t.as_bytes()) as usize & mask, i as u32);
            }
        }
        RelatedIndex {
            keys,
            whole,
            tokens,
        }
    }

    /// The indices related to `key`, with how (at most `limit`, enough to tell "one" from
    /// "several"); `None` when too many names share its words to tell.
    pub fn related(&self, key: &NameKey, limit: usize) -> Option<Vec<(usize, NameMatch)>> {
        let mut out: Vec<(usize, NameMatch)> = Vec::new();
        let mut few = [""; NameKey::FEW_WORDS];
        let many: Vec<&str>;
        let words: &[&str] = match NameKey::few(key.tokens(), &mut few) {
            Some(n) => &few[..n],
            None => {
                many = key.tokens().collect();
                &many
            }
        };
        if words.is_empty() {
            return Some(out);
        }
        let mask = self.tokens.buckets() - 1;
        // names holding all of its words: through its rarest word
        let bucket = words
            .iter()
            .map(|w| fnv(w.as_bytes()) as usize & mask)
            .min_by_key(|&b| self.tokens.len(b))?;
        if self.tokens.len(bucket) > RELATED_SCAN {
            return None;
        }
        let mut last = None;
        for i in self.tokens.iter(bucket) {
            let i = i as usize;
            if last == Some(i) {
                continue;
            }
            last = Some(i);
            // the names with fewer words are found below, by their parts
            if self.keys[i].0.len() < key.0.len() {
                continue;
            }
            let r = self.keys[i].relation(key);
            if r != NameMatch::None {
                out.push((i, r));
                if out.len() >= limit {
                    return Some(out);
                }
            }
        }
        // names made of some of its words: each part looked up whole
        if words.len() > RELATED_MAX_TOKENS {
            return None;
        }
        for part in 1..(1u32 << words.len()) - 1 {
            // the part's key (its words, sorted like the key's, joined by spaces) is hashed
            // and compared word by word, never built
            let sub = || {
                (0..words.len())
                    .filter(move |b| part & (1 << b) != 0)
                    .map(|b| words[b])
            };
            let hash = sub().enumerate().fold(FNV_OFFSET, |h, (n, w)| {
                let h = if n > 0 { fnv_extend(h, b" ") } else { h };
                fnv_extend(h, w.as_bytes())
            });
            for i in self.whole.with_hash(hash) {
                if !self.keys[i].tokens().eq(sub()) {
                    continue;
                }
                out.push((i, NameMatch::Partial));
                if out.len() >= limit {
                    return Some(out);
                }
            }
        }
        Some(out)
    }
}

/// Lists of numbers by bucket in flat arrays, each bucket a chain in the order pushed: no
/// allocation per bucket, and two in all.
struct Chains {
    /// Each bucket's first and last entry (`NO_ENTRY`: empty) and its length.
    buckets: Vec<Bucket>,
    /// Each entry's value and the next entry of its bucket.
    entries: Vec<(u32, u32)>,
}

#[derive(Clone, Copy)]
struct Bucket {
    head: u32,
    tail: u32,
    len: u32,
}

const NO_ENTRY: u32 = u32::MAX;

impl Chains {
    fn new(buckets: usize, expected: usize) -> Chains {
        Chains {
            buckets: vec![
                Bucket {
                    head: NO_ENTRY,
                    tail: NO_ENTRY,
                    len: 0,
                };
                buckets
            ],
            entries: Vec::with_capacity(expected),
        }
    }
    fn buckets(&self) -> usize {
        self.buckets.len()
    }
    fn push(&mut self, b: usize, v: u32) {
        let e = self.entries.len() as u32;
        self.entries.push((v, NO_ENTRY));
        let bucket = &mut self.buckets[b];
        match bucket.tail {
            NO_ENTRY => bucket.head = e,
            t => self.entries[t as usize].1 = e,
        }
        bucket.tail = e;
        bucket.len += 1;
    }
    fn len(&self, b: usize) -> usize {
        self.buckets[b].len as usize
    }
    fn iter(&self, b: usize) -> impl Iterator<Item = u32> + '_ {
        let mut e = self.buckets[b].head;
        std::iter::from_fn(move || {
            let &(v, next) = self.entries.get(e as usize)?;
            e = next;
            Some(v)
        })
    }
}

/// Indices by name key, for lookups and groupings that stay linear however long the lists
/// are (no hash map and no sort: both weigh kilobytes of wasm).
pub struct KeyIndex {
    chains: Chains,
}

impl KeyIndex {
    pub fn new(expected: usize) -> KeyIndex {
        KeyIndex {
            chains: Chains::new(expected.next_power_of_two().max(16), expected),
        }
    }
    fn slot(&self, key: &NameKey) -> usize {
        (fnv(key.0.as_bytes()) as usize) & (self.chains.buckets() - 1)
    }
    /// The indices added with a key of this hash ([`fnv`] of the key's text), and perhaps
    /// others sharing its bucket: callers compare.
    fn with_hash(&self, hash: u64) -> impl Iterator<Item = usize> + '_ {
        self.chains
            .iter(hash as usize & (self.chains.buckets() - 1))
            .map(|i| i as usize)
    }
    pub fn add(&mut self, key: &NameKey, i: usize) {
        let s = self.slot(key);
        self.chains.push(s, i as u32);
    }
    /// The indices added with exactly this key, in the order added.
    pub fn same<'a>(
        &'a self,
        key: &'a NameKey,
        keys: impl Fn(usize) -> &'a NameKey + 'a,
    ) -> impl Iterator<Item = usize> + 'a {
        self.chains
            .iter(self.slot(key))
            .map(|i| i as usize)
            .filter(move |&i| keys(i) == key)
    }
    /// An index over the members' keys.
    pub fn of_members(members: &[Member]) -> KeyIndex {
        let mut ix = KeyIndex::new(members.len());
        for (i, m) in members.iter().enumerate() {
            ix.add(&m.key, i);
        }
        ix
    }
    /// The one index added with exactly this key (none when absent or ambiguous).
    pub fn one<'a>(
        &'a self,
        key: &'a NameKey,
        keys: impl Fn(usize) -> &'a NameKey + 'a,
    ) -> Option<usize> {
        let mut it = self.same(key, keys);
        match (it.next(), it.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    }
    /// The one member with exactly this key (none when absent or ambiguous).
    pub fn unique<'a>(&self, members: &'a [Member], key: &NameKey) -> Option<&'a Member> {
        self.one(key, |i| &members[i].key).map(|i| &members[i])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    None,
    Partial,
    Full,
}

/// Kind of an attendance list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ListKind {
    Present,
    Represented,
    Excused,
    Absent,
}

impl ListKind {
    /// "la liste des présents"
    pub fn french(self) -> &'static str {
        match self {
            ListKind::Present => "la liste des présents",
            ListKind::Represented => "la liste des représentés",
            ListKind::Excused => "la liste des excusés",
            ListKind::Absent => "la liste des absents",
        }
    }
}

/// An attendance list as found (its members are in [`Seance::members`]).
#[derive(Debug, Clone)]
pub struct AttendanceList {
    pub kind: ListKind,
    pub label_span: Span,
    /// The whole list, label and entries.
    pub span: Span,
    pub entries: usize,
    /// Every entry reads as a name (no garbled columns, no glued names).
    pub reliable: bool,
    /// A count written right after the list ("… Jean PERTHUIS (55)").
    pub trailing_count: Option<u32>,
}

/// A vote result.
#[derive(Debug, Clone, Default)]
pub struct Vote {
    pub pour: Option<(u32, Span)>,
    pub contre: Option<(u32, Span)>,
    pub abstention: Option<(u32, Span)>,
    pub not_voting: Option<(u32, Span)>,
    pub proxies: Option<(u32, Span)>,
    pub unanimous: Option<Span>,
    /// "à l'unanimité des présents / des votants / des membres présents et représentés".
    pub unanimity_of_members: bool,
    /// "à la majorité" written with the result.
    pub majority: Option<Span>,
    pub adopted: Option<(bool, Span)>,
    /// Names listed after "pour", "contre", "abstention", "ne prend pas part" (named vote).
    pub named: Vec<(VoteSide, String, NameKey, Span)>,
    pub span: Span,
    pub basis: Basis,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteSide {
    Pour,
    Contre,
    Abstention,
    NotVoting,
}

impl Vote {
    pub fn value(x: &Option<(u32, Span)>) -> Option<u32> {
        x.map(|(v, _)| v)
    }
    pub fn numeric(&self) -> bool {
        self.pour.is_some() || self.contre.is_some() || self.abstention.is_some()
    }
}

/// Qualifier stated next to an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tax {
    Ht,
    Ttc,
}

/// What the words right before an amount say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AmountRole {
    #[default]
    Other,
    /// "une subvention de", "subvention d'un montant de".
    Subsidy,
}

/// An amount of money.
#[derive(Debug, Clone)]
pub struct Amount {
    /// Value in cents (i128: amounts beyond i64 stay exact).
    pub cents: i128,
    pub text: String,
    pub span: Span,
    /// Normalised position range (for the parser's own use).
    pub pos: (usize, usize),
    pub tax: Option<Tax>,
    pub in_words: bool,
    /// Index of the amount this one is a "dont" part of.
    pub parent: Option<usize>,
    /// A percentage written right after the amount ("130 400 € 80 %"), in hundredths.
    pub percent: Option<u32>,
    pub role: AmountRole,
    /// After the operative words ("décide", "délibère").
    pub operative: bool,
    /// Another amount stands right after, in parentheses (words then digits): its index.
    pub restated_by: Option<usize>,
    /// The words amount goes on with cents ("… euros et cinquante centimes").
    pub words_with_cents: bool,
    /// Within 40 bytes of the next amount (HT then TTC pairs).
    pub near_next: bool,
    /// A rounded form ("1,9 M€", "536 k€"): half a unit of its last digit, in cents, and
    /// the side an exact form must lie on ("plus de" 1, "moins de" -1, else 0).
    pub rounded: Option<(i128, i8)>,
    /// Why the digits read two ways ("1.500 €", "1,500 €"), for AMT-PARSE.
    pub ambiguous: Option<&'static str>,
    pub basis: Basis,
}

/// The legal form of a subsidy's beneficiary, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalForm {
    Association,
    Foundation,
    Company,
    /// A commune, a CCAS, an EPCI, a syndicat, a département or a région.
    Public,
}

impl LegalForm {
    /// Bodies of private law (loi 2000-321, art. 10).
    pub fn private(self) -> bool {
        !matches!(self, LegalForm::Public)
    }
    pub fn french(self) -> &'static str {
        match self {
            LegalForm::Association => "association",
            LegalForm::Foundation => "fondation",
            LegalForm::Company => "société",
            LegalForm::Public => "personne publique",
        }
    }
}

/// A subsidy decided or proposed in an item.
#[derive(Debug, Clone)]
pub struct Subsidy {
    pub beneficiary: Option<String>,
    pub beneficiary_key: Option<NameKey>,
    pub legal_form: Option<LegalForm>,
    pub cents: i128,
    pub amount_span: Span,
    /// The year written with it ("subvention 2024").
    pub year: Option<i32>,
    /// The item names a convention (approved, or its signature authorised).
    pub convention: Option<Span>,
    /// SIRET or SIREN digits as written, and RNA number, near the beneficiary.
    pub siret: Option<(String, Span)>,
    pub rna: Option<(String, Span)>,
    /// Stated after the operative words ("décide", "d'approuver").
    pub operative: bool,
    /// From "subvention" to the amount.
    pub span: Span,
    pub basis: Basis,
}

/// A share stated as a percentage of another amount of the item: "45 000 €, soit 30 % du
/// coût de 180 000 € HT".
#[derive(Debug, Clone)]
pub struct Share {
    /// Indices into the item's amounts.
    pub part: usize,
    pub base: usize,
    /// In hundredths of a percent (30 % = 3000).
    pub percent: u32,
    /// A share written as a fraction ("le quart des crédits"): numerator, denominator and
    /// the words; exact, so compared to the cent.
    pub fraction: Option<(u32, u32, &'static str)>,
    pub span: Span,
}

/// A financing table: lines with their percentages closed by a total at 100 %.
#[derive(Debug, Clone)]
pub struct FinancingTable {
    /// Indices into the item's amounts.
    pub lines: Vec<usize>,
    pub total: usize,
}

/// One deliberation (or agenda item) of a séance.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// Normalised range.
    pub range: (usize, usize),
    pub span: Span,
    /// The number as printed ("DEL2023-01", "2023-009", "5").
    pub number: Option<String>,
    pub number_span: Option<Span>,
    /// The number that per-item attendance refers to ("délibération n°3" → 3).
    pub ordinal: Option<u32>,
    pub object: Option<String>,
    /// Counts stated inside the item (per-deliberation boxes).
    pub declared: Declared,
    pub votes: Vec<Vote>,
    pub amounts: Vec<Amount>,
    pub subsidies: Vec<Subsidy>,
    pub shares: Vec<Share>,
    pub tables: Vec<FinancingTable>,
    pub mentions: ItemMentions,
    /// How sure the item's limits are (a vote near an unclear boundary is only probable).
    pub basis: Basis,
}

/// An arrival, departure or withdrawal written in the séance's text (outside the lists).
#[derive(Debug, Clone)]
pub struct Movement {
    /// Normalised position.
    pub pos: usize,
    pub span: Span,
}

/// Words of the séance that change what applies ("sans condition de quorum", "urgence").
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub urgency: Option<Span>,
    /// The assembly ruled on the urgency ("se prononce sur l'urgence", "l'urgence est
    /// reconnue").
    pub urgency_ruled: Option<Span>,
    /// "sans condition de quorum", "deuxième convocation".
    pub quorum_waived: Option<Span>,
    /// The text invokes a COVID-era regime ("quorum fixé au tiers", "loi n° 2020-290").
    pub covid_regime: Option<Span>,
    /// The text states the COVID-era quorum itself ("le quorum est fixé au tiers"), not only
    /// a law of the period.
    pub covid_quorum_stated: bool,
    /// The text is headed as an executive's decision, not a deliberation ("Décision du
    /// Maire n° 2024-12", "Décision du Président"): (span, true for a maire).
    pub executive_decision: Option<(Span, bool)>,
    /// A delegation of powers is cited ("vu la délibération … portant délégation",
    /// "article L5211-10").
    pub delegation: Option<Span>,
    /// The séance held remotely ("en visioconférence", "par téléconférence", "à distance").
    pub remote: Option<Span>,
    /// A proxy given beyond one séance ("pouvoir permanent", "pour toute la durée du mandat").
    pub standing_proxy: Option<Span>,
    /// The act posted ("affiché le", "affiché en mairie"), not the convocation.
    pub posted: Option<Span>,
    /// The act published electronically ("publié sur le site", "mis en ligne", "publication
    /// électronique").
    pub published_online: Option<Span>,
    /// "publié par extrait", "extrait publié".
    pub published_by_extract: Option<Span>,
    /// "compte rendu affiché" (wording of before 1 July 2022).
    pub minutes_posted: Option<Span>,
    /// "liste des délibérations … affichée": the phrase (its date follows it).
    pub list_posted: Option<Span>,
}

/// Words of one item that change what applies to it.
#[derive(Debug, Clone, Default)]
pub struct ItemMentions {
    /// The object names a nomination or an election ("désignation des délégués",
    /// "élection des membres").
    pub nomination: Option<Span>,
    /// "à main levée".
    pub show_of_hands: Option<Span>,
    /// "au scrutin secret", "à bulletin secret".
    pub secret_ballot: Option<Span>,
    /// The council decided unanimously not to vote by secret ballot, or a single candidacy
    /// or list was filed.
    pub secret_waived: Option<Span>,
    /// The object names the budget primitif.
    pub budget: Option<Span>,
    /// The object names the compte administratif or the compte financier unique.
    pub annual_accounts: Option<Span>,
    /// Someone withdrew or did not vote ("se retire", "quitte la salle", "ne prend pas
    /// part au vote"), or another president presided ("sous la présidence de").
    pub withdrawal: Option<Span>,
    /// An election's result ("M. X : 11 voix … est élu au premier tour").
    pub election: Option<Election>,
    /// The budget year the item imputes ("sur le budget 2024", "au budget primitif 2024"):
    /// one year only (several different years give none).
    pub budget_year: Option<(i32, Span)>,
    /// A person named with a role in the beneficiary ("Mme X, présidente de
    /// l'association"): their name key and the phrase.
    pub interested: Option<(NameKey, Span)>,
}

/// A majority election by rounds, as written.
#[derive(Debug, Clone)]
pub struct Election {
    /// 1, 2 or 3, from "élu au premier tour".
    pub round: u32,
    pub elected: Span,
    /// Suffrages exprimés, stated or computed from votants minus blancs and nuls.
    pub expressed: Option<(u32, Span)>,
    /// The candidates' votes, in order ("M. X : 11 voix").
    pub candidates: Vec<(u32, Span)>,
}

/// A séance: its header (body, dates, counts, lists) and its items.
#[derive(Debug, Clone, Default)]
pub struct Seance {
    /// Normalised range.
    pub range: (usize, usize),
    /// Where the header ends (normalised): dates named as the séance's further on are
    /// another meeting's.
    pub head: usize,
    /// Where the first item's heading starts (normalised): what precedes is the séance's
    /// own title and opening, without the margin of `head`.
    pub title_end: usize,
    pub span: Span,
    pub body: BodyKind,
    pub body_detected: BodyKind,
    pub body_name: Option<String>,
    pub dates: Vec<DateMention>,
    pub session: Option<ChosenDate>,
    pub convocation: Option<ChosenDate>,
    pub declared: Declared,
    pub lists: Vec<AttendanceList>,
    pub members: Vec<Member>,
    pub president: Option<Person>,
    pub secretary: Option<Person>,
    pub mentions: Mentions,
    /// Arrivals, departures and withdrawals written outside the lists.
    pub movements: Vec<Movement>,
    /// Upper-case words written near those movements (sorted): the names they concern.
    pub moved_names: Vec<String>,
    /// ACTES transmission identifiers ("ID : 021-…-DE").
    pub actes_ids: Vec<ActesId>,
    pub items: Vec<Item>,
}

/// An ACTES transmission identifier: "ID : 021-242100411-20240321-2024_03_15-DE"
/// (département, SIREN, date of the act, internal number, nature).
#[derive(Debug, Clone)]
pub struct ActesId {
    /// The département on three characters ("021", "02A", "974").
    pub dept: String,
    pub dept_span: Span,
    /// A two-letter code closing the identifier that is not a nature code ("-DL").
    pub bad_nature: Option<(String, Span)>,
    pub siren: String,
    /// Year, month, day as written in the identifier.
    pub date: (i32, u32, u32),
    pub nature: Option<String>,
    /// The identifier as written.
    pub text: String,
    pub span: Span,
    pub siren_span: Span,
    pub date_span: Span,
}

impl ActesId {
    pub fn act_date(&self) -> Option<Date> {
        Date::new(self.date.0, self.date.1, self.date.2)
    }
}

impl Seance {
    pub fn list_entries(&self, kind: ListKind) -> usize {
        self.lists
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.entries)
            .sum()
    }
    pub fn has_list(&self, kind: ListKind) -> bool {
        self.lists.iter().any(|s| s.kind == kind)
    }
    pub fn list_spans(&self, kind: ListKind) -> Vec<Span> {
        self.lists
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.label_span)
            .collect()
    }
    /// Every attendance list reads as names only.
    pub fn lists_reliable(&self) -> bool {
        !self.lists.is_empty() && self.lists.iter().all(|s| s.reliable)
    }
    pub fn count_status(&self, st: Status) -> usize {
        self.members.iter().filter(|m| m.status == st).count()
    }
    /// A movement is written near this name (an arrival or departure may explain a double
    /// status even when the list does not say so).
    pub fn moved(&self, key: &NameKey) -> bool {
        key.tokens().filter(|w| w.len() >= 3).any(|w| {
            self.moved_names
                .binary_search_by(|m| m.as_str().cmp(w))
                .is_ok()
        })
    }
    /// A movement is written anywhere in the séance, or a list entry carries one.
    pub fn has_movements(&self) -> bool {
        !self.movements.is_empty() || self.members.iter().any(|m| m.movement.is_some())
    }
}

/// The whole parsed text.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub info: DocInfo,
    pub seances: Vec<Seance>,
}

#[cfg(test)]
mod tests {
    use super::{Date, NameKey};

    #[test]
    fn few_words_key_equals_the_general_key() {
        // a name's few words, any case and order, with duplicates: the same key as the
        // general path on the words upper-cased
        for words in [
            vec!["Dupont", "jean", "DUPONT"],
            vec!["de", "La", "Fontaine", "jean-PIERRE"],
            vec!["É", "éric", "Zoé", "zoé", "ZOÉ", "a", "B", "a"],
            vec![],
        ] {
            let upper: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
            let general = NameKey::from_tokens(upper.iter().map(String::as_str).collect());
            let mut few = words.clone();
            assert_eq!(NameKey::from_few_words(&mut few), general, "{words:?}");
        }
        assert_eq!(
            NameKey::from_few_words(&mut ["martin", "Anne"])
                .tokens()
                .collect::<Vec<_>>(),
            ["ANNE", "MARTIN"]
        );
    }

    #[test]
    fn iso_writes_like_the_formatter() {
        for (year, month, day) in [
            (2024, 3, 21),
            (1999, 12, 1),
            (0, 1, 1),
            (9999, 99, 99),
            (10000, 1, 1),
            (-5, 1, 1),
            (2024, 100, 7),
            (2024, 1, 123),
            (7, 7, 7),
        ] {
            let d = Date { year, month, day };
            assert_eq!(d.iso(), format!("{year:04}-{month:02}-{day:02}"));
        }
    }
}
