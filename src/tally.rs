//! Counts for one item: declared where the text states them, counted in the lists where it
//! does not, each with how sure it is.
//!
//! A list's count is certain only when its entries all read as names, no status of the item
//! depends on a movement, and an independent count corroborates the lists: another list's
//! count equals its declared count, or the lists add up to the members in office. A count
//! is never corroborated by the very number it is compared with.

use crate::model::*;
use crate::text::Span;

/// A count, as a range when the president's place is unknown (named apart, perhaps not in
/// the list).
#[derive(Debug, Clone)]
pub struct Count {
    pub lo: u32,
    pub hi: u32,
    pub spans: Vec<Span>,
    pub declared: bool,
    pub basis: Basis,
}

impl Count {
    pub fn of(d: &DeclaredCount) -> Count {
        Count {
            lo: d.value,
            hi: d.value,
            spans: vec![d.span],
            declared: true,
            basis: d.basis(),
        }
    }
    pub fn show(&self) -> String {
        if self.lo == self.hi {
            self.lo.to_string()
        } else {
            format!("{} à {}", self.lo, self.hi)
        }
    }
    pub fn contains(&self, v: u32) -> bool {
        (self.lo..=self.hi).contains(&v)
    }
}

/// Which count a list gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    InOffice,
    Present,
    Represented,
    Away,
}

/// The lists read for one item.
#[derive(Debug, Clone, Default)]
pub struct Listed {
    /// Present, +1 at most when the president is named apart.
    pub present: (u32, u32),
    pub represented: u32,
    /// Excused and absent without proxy.
    pub away: u32,
    /// Persons whose status for this item cannot be told (a time, an unknown item number).
    pub uncertain: u32,
    /// Some status of this item was read from a per-item scope ("à compter du point 3").
    pub scoped: bool,
    pub reliable: bool,
    pub present_spans: Vec<Span>,
    pub represented_spans: Vec<Span>,
    /// Members counted present / represented / away for this item (indices into members).
    pub present_members: Vec<usize>,
    pub represented_members: Vec<usize>,
    pub away_members: Vec<usize>,
}

/// Everything a rule needs about the counts of one item.
#[derive(Debug, Clone)]
pub struct Attendance<'a> {
    pub seance: &'a Seance,
    pub item: &'a Item,
    pub first: bool,
    pub listed: Option<Listed>,
    /// Computed once: présents, représentés, en exercice (declared, else listed).
    counts: [Option<Count>; 3],
    /// Whether the lists are corroborated by a count other than each field.
    corroborated: [bool; 4],
}

impl<'a> Attendance<'a> {
    /// The counts of one item.
    pub fn of(seance: &'a Seance, index: usize) -> Attendance<'a> {
        let persons = persons(seance);
        Attendance::with(seance, &persons, index)
    }

    /// The counts of every item of a séance (its persons grouped once; the lists counted
    /// once when no status is limited to some items).
    pub fn all(seance: &'a Seance) -> Vec<Attendance<'a>> {
        let persons = persons(seance);
        let scoped = seance.members.iter().any(|m| m.scope != ItemScope::Seance);
        if scoped || seance.items.len() < 2 {
            return (0..seance.items.len())
                .map(|k| Attendance::with(seance, &persons, k))
                .collect();
        }
        let first = Attendance::with(seance, &persons, 0);
        let later = seance
            .items
            .get(1)
            .and_then(|item| listed(seance, &persons, item, false));
        let mut out = Vec::with_capacity(seance.items.len());
        out.push(first);
        for item in seance.items.iter().skip(1) {
            out.push(Attendance::complete(seance, item, false, later.clone()));
        }
        out
    }

    fn with(seance: &'a Seance, persons: &Persons, index: usize) -> Attendance<'a> {
        let item = &seance.items[index];
        let first = index == 0;
        Attendance::complete(seance, item, first, listed(seance, persons, item, first))
    }

    /// The counts of an item, once its lists are counted.
    fn complete(
        seance: &'a Seance,
        item: &'a Item,
        first: bool,
        listed: Option<Listed>,
    ) -> Attendance<'a> {
        let mut a = Attendance {
            seance,
            item,
            first,
            listed,
            counts: [None, None, None],
            corroborated: [false; 4],
        };
        for (k, f) in [
            Field::InOffice,
            Field::Present,
            Field::Represented,
            Field::Away,
        ]
        .into_iter()
        .enumerate()
        {
            a.corroborated[k] = a.corroborated_now(f);
        }
        a.counts = [
            a.present_now(),
            a.represented_now(),
            // members in office do not change during a séance
            a.item
                .declared
                .in_office
                .as_ref()
                .or(a.seance.declared.in_office.as_ref())
                .map(Count::of),
        ];
        a
    }

    /// A declared count for this item: its own, else the séance's. The séance's counts are
    /// those of the opening: for a later item of a séance with movements they are probable.
    pub fn declared(&self, f: fn(&Declared) -> &Option<DeclaredCount>) -> Option<Count> {
        if let Some(d) = f(&self.item.declared) {
            return Some(Count::of(d));
        }
        let d = f(&self.seance.declared).as_ref()?;
        let mut c = Count::of(d);
        if !self.first && self.seance.has_movements() {
            c.basis = c.basis.cap(
                Certainty::Probable,
                "effectif de l'ouverture de la séance ; des mouvements ont pu le changer pour ce point",
            );
        }
        Some(c)
    }

    pub fn in_office(&self) -> Option<Count> {
        self.counts[2].clone()
    }

    /// Whether the lists are corroborated by a count other than `except`.
    pub fn corroborated(&self, except: Field) -> bool {
        self.corroborated[except as usize]
    }

    fn corroborated_now(&self, except: Field) -> bool {
        let Some(l) = &self.listed else { return false };
        if !l.reliable || l.uncertain > 0 || l.scoped {
            return false;
        }
        let certain = |c: Option<Count>| c.filter(|c| c.basis.is_certain());
        let p = certain(self.declared(|d| &d.present));
        let r = certain(self.declared(|d| &d.proxies));
        let e = certain(self.declared(|d| &d.in_office));
        let mut agree = false;
        let mut disagree = false;
        let mut check = |field: Field, decl: &Option<Count>, lo: u32, hi: u32| {
            if field == except {
                return;
            }
            if let Some(d) = decl {
                if d.lo <= hi && lo <= d.hi {
                    agree = true;
                } else {
                    disagree = true;
                }
            }
        };
        check(Field::Present, &p, l.present.0, l.present.1);
        check(Field::Represented, &r, l.represented, l.represented);
        let total = (
            l.present.0 + l.represented + l.away,
            l.present.1 + l.represented + l.away,
        );
        check(Field::InOffice, &e, total.0, total.1);
        agree && !disagree
    }

    /// Présents: declared, else counted in reliable lists.
    pub fn present(&self) -> Option<Count> {
        self.counts[0].clone()
    }

    fn present_now(&self) -> Option<Count> {
        if let Some(c) = self.declared(|d| &d.present) {
            return Some(c);
        }
        let l = self.listed.as_ref()?;
        Some(Count {
            lo: l.present.0,
            hi: l.present.1 + l.uncertain,
            spans: l.present_spans.clone(),
            declared: false,
            basis: self.list_basis(
                Field::Present,
                "présents comptés dans la liste des présents",
            ),
        })
    }

    /// Représentés: declared proxies, else counted in reliable lists.
    pub fn represented(&self) -> Option<Count> {
        self.counts[1].clone()
    }

    fn represented_now(&self) -> Option<Count> {
        if let Some(c) = self.declared(|d| &d.proxies) {
            return Some(c);
        }
        let l = self.listed.as_ref()?;
        Some(Count {
            lo: l.represented,
            hi: l.represented + l.uncertain,
            spans: l.represented_spans.clone(),
            declared: false,
            basis: self.list_basis(Field::Represented, "procurations comptées dans les listes"),
        })
    }

    /// How sure a count read from the lists is, for a rule comparing it with `field`.
    pub fn list_basis(&self, field: Field, what: &'static str) -> Basis {
        let Some(l) = &self.listed else {
            return Basis::guessed(what);
        };
        if l.uncertain > 0 || l.scoped {
            return Basis::probable(format!(
                "{what} : présences propres à certains points ou mouvements en cours de séance"
            ));
        }
        if !self.corroborated(field) {
            return Basis::probable(format!(
                "{what}, sans autre effectif déclaré qui les recoupe"
            ));
        }
        Basis::CERTAIN
    }
}

/// Whether the president is named among the members.
fn president_listed(s: &Seance) -> bool {
    match &s.president {
        None => true,
        Some(p) => s
            .members
            .iter()
            .any(|m| m.key.relation(&p.key) != NameMatch::None),
    }
}

/// The séance's persons: its members' entries grouped by full name, in text order.
pub fn persons(s: &Seance) -> Persons {
    let index = KeyIndex::of_members(&s.members);
    let mut done = vec![false; s.members.len()];
    let mut p = Persons {
        entries: Vec::with_capacity(s.members.len()),
        ends: Vec::with_capacity(s.members.len()),
    };
    for (i, m) in s.members.iter().enumerate() {
        if done[i] {
            continue;
        }
        for j in index.same(&m.key, |j| &s.members[j].key) {
            done[j] = true;
            p.entries.push(j);
        }
        p.ends.push(p.entries.len());
    }
    p
}

/// The séance's persons, each the indices of its members' entries: one run per person in
/// one flat list (no allocation per person).
pub struct Persons {
    entries: Vec<usize>,
    /// Where each person's run ends in `entries`.
    ends: Vec<usize>,
}

impl Persons {
    /// Each person's entries, in text order.
    pub fn iter(&self) -> impl Iterator<Item = &[usize]> + '_ {
        self.ends.iter().scan(0, |start, &end| {
            let run = &self.entries[*start..end];
            *start = end;
            Some(run)
        })
    }
}

/// Counts the lists for an item: each person's status for it, from the entries whose scope
/// holds for its number (an entry limited to some items wins over one for the whole séance).
pub fn listed(s: &Seance, persons: &Persons, item: &Item, first: bool) -> Option<Listed> {
    if !s.lists_reliable() || !s.has_list(ListKind::Present) {
        return None;
    }
    let mut l = Listed {
        reliable: true,
        ..Listed::default()
    };
    // The item's number; the first item of a séance is the opening when it has none.
    let n = item.ordinal;
    for same in persons.iter() {
        // the entries limited to items that hold for this one, those for the whole séance,
        // and whether some entry's items cannot be told
        let (mut explicit, mut explicit_at) = (0usize, None);
        let (mut whole, mut whole_at) = (0usize, None);
        let mut unknown = false;
        for &j in same {
            let m = &s.members[j];
            let holds = match (&m.scope, n, first) {
                // an opening item without a number: "jusqu'au point 2" holds, "à compter du
                // point 3" does not yet
                (ItemScope::Items { from, only, .. }, None, true) if only.is_empty() => {
                    Some(from.is_none())
                }
                _ => m.scope.holds_for(n),
            };
            if m.scope == ItemScope::Seance {
                whole += 1;
                whole_at = whole_at.or(Some(j));
            } else {
                l.scoped = true;
                match holds {
                    Some(true) => {
                        explicit += 1;
                        explicit_at = explicit_at.or(Some(j));
                    }
                    Some(false) => {}
                    None => unknown = true,
                }
            }
        }
        let idx = explicit_at.or(whole_at).unwrap_or(same[0]);
        let status = match (explicit, whole) {
            (1, _) => Some(s.members[idx].status),
            (0, 1) if !unknown => Some(s.members[idx].status),
            // listed only for other items, or for several: how it stands is not said
            _ => None,
        };
        match status {
            Some(Status::Present) => {
                l.present.0 += 1;
                l.present_members.push(idx);
            }
            Some(Status::Represented) => {
                l.represented += 1;
                l.represented_members.push(idx);
            }
            Some(Status::Excused | Status::Absent) => {
                l.away += 1;
                l.away_members.push(idx);
            }
            None => {
                if whole > 1 && explicit == 0 {
                    // two statuses for the whole séance: a conflict, counted once as present
                    l.present.0 += 1;
                    l.present_members.push(idx);
                } else {
                    l.uncertain += 1;
                }
            }
        }
    }
    l.present.1 = l.present.0 + u32::from(!president_listed(s));
    l.present_spans = s.list_spans(ListKind::Present);
    l.represented_spans = s
        .members
        .iter()
        .filter(|m| m.status == Status::Represented)
        .map(|m| m.entry_span)
        .collect();
    Some(l)
}
