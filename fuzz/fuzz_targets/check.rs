//! Fuzz target: any UTF-8 input through parse + check + JSON, with every span checked.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the page's and the CLI's file readers see raw bytes
    let _ = conforme::decode::sniff(data);
    let _ = conforme::office_text::zip_text_member(data);
    let Ok(text) = std::str::from_utf8(data) else { return };
    for opts in [conforme::Options::all(), conforme::Options { population: Some(2_000), ..conforme::Options::all() }] {
        let report = conforme::check(text, &opts);
        if let Err(e) = report.spans_check(text) {
            panic!("{e}");
        }
        let _ = conforme::report::render_text("fuzz", text, &report);
        let json = report.to_json();
        assert!(json.starts_with('{'));
    }
});
