//! Prints what the parser read from a text: the document's kind, each séance's dates with
//! their roles, counts with their certainty, lists, members and items (a debugging aid:
//! `cargo run --example debug -- FILE`).

use conforme::model::*;

fn basis(b: &Basis) -> String {
    match &b.doubt {
        Some(d) => format!("{} ({d})", b.certainty.code()),
        None => b.certainty.code().to_string(),
    }
}

fn count(name: &str, c: &Option<DeclaredCount>) {
    if let Some(c) = c {
        println!("    {name}: {} [{}]", c.value, basis(&c.basis()));
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: debug FILE");
    let s = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let t = conforme::text::Text::new(&s);
    let doc = conforme::parse::parse(&t);
    println!("document: {:?} {:?}", doc.info.kind, doc.info.seen);
    for se in &doc.seances {
        println!("séance {:?} body {:?} {:?}", se.span, se.body, se.body_name);
        for m in &se.dates {
            println!(
                "  date {:?} {:?} role {:?} wd {:?} opening {} [{}] «{}»",
                m.date.map(|d| d.iso()),
                m.raw,
                m.role,
                m.weekday.map(|w| w.0),
                m.opening,
                basis(&m.basis),
                &s[m.span.start..m.span.end]
            );
        }
        if let Some(d) = &se.session {
            println!("  SESSION {} [{}]", d.date.iso(), basis(&d.basis));
        }
        if let Some(d) = &se.convocation {
            println!("  CONVOCATION {} [{}]", d.date.iso(), basis(&d.basis));
        }
        println!("  declared:");
        let d = &se.declared;
        for (n, c) in [
            ("seats", &d.seats),
            ("in_office", &d.in_office),
            ("present", &d.present),
            ("proxies", &d.proxies),
            ("absent", &d.absent),
            ("excused", &d.excused),
            ("voters", &d.voters),
            ("quorum", &d.quorum),
        ] {
            count(n, c);
        }
        for l in &se.lists {
            println!(
                "  list {:?} entries {} reliable {} trailing {:?}",
                l.kind, l.entries, l.reliable, l.trailing_count
            );
        }
        for m in &se.members {
            println!(
                "    {:?} {} -> {:?} {:?} {:?}",
                m.status,
                m.name,
                m.proxy_holder.as_ref().map(|h| &h.name),
                m.movement,
                m.scope
            );
        }
        if let Some(p) = &se.president {
            println!("  president {}", p.name);
        }
        if let Some(p) = &se.secretary {
            println!("  secretary {}", p.name);
        }
        println!(
            "  movements {} moved {:?}",
            se.movements.len(),
            se.moved_names.len()
        );
        for (k, it) in se.items.iter().enumerate() {
            let a = conforme::tally::Attendance::of(se, k);
            println!(
                "  ITEM {k} {:?} n={:?} ord={:?} obj={:?} [{}]",
                it.span,
                it.number,
                it.ordinal,
                it.object
                    .as_deref()
                    .map(|o| o.chars().take(60).collect::<String>()),
                basis(&it.basis)
            );
            if let Some(l) = &a.listed {
                println!(
                    "    listed P {:?} R {} A {} unc {} scoped {}",
                    l.present, l.represented, l.away, l.uncertain, l.scoped
                );
            }
            for v in &it.votes {
                println!(
                    "    vote pour {:?} contre {:?} abst {:?} nppv {:?} unan {} adopted {:?} [{}] «{}»",
                    Vote::value(&v.pour),
                    Vote::value(&v.contre),
                    Vote::value(&v.abstention),
                    Vote::value(&v.not_voting),
                    v.unanimous.is_some(),
                    v.adopted.map(|a| a.0),
                    basis(&v.basis),
                    s[v.span.start..v.span.end].chars().take(80).collect::<String>()
                );
            }
            for a in &it.amounts {
                println!(
                    "    amount {} «{}» parent {:?} [{}]",
                    a.cents,
                    a.text,
                    a.parent,
                    basis(&a.basis)
                );
            }
        }
    }
    let r = conforme::check(&s, &conforme::Options::all());
    for e in &r.extracts {
        for f in &e.findings {
            println!("FINDING {:?} {} {}", f.severity, f.rule, f.message);
        }
    }
}
