//! The séance's members, built from its lists: one member per list entry, proxies linked,
//! the same absent person listed twice merged, each status with the items it holds for.

use super::names::name_key;
use super::scope::scope_of;
use super::{Section, SectionKind};
use crate::model::{Holder, ItemScope, Member, NameKey, Status};
use crate::text::Text;

/// Members by name key, for lookups that stay linear however long the lists are.
struct KeyIndex {
    buckets: Vec<Vec<u32>>,
}

impl KeyIndex {
    fn new(expected: usize) -> KeyIndex {
        KeyIndex {
            buckets: vec![Vec::new(); expected.next_power_of_two().max(16)],
        }
    }
    fn slot(&self, key: &NameKey) -> usize {
        // FNV-1a over the key's tokens
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for tok in &key.0 {
            for b in tok.bytes().chain([0]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x100_0000_01b3);
            }
        }
        (h as usize) & (self.buckets.len() - 1)
    }
    fn add(&mut self, key: &NameKey, i: usize) {
        let s = self.slot(key);
        self.buckets[s].push(i as u32);
    }
    /// The one member with this key (none when absent or ambiguous).
    fn unique(&self, members: &[Member], key: &NameKey) -> Option<usize> {
        let mut same = self.buckets[self.slot(key)]
            .iter()
            .map(|&i| i as usize)
            .filter(|&i| members[i].key == *key);
        match (same.next(), same.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    }
}

/// Builds members from sections: one member per list entry, proxies linked.
pub fn build_members(t: &Text, sections: &[Section]) -> Vec<Member> {
    let total: usize = sections.iter().map(|s| s.entries.len()).sum();
    let mut members: Vec<Member> = Vec::with_capacity(total);
    let mut index = KeyIndex::new(total);
    for sec in sections {
        for e in &sec.entries {
            let key = name_key(t, e.name.0, e.name.1);
            if key.0.is_empty() {
                continue;
            }
            let holder = e.holder.map(|(a, b)| Holder {
                name: t.display(a, b),
                key: name_key(t, a, b),
                span: t.span(a, b),
                qualifier: qualifier_after(t, b, e.range.1),
            });
            let movement = e.movement.map(|(a, b)| t.display(a, b));
            let scope = movement.as_deref().map_or(ItemScope::Seance, scope_of);
            let status = match (sec.kind, holder.is_some() || e.proxy_tag) {
                (SectionKind::Present, _) => Status::Present,
                (_, true) => Status::Represented,
                (SectionKind::Represented, false) => Status::Represented,
                (SectionKind::Excused, false) => Status::Excused,
                (SectionKind::Absent, false) => Status::Absent,
            };
            let member = Member {
                name: t.display(e.name.0, e.name.1),
                key: key.clone(),
                status,
                proxy_holder: holder,
                movement,
                scope,
                span: t.span(e.name.0, e.name.1),
                entry_span: t.span(e.range.0, e.range.1),
                reliable: sec.reliable,
            };
            // The same person listed twice as absent / excused / represented for the same
            // items is one member ("Excusés : X" then "Pouvoirs : X à Y").
            match index.unique(&members, &key) {
                Some(i)
                    if members[i].status != Status::Present
                        && member.status != Status::Present
                        && members[i].scope == member.scope =>
                {
                    let m = &mut members[i];
                    if m.proxy_holder.is_none() && member.proxy_holder.is_some() {
                        m.proxy_holder = member.proxy_holder;
                        m.status = Status::Represented;
                    } else if member.status == Status::Represented
                        && m.status != Status::Represented
                    {
                        m.status = Status::Represented;
                    }
                    if m.movement.is_none() {
                        m.movement = member.movement;
                    }
                    m.reliable &= member.reliable;
                }
                _ => {
                    index.add(&key, members.len());
                    members.push(member);
                }
            }
            // "X (Procuration de Y)": Y is represented by X.
            if let Some((ga, gb)) = e.holds_for {
                let gkey = name_key(t, ga, gb);
                if gkey.0.is_empty() {
                    continue;
                }
                let holder = Holder {
                    name: t.display(e.name.0, e.name.1),
                    key: key.clone(),
                    span: t.span(e.name.0, e.name.1),
                    qualifier: None,
                };
                match index.unique(&members, &gkey) {
                    Some(i) if members[i].status != Status::Present => {
                        let m = &mut members[i];
                        m.status = Status::Represented;
                        if m.proxy_holder.is_none() {
                            m.proxy_holder = Some(holder);
                        }
                    }
                    Some(_) => {}
                    None => {
                        index.add(&gkey, members.len());
                        members.push(Member {
                            name: t.display(ga, gb),
                            key: gkey,
                            status: Status::Represented,
                            proxy_holder: Some(holder),
                            movement: None,
                            scope: ItemScope::Seance,
                            span: t.span(ga, gb),
                            entry_span: t.span(e.range.0, e.range.1),
                            reliable: sec.reliable,
                        })
                    }
                }
            }
        }
    }
    members
}

/// Words written right after a proxy holder's name, up to a sentence or entry end
/// ("à M. Paul GRIS, directeur général des services"), as written.
fn qualifier_after(t: &Text, b: usize, entry_end: usize) -> Option<String> {
    let s = t.lower.as_bytes();
    let lim = (b + QUALIFIER_LEN)
        .min(t.len())
        .max(entry_end.min(t.len()).min(b + QUALIFIER_LEN));
    let mut a = b;
    while a < lim && matches!(s[a], b',' | b' ' | b'-' | b'(') {
        a += 1;
    }
    let stop = s[a..lim]
        .iter()
        .position(|c| matches!(c, b'.' | b';' | b')' | b'\n'))
        .map_or(lim, |k| a + k);
    let q = t.display(a, stop);
    (!q.is_empty()).then_some(q)
}

/// How much of the text after a holder's name is kept as its qualifier (bytes).
const QUALIFIER_LEN: usize = 60;
