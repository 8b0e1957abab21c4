//! A UTF-8 text as clerks' files have it: Windows-1252 (its "é" only) and UTF-16 little
//! endian with its mark.

/// (Windows-1252, UTF-16) bytes of `utf8`, whose only non-ASCII char is "é".
pub fn cp1252_and_utf16(utf8: &str) -> [Vec<u8>; 2] {
    let cp1252: Vec<u8> = utf8
        .chars()
        .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
        .collect();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
    [cp1252, utf16]
}
