//! No input breaks Conforme: pathological inputs, random and mutated texts, and the
//! same text written with CRLF, no-break spaces or decomposed accents.

#[path = "support/pathological.rs"]
mod pathological;

use conforme::report::Report;
use conforme::text::Span;
use conforme::{check, Options};
use proptest::prelude::*;

/// Every span of a report is inside the input and on char boundaries.
fn assert_spans(input: &str, r: &Report) {
    if let Err(e) = r.spans_check(input) {
        panic!("span out of the text or off a char boundary: {e}");
    }
}

/// Runs a check on a thread with a small stack: deep inputs must not recurse.
fn check_small_stack(text: String) -> Report {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let r = check(&text, &Options::all());
            assert_spans(&text, &r);
            r
        })
        .unwrap()
        .join()
        .expect("no panic, no stack overflow")
}

#[test]
fn pathological_inputs() {
    // The sizes the robustness issue names (10 MB, 1 MB, 100 000 names …); timings are in
    // the benchmark and PERFORMANCE.md, not asserted here.
    for (name, text) in pathological::all(1.0) {
        let t = std::time::Instant::now();
        let len = text.len();
        let r = check_small_stack(text);
        eprintln!(
            "{name:<28} {len:>10} bytes {:>8.1} ms  {} extracts",
            t.elapsed().as_secs_f64() * 1e3,
            r.extracts.len()
        );
    }
}

#[test]
fn pathological_results_make_sense() {
    // 5 000 proxies to the same holder: flagged, not crashed.
    let r = check(&pathological::proxies(50), &Options::all());
    assert!(r.findings().any(|f| f.rule == "PRX-ONE-PER-HOLDER"));
    // amounts beyond i64 keep their exact value
    let r = check("un total de 99 999 999 999 999 999 999 999 999 € dont 100 000 000 000 000 000 000 000 000 €.", &Options::all());
    let a = &r.extracts[0].amounts;
    assert_eq!(a[0].cents, 99_999_999_999_999_999_999_999_999 * 100);
    assert!(
        r.findings().any(|f| f.rule == "AMT-SUM"),
        "part larger than the whole, beyond i64"
    );
    // a 10 000-digit number is not a count nor an amount
    let r = check(&pathological::huge_number(10_000), &Options::all());
    assert!(r.extracts[0].declared.present.is_none());
}

/// Lists longer than any assembly (several séances run together without their headers, or
/// words that only look like names) count nobody: no member is reported, so a report over
/// thousands of extracts does not repeat them in each, and no count is compared with them.
#[test]
fn more_names_than_any_assembly_count_nobody() {
    // distinct names in letters only: "M. Jean BAC", "Mme Anne BAD", …
    let word = |mut i: usize| {
        let mut w = String::from("B");
        for _ in 0..3 {
            w.push((b'A' + (i % 26) as u8) as char);
            i /= 26;
        }
        w
    };
    let names = |n: usize| -> String {
        (0..n)
            .map(|i| format!("M. Jean {}", word(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let doc = |n: usize| {
        format!(
            "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\nSéance du jeudi 21 mars 2024\nPrésents : {n}\nÉtaient présents : {}.\nPOUR : {n}\n",
            names(n)
        )
    };
    let many = check(&doc(450), &Options::all());
    assert!(many.extracts.iter().all(|e| e.members.is_empty()));
    assert!(
        !many
            .findings()
            .any(|f| f.severity == conforme::rules::Severity::Error),
        "{:?}",
        many.findings().map(|f| &f.message).collect::<Vec<_>>()
    );
    // the same layout at a real assembly's size is read
    let some = check(&doc(45), &Options::all());
    assert_eq!(some.extracts[0].members.len(), 45);
}

#[test]
fn variants_of_the_corpus_give_the_same_findings() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/texts");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        // make findings appear: bump the first count
        let broken = text.replacen(" 3", " 4", 1);
        for t in [&text, &broken] {
            compare_variants(t);
        }
    }
}

/// Maps offsets of `a` to offsets of `b` where `b` is `a` with some chars rewritten.
fn offset_map(a: &str, rewrite: impl Fn(char) -> Option<String>) -> (String, Vec<usize>) {
    let mut b = String::with_capacity(a.len() * 2);
    let mut map = vec![0usize; a.len() + 1];
    for (i, c) in a.char_indices() {
        map[i] = b.len();
        match rewrite(c) {
            Some(r) => b.push_str(&r),
            None => b.push(c),
        }
    }
    map[a.len()] = b.len();
    (b, map)
}

fn decompose(c: char) -> Option<String> {
    let (base, mark) = match c {
        'é' => ('e', '\u{301}'),
        'è' => ('e', '\u{300}'),
        'ê' => ('e', '\u{302}'),
        'à' => ('a', '\u{300}'),
        'ç' => ('c', '\u{327}'),
        'É' => ('E', '\u{301}'),
        'ô' => ('o', '\u{302}'),
        'î' => ('i', '\u{302}'),
        _ => return None,
    };
    Some(format!("{base}{mark}"))
}

fn compose(s: &str) -> String {
    s.replace("e\u{301}", "é")
        .replace("e\u{300}", "è")
        .replace("e\u{302}", "ê")
        .replace("a\u{300}", "à")
        .replace("c\u{327}", "ç")
        .replace("E\u{301}", "É")
        .replace("o\u{302}", "ô")
        .replace("i\u{302}", "î")
}

fn compare_variants(text: &str) {
    let opts = Options::all();
    let base = check(text, &opts);
    type Rewrite = Box<dyn Fn(char) -> Option<String>>;
    let variants: Vec<(&str, Rewrite)> = vec![
        (
            "crlf",
            Box::new(|c| (c == '\n').then(|| "\r\n".to_string())),
        ),
        (
            "nbsp",
            Box::new(|c| (c == ' ').then(|| "\u{a0}".to_string())),
        ),
        ("decomposed", Box::new(decompose)),
    ];
    for (name, rw) in variants {
        let (other, map) = offset_map(text, rw);
        let r = check(&other, &opts);
        assert_spans(&other, &r);
        let a: Vec<_> = base.findings().collect();
        let b: Vec<_> = r.findings().collect();
        assert_eq!(a.len(), b.len(), "{name}: number of findings");
        for (fa, fb) in a.iter().zip(&b) {
            assert_eq!((fa.rule, fa.severity), (fb.rule, fb.severity), "{name}");
            assert_eq!(fa.message, compose(&fb.message), "{name}: message");
            let mapped: Vec<Span> = fa
                .spans
                .iter()
                .map(|s| Span::new(map[s.start], map[s.end]))
                .collect();
            // a span ending on a decomposed letter covers its combining mark
            let got: Vec<Span> = fb.spans.clone();
            for (m, g) in mapped.iter().zip(&got) {
                assert_eq!(m.start, g.start, "{name}: span start of {}", fa.rule);
                assert!(
                    g.end == m.end || (name == "decomposed" && g.end > m.end),
                    "{name}: span end of {}",
                    fa.rule
                );
            }
        }
    }
}

/// Pieces that look like extracts, to reach deep into the parser.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Présents : ".to_string()),
        Just("Nombre de membres en exercice : ".to_string()),
        Just("Pouvoirs : ".to_string()),
        Just("Absents excusés : ".to_string()),
        Just(" a donné pouvoir à ".to_string()),
        Just("(pouvoir à ".to_string()),
        Just(")".to_string()),
        Just("(".to_string()),
        Just("M. Jean DUPONT".to_string()),
        Just("Mme Anne MARTIN".to_string()),
        Just(", ".to_string()),
        Just(" ; ".to_string()),
        Just("\n".to_string()),
        Just("\t".to_string()),
        Just("POUR : ".to_string()),
        Just("CONTRE : ".to_string()),
        Just("à l'unanimité".to_string()),
        Just(" € dont ".to_string()),
        Just(" €".to_string()),
        Just("Séance du jeudi 21 mars 2024".to_string()),
        Just("Date de convocation : 15 mars 2024".to_string()),
        Just("L'an deux mille vingt-quatre, le vingt et un mars".to_string()),
        Just("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS".to_string()),
        Just("TOTAUX ".to_string()),
        Just(" % ".to_string()),
        (0u64..100_000).prop_map(|n| n.to_string()),
        (0u32..40).prop_map(|n| format!("{n} ")),
        "\\PC{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 400,
        failure_persistence: Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct("tests/proptest-regressions/robustness.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn never_panics_on_any_string(s in "\\PC*") {
        let r = check(&s, &Options::all());
        assert_spans(&s, &r);
    }

    #[test]
    fn never_panics_on_extract_like_text(parts in proptest::collection::vec(piece(), 0..60)) {
        let s: String = parts.concat();
        let r = check(&s, &Options::all());
        assert_spans(&s, &r);
        // the same text gives the same report
        prop_assert_eq!(r.to_json(), check(&s, &Options::all()).to_json());
        // the open-data export of whatever was read: one row per extract
        let opts = conforme::scdl::ScdlOptions { matiere: Some("7.5".into()), ..Default::default() };
        let rows = conforme::scdl::rows(&r, &opts);
        prop_assert_eq!(rows.len(), r.extracts.len());
        prop_assert!(conforme::scdl::csv(&rows).matches("\r\n").count() > rows.len());
        let _ = conforme::scdl::missing(&rows);
    }

    /// Files' bytes: recognised or refused, and an archive's directory read, never a panic.
    #[test]
    fn any_bytes_are_sniffed_and_unzipped_safely(b in proptest::collection::vec(any::<u8>(), 0..400), pk in any::<bool>()) {
        let mut bytes = b;
        if pk {
            // look like an archive: a local header up front, an end record at the back
            bytes.splice(0..0, *b"PK\x03\x04");
            bytes.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00\x2e\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        }
        let _ = conforme::decode::sniff(&bytes);
        let _ = conforme::office_text::zip_text_member(&bytes);
        let _ = conforme::office::text(&bytes);
    }

    #[test]
    fn mutated_reference_stays_sound(cut in 0usize..5600, len in 0usize..40, insert in "\\PC{0,8}") {
        let reference = include_str!("../www/examples/reference.txt");
        let mut a = cut.min(reference.len());
        while !reference.is_char_boundary(a) { a -= 1; }
        let mut b = (a + len).min(reference.len());
        while !reference.is_char_boundary(b) { b -= 1; }
        let s = format!("{}{}{}", &reference[..a], insert, &reference[b..]);
        let r = check(&s, &Options::all());
        assert_spans(&s, &r);
        prop_assert_eq!(r.to_json(), check(&s, &Options::all()).to_json());
    }

    #[test]
    fn variants_of_mutated_extracts(n in 0u32..60, which in 0usize..6) {
        let reference = include_str!("../www/examples/reference.txt");
        let targets = ["POUR : 35", "CONTRE : 0", ": 34", ": 43", "200 000 €", "15 mars"];
        let replacement = match which { 4 => format!("{} 000 €", n * 10), 5 => format!("{} mars", 1 + n % 28), _ => targets[which].replace(|c: char| c.is_ascii_digit(), "").trim_end().to_string() + &format!(" {n}") };
        let s = reference.replacen(targets[which], &replacement, 1);
        compare_variants(&s);
    }
}
