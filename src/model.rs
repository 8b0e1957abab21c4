//! What the parser read from an extract. Every value carries its span.

use crate::text::Span;
use serde::Serialize;

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

    /// Councils and bureaux of an EPCI (intercommunalité, métropole, syndicat).
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

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
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
    pub span: Span,
}

/// A count the extract states ("Présents : 34").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeclaredCount {
    pub value: u32,
    pub span: Span,
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

/// A person named in an attendance list.
#[derive(Debug, Clone)]
pub struct Member {
    pub name: String,
    pub key: NameKey,
    pub status: Status,
    pub proxy_holder: Option<(String, NameKey, Span)>,
    /// Arrival, departure or proxy limited to some items ("à compter du point 3").
    pub movement: Option<String>,
    pub span: Span,
    /// The whole list entry (name, proxy and annotations).
    pub entry_span: Span,
}

/// A name reduced for comparison: upper-case tokens without civility, sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameKey(pub Vec<String>);

impl NameKey {
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
        if small.0.iter().all(|t| big.0.contains(t)) {
            NameMatch::Partial
        } else {
            NameMatch::None
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    None,
    Partial,
    Full,
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
    pub span: Span,
}

impl Vote {
    pub fn value(x: &Option<(u32, Span)>) -> Option<u32> {
        x.map(|(v, _)| v)
    }
}

/// Qualifier stated next to an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tax {
    Ht,
    Ttc,
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
}
