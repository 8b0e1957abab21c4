//! The séance's members, built from its lists: one member per list entry, proxies linked,
//! the same absent person listed twice merged, each status with the items it holds for.

use super::names::name_key;
use super::scope::scope_of;
use super::{Section, SectionKind};
use crate::model::{Holder, ItemScope, KeyIndex, Member, Status};
use crate::text::Text;

/// Builds members from sections: one member per list entry, proxies linked.
pub fn build_members(t: &Text, sections: &[Section]) -> Vec<Member> {
    let total: usize = sections.iter().map(|s| s.entries.len()).sum();
    let mut members: Vec<Member> = Vec::with_capacity(total);
    let mut index = KeyIndex::new(total);
    for sec in sections {
        for e in &sec.entries {
            let key = name_key(t, e.name.0, e.name.1);
            if key.is_empty() {
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
                key,
                status,
                proxy_holder: holder,
                substitute_for: e.substitutes.and_then(|(a, b)| {
                    let key = name_key(t, a, b);
                    (!key.is_empty()).then(|| Holder {
                        name: t.display(a, b),
                        key,
                        span: t.span(a, b),
                        qualifier: None,
                    })
                }),
                movement,
                scope,
                span: t.span(e.name.0, e.name.1),
                entry_span: t.span(e.range.0, e.range.1),
                reliable: sec.reliable,
            };
            // The same person listed twice as absent / excused / represented for the same
            // items is one member ("Excusés : X" then "Pouvoirs : X à Y").
            match index.one(&member.key, |i| &members[i].key) {
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
                    index.add(&member.key, members.len());
                    members.push(member);
                }
            }
            // "X (Procuration de Y)": Y is represented by X.
            if let Some((ga, gb)) = e.holds_for {
                let gkey = name_key(t, ga, gb);
                if gkey.is_empty() {
                    continue;
                }
                let holder = Holder {
                    name: t.display(e.name.0, e.name.1),
                    // read again: the entry's key went into its member
                    key: name_key(t, e.name.0, e.name.1),
                    span: t.span(e.name.0, e.name.1),
                    qualifier: None,
                };
                match index.one(&gkey, |i| &members[i].key) {
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
                            substitute_for: None,
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
    // only a lower-case word right after the name qualifies it (", directeur général …")
    let mut q = b;
    while q < s.len() && matches!(s[q], b',' | b' ' | b'-' | b'(') {
        q += 1;
    }
    if !(q < s.len() && t.norm.as_bytes()[q].is_ascii_lowercase()) {
        return None;
    }
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
