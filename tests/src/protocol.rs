//! The line protocol between the driver and its worker processes.
//!
//! The driver writes one [`Job`] per line to a worker's stdin, as JSON. For each mode of the job,
//! in order, the worker writes one [`Reply`] line to its stdout: [`REPLY_TAG`] followed by the
//! JSON reply. Anything else on stdout (whatever the engine might print) is ignored. The worker
//! exits when its stdin is closed.

use serde::{Deserialize, Serialize};
use test262_harness::Negative;

use crate::metadata::Mode;
use crate::results::ModeResult;

/// Prefix of every reply line a worker writes.
pub const REPLY_TAG: &str = "@t262 ";

/// One test to run: everything the worker needs besides the file itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Job {
    /// Identifies the job in replies.
    pub id: u64,
    /// The test file, relative to the suite's `test/` directory.
    pub path: String,
    /// The modes to run, in order; the worker replies once per mode.
    pub modes: Vec<Mode>,
    /// Files of the suite's `harness/` directory to evaluate first, in order.
    pub includes: Vec<String>,
    /// The error a negative test must end with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub negative: Option<Negative>,
    /// Whether the test completes through the `print` protocol (`async` flag).
    #[serde(default, rename = "async", skip_serializing_if = "std::ops::Not::not")]
    pub is_async: bool,
}

/// The result of one mode of one job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    /// The job's id.
    pub id: u64,
    /// What happened.
    pub result: ModeResult,
}

/// Encodes a job as one line (with its newline).
pub fn encode_job(job: &Job) -> String {
    let mut line = serde_json::to_string(job).expect("a job always serialises");
    line.push('\n');
    line
}

/// Decodes a job line.
pub fn decode_job(line: &str) -> Result<Job, String> {
    serde_json::from_str(line).map_err(|e| format!("bad job line {line:?}: {e}"))
}

/// Encodes a reply as one tagged line (with its newline).
pub fn encode_reply(reply: &Reply) -> String {
    let json = serde_json::to_string(reply).expect("a reply always serialises");
    format!("{REPLY_TAG}{json}\n")
}

/// Decodes a stdout line of a worker: `None` for untagged lines, which are not replies. Text
/// before the tag (something the engine printed without a newline) is ignored.
pub fn decode_reply(line: &str) -> Option<Result<Reply, String>> {
    let json = &line[line.find(REPLY_TAG)? + REPLY_TAG.len()..];
    Some(serde_json::from_str(json).map_err(|e| format!("bad reply line {line:?}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::results::Status;
    use test262_harness::Phase;

    #[test]
    fn jobs_round_trip_through_a_line() {
        let job = Job {
            id: 42,
            path: "language/module-code/x.js".into(),
            modes: vec![Mode::Module],
            includes: vec!["assert.js".into(), "sta.js".into()],
            negative: Some(Negative {
                phase: Phase::Resolution,
                kind: Some("SyntaxError".into()),
            }),
            is_async: true,
        };
        let line = encode_job(&job);
        assert!(line.ends_with('\n'));
        assert_eq!(line.matches('\n').count(), 1);
        assert_eq!(decode_job(line.trim_end()).unwrap(), job);
    }

    #[test]
    fn replies_are_tagged_and_untagged_lines_ignored() {
        let reply = Reply {
            id: 7,
            result: ModeResult {
                mode: Mode::Strict,
                status: Status::Fail,
                reason: Some("Test262Error: \"quoted\"\nsecond line".into()),
                ms: 12,
            },
        };
        let line = encode_reply(&reply);
        assert!(line.starts_with(REPLY_TAG));
        assert_eq!(line.matches('\n').count(), 1);
        assert_eq!(decode_reply(line.trim_end()).unwrap().unwrap(), reply);
        let after_noise = format!("partial engine output{}", line.trim_end());
        assert_eq!(decode_reply(&after_noise).unwrap().unwrap(), reply);
        assert!(decode_reply("running 1 test").is_none());
        assert!(decode_reply("@t262 {broken").unwrap().is_err());
    }
}
