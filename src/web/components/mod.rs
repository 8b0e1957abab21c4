//! Small components: they receive data and callbacks, never reach into the engine's internals.

pub mod editor;
pub mod files;
pub mod findings;
pub mod rules;
pub mod scdl;
pub mod summary;
