//! The only tests that are not run: those that cannot run on this host. Everything else runs,
//! supported or not, and a test that does not pass is recorded in the expectations file.

use test262_harness::{Description, Flag};

/// The `[[CanBlock]]` value of the agent tests run in. The harness runs each test in the main
/// agent of a shell-like host, which may block (as `Atomics.wait` needs).
pub const HOST_CAN_BLOCK: bool = true;

/// Tests (path prefixes relative to `test/`) that cannot run on this machine, each with why.
/// Keep it empty unless a test truly cannot run here; a test the engine fails is not a skip.
const MACHINE_SKIPS: &[(&str, &str)] = &[];

/// Why the test at `path` with metadata `desc` is not run here, if it is not.
pub fn skip_reason(path: &str, desc: &Description) -> Option<&'static str> {
    if HOST_CAN_BLOCK && desc.flags.contains(&Flag::CanBlockIsFalse) {
        return Some("needs an agent whose [[CanBlock]] is false; this host's agent can block");
    }
    if !HOST_CAN_BLOCK && desc.flags.contains(&Flag::CanBlockIsTrue) {
        return Some("needs an agent whose [[CanBlock]] is true; this host's agent cannot block");
    }
    MACHINE_SKIPS
        .iter()
        .find(|(prefix, _)| path.starts_with(prefix))
        .map(|(_, reason)| *reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::parse_frontmatter;

    #[test]
    fn can_block_flags_follow_the_host() {
        let desc =
            |flags: &str| parse_frontmatter(&format!("/*---\nflags: [{flags}]\n---*/")).unwrap();
        let (runs, skipped) = if HOST_CAN_BLOCK {
            ("CanBlockIsTrue", "CanBlockIsFalse")
        } else {
            ("CanBlockIsFalse", "CanBlockIsTrue")
        };
        assert!(skip_reason("built-ins/Atomics/wait/x.js", &desc(runs)).is_none());
        assert!(skip_reason("built-ins/Atomics/wait/x.js", &desc(skipped)).is_some());
        assert!(skip_reason("built-ins/Array/x.js", &desc("onlyStrict")).is_none());
    }
}
