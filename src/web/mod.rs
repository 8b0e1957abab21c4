//! Web shell (wasm32 only).
