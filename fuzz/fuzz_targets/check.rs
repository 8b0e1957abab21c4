//! Fuzz target: any UTF-8 input through parse + check + JSON, with every span checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for opts in [conforme::Options::all(), conforme::Options { population: Some(2_000), ..conforme::Options::all() }] {
        let report = conforme::check(text, &opts);
        let ok = |s: &conforme::text::Span| s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end);
        for e in &report.extracts {
            assert!(ok(&e.span));
            for f in &e.findings {
                assert!(f.spans.iter().all(ok), "{}", f.rule);
            }
            assert!(e.members.iter().all(|m| ok(&m.span)));
            assert!(e.votes.iter().all(|v| ok(&v.span)));
            assert!(e.amounts.iter().all(|a| ok(&a.span)));
        }
        let _ = conforme::report::render_text("fuzz", text, &report);
        let json = report.to_json();
        assert!(json.starts_with('{'));
    }
});
