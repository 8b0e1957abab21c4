//! Debug dump of what the parser read: `cargo run --example debug FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let s = std::fs::read_to_string(path).expect("read");
    let t = conforme::text::Text::new(&s);
    let doc = conforme::parse::parse(&t);
    for se in &doc.seances {
        println!(
            "SEANCE {:?} body={:?} president={:?} secretary={:?}",
            se.range,
            se.body,
            se.president.as_ref().map(|p| (&p.name, &p.key)),
            se.secretary.as_ref().map(|p| &p.name)
        );
        println!(
            "  session={:?} conv={:?}",
            se.session.as_ref().map(|m| m.date),
            se.convocation.as_ref().map(|m| m.date)
        );
        for sec in &se.sections {
            println!(
                "  SECTION {:?} reliable={} {:?}",
                sec.kind,
                sec.reliable,
                t.display(sec.range.0, sec.range.1)
                    .chars()
                    .take(80)
                    .collect::<String>()
            );
            for e in &sec.entries {
                println!(
                    "     - {} | holder={:?} holds_for={:?} mv={:?}",
                    t.display(e.name.0, e.name.1),
                    e.holder.map(|h| t.display(h.0, h.1)),
                    e.holds_for.map(|h| t.display(h.0, h.1)),
                    e.movement.map(|h| t.display(h.0, h.1))
                );
            }
        }
    }
}
