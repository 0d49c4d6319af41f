//! What a session is asked to be (DESIGN §4 "Sessions"), and the checks a
//! request passes before anything is created: pure functions, no I/O. Every
//! problem is reported at once, each with a stable code.

use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

const MIB: u64 = 1024 * 1024;

/// Fewest CPUs a session may ask for.
pub const MIN_CPUS: f64 = 0.1;

/// Least memory a session may ask for.
pub const MIN_MEMORY_BYTES: u64 = 64 * MIB;

/// Shared memory when the user does not say (Docker's own default).
pub const DEFAULT_SHM_BYTES: u64 = 64 * MIB;

/// Longest and shortest session names (DESIGN's pattern allows 4 to 64).
pub const MAX_SESSION_NAME_LEN: usize = 64;
pub const MIN_SESSION_NAME_LEN: usize = 4;

/// Whether the session keeps running or runs one command to its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SessionType {
    /// Keeps running until terminated; used through a terminal.
    #[default]
    Interactive,
    /// Runs its startup command and ends with its exit code.
    Batch,
}

/// A session as requested, before validation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SessionSpec {
    /// Generated when absent or empty.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(rename = "type")]
    #[ts(rename = "type")]
    pub session_type: SessionType,
    /// A Docker image reference, e.g. `python:3.12` or
    /// `registry.example.com:5000/team/image@sha256:…`.
    pub image: String,
    /// Startup command; required for batch sessions.
    #[serde(default)]
    pub command: Option<String>,
    pub cpus: f64,
    #[ts(type = "number")]
    pub memory_bytes: u64,
    #[ts(type = "number")]
    pub shm_bytes: u64,
    /// Environment variables, in order.
    #[serde(default)]
    pub env: Vec<(String, String)>,
    /// Container ports to publish (on random host ports).
    #[serde(default)]
    pub ports: Vec<u16>,
    /// GPUs to attach; needs an NVIDIA runtime on the engine.
    #[serde(default)]
    pub gpus: u32,
}

/// What the engine can give a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EngineLimits {
    pub cpus: u32,
    #[ts(type = "number")]
    pub memory_bytes: u64,
    pub nvidia_runtime: bool,
}

/// A spec that passed [`validate`], with its name resolved.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidSpec {
    spec: SessionSpec,
}

impl ValidSpec {
    /// The session's name, given or generated.
    pub fn name(&self) -> &str {
        self.spec.name.as_deref().unwrap_or_default()
    }

    /// The validated spec; its `name` is always set.
    pub fn spec(&self) -> &SessionSpec {
        &self.spec
    }

    /// The validated spec, owned.
    pub fn into_spec(self) -> SessionSpec {
        self.spec
    }

    /// CPUs in the engine's unit (10⁻⁹ CPU).
    pub fn nano_cpus(&self) -> i64 {
        (self.spec.cpus * 1e9).round() as i64
    }
}

/// The stable code of a [`SpecError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SpecErrorCode {
    InvalidSessionName,
    InvalidImage,
    CommandRequired,
    CpusOutOfRange,
    MemoryOutOfRange,
    ShmOutOfRange,
    InvalidEnv,
    InvalidPort,
    GpusUnavailable,
}

impl SpecErrorCode {
    /// The code as text, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            SpecErrorCode::InvalidSessionName => "invalid_session_name",
            SpecErrorCode::InvalidImage => "invalid_image",
            SpecErrorCode::CommandRequired => "command_required",
            SpecErrorCode::CpusOutOfRange => "cpus_out_of_range",
            SpecErrorCode::MemoryOutOfRange => "memory_out_of_range",
            SpecErrorCode::ShmOutOfRange => "shm_out_of_range",
            SpecErrorCode::InvalidEnv => "invalid_env",
            SpecErrorCode::InvalidPort => "invalid_port",
            SpecErrorCode::GpusUnavailable => "gpus_unavailable",
        }
    }
}

/// Why a spec is refused. Serialised as `{code, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SpecError {
    code: SpecErrorCode,
    message: String,
}

impl SpecError {
    fn new(code: SpecErrorCode, message: String) -> Self {
        SpecError { code, message }
    }

    /// The stable, machine-readable code.
    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }

    /// The code as a value to match on.
    pub fn kind(&self) -> SpecErrorCode {
        self.code
    }

    /// What is wrong, for a person.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SpecError {}

/// Checks `spec` against the rules and the engine's `limits`, generating a
/// name when none is given.
pub fn validate(spec: &SessionSpec, limits: &EngineLimits) -> Result<ValidSpec, Vec<SpecError>> {
    let seed = uuid::Uuid::new_v4().as_u64_pair().0;
    validate_seeded(spec, limits, seed)
}

/// [`validate`], with the seed of a generated name given.
pub fn validate_seeded(
    spec: &SessionSpec,
    limits: &EngineLimits,
    name_seed: u64,
) -> Result<ValidSpec, Vec<SpecError>> {
    use SpecErrorCode::*;
    let mut errors = Vec::new();
    let mut fail = |code, message| errors.push(SpecError::new(code, message));

    let name = match spec.name.as_deref() {
        None | Some("") => generate_name(name_seed),
        Some(name) => {
            if let Err(reason) = check_session_name(name) {
                fail(
                    InvalidSessionName,
                    format!("invalid session name {name:?}: {reason}"),
                );
            }
            name.to_owned()
        }
    };

    if let Err(reason) = check_image_reference(&spec.image) {
        fail(
            InvalidImage,
            format!("invalid image reference {:?}: {reason}", spec.image),
        );
    }

    let has_command = spec
        .command
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    if spec.session_type == SessionType::Batch && !has_command {
        fail(
            CommandRequired,
            "a batch session needs a startup command".to_owned(),
        );
    }

    let max_cpus = f64::from(limits.cpus);
    // Written so that NaN fails too.
    if !(spec.cpus >= MIN_CPUS && spec.cpus <= max_cpus) {
        fail(
            CpusOutOfRange,
            format!(
                "{} CPUs asked; the engine allows {MIN_CPUS} to {}",
                spec.cpus, limits.cpus
            ),
        );
    }

    if !(MIN_MEMORY_BYTES..=limits.memory_bytes).contains(&spec.memory_bytes) {
        fail(
            MemoryOutOfRange,
            format!(
                "{} of memory asked; the engine allows {} to {}",
                format_size(spec.memory_bytes),
                format_size(MIN_MEMORY_BYTES),
                format_size(limits.memory_bytes)
            ),
        );
    }

    // Zero would mean "Docker's default" to the engine; say it instead.
    if spec.shm_bytes == 0 || spec.shm_bytes > spec.memory_bytes {
        fail(
            ShmOutOfRange,
            format!(
                "{} of shared memory asked; it must be more than 0 and at most the session's memory ({})",
                format_size(spec.shm_bytes),
                format_size(spec.memory_bytes)
            ),
        );
    }

    let mut keys: Vec<&str> = Vec::new();
    for (key, value) in &spec.env {
        if !is_env_key(key) {
            fail(
                InvalidEnv,
                format!(
                    "invalid environment variable name {key:?}: use letters, digits and '_', not starting with a digit"
                ),
            );
        } else if keys.contains(&key.as_str()) {
            fail(
                InvalidEnv,
                format!("environment variable {key} is set twice"),
            );
        } else if value.contains('\0') {
            fail(
                InvalidEnv,
                format!("environment variable {key} contains a NUL character"),
            );
        }
        keys.push(key);
    }

    let mut seen: Vec<u16> = Vec::new();
    for &port in &spec.ports {
        if port == 0 {
            fail(InvalidPort, "port 0 cannot be published".to_owned());
        } else if seen.contains(&port) {
            fail(InvalidPort, format!("port {port} is listed twice"));
        }
        seen.push(port);
    }

    if spec.gpus > 0 && !limits.nvidia_runtime {
        fail(
            GpusUnavailable,
            format!(
                "{} GPU(s) asked, but the engine has no NVIDIA runtime",
                spec.gpus
            ),
        );
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let mut spec = spec.clone();
    spec.name = Some(name);
    Ok(ValidSpec { spec })
}

/// Checks a session name against
/// `^[a-zA-Z0-9][a-zA-Z0-9._-]{2,62}[a-zA-Z0-9]$`; the error says why not.
pub fn check_session_name(name: &str) -> Result<(), String> {
    let len = name.len();
    if !(MIN_SESSION_NAME_LEN..=MAX_SESSION_NAME_LEN).contains(&len) {
        return Err(format!(
            "use {MIN_SESSION_NAME_LEN} to {MAX_SESSION_NAME_LEN} characters"
        ));
    }
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
    {
        return Err(format!(
            "{bad:?} is not allowed; use letters, digits, '.', '_' and '-'"
        ));
    }
    let bytes = name.as_bytes();
    if !bytes[0].is_ascii_alphanumeric() || !bytes[len - 1].is_ascii_alphanumeric() {
        return Err("must start and end with a letter or a digit".to_owned());
    }
    Ok(())
}

const ADJECTIVES: &[&str] = &[
    "amber", "brave", "brisk", "calm", "clever", "cosy", "eager", "fair", "gentle", "glad",
    "happy", "jolly", "keen", "kind", "lively", "lucky", "merry", "nimble", "proud", "quick",
    "quiet", "rapid", "shy", "silver", "steady", "sunny", "swift", "tidy", "vivid", "warm", "wise",
    "witty",
];

const NOUNS: &[&str] = &[
    "badger", "beacon", "birch", "brook", "canyon", "cedar", "comet", "dune", "falcon", "fern",
    "fjord", "glacier", "harbor", "heron", "island", "lagoon", "maple", "meadow", "otter",
    "pebble", "pine", "quartz", "raven", "reef", "river", "sparrow", "summit", "thistle", "tundra",
    "valley", "willow", "wren",
];

/// A session name such as `brisk-otter-3fa2`, the same for the same seed.
pub fn generate_name(seed: u64) -> String {
    let mut state = seed;
    let adjective = ADJECTIVES[(splitmix64(&mut state) % ADJECTIVES.len() as u64) as usize];
    let noun = NOUNS[(splitmix64(&mut state) % NOUNS.len() as u64) as usize];
    let suffix = splitmix64(&mut state) & 0xffff;
    format!("{adjective}-{noun}-{suffix:04x}")
}

/// One step of SplitMix64: a small, well-mixed generator, enough to spread
/// seeds over the word lists.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn is_env_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Longest repository name, domain included, that Docker accepts.
const MAX_IMAGE_NAME_LEN: usize = 255;

/// Checks an image reference with Docker's grammar
/// (`[domain[:port]/]path[:tag][@digest]`); the error says what is wrong.
pub fn check_image_reference(reference: &str) -> Result<(), String> {
    if reference.is_empty() {
        return Err("an image is required".to_owned());
    }
    if reference.chars().any(char::is_whitespace) {
        return Err("contains whitespace".to_owned());
    }
    let (name_tag, digest) = match reference.split_once('@') {
        Some((name_tag, digest)) => (name_tag, Some(digest)),
        None => (reference, None),
    };
    // A tag's ':' comes after the last '/'; an earlier one is a port.
    let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_tag[last_slash..].rfind(':') {
        Some(i) => (
            &name_tag[..last_slash + i],
            Some(&name_tag[last_slash + i + 1..]),
        ),
        None => (name_tag, None),
    };
    if name.is_empty() {
        return Err("the repository name is missing".to_owned());
    }
    if name.len() > MAX_IMAGE_NAME_LEN {
        return Err(format!(
            "the repository name is longer than {MAX_IMAGE_NAME_LEN} characters"
        ));
    }
    let path = match name.split_once('/') {
        // Docker's rule: the first component names a registry when it has a
        // '.' or a ':', is `localhost`, or has uppercase letters.
        Some((first, rest))
            if first.contains(['.', ':'])
                || first == "localhost"
                || first.chars().any(|c| c.is_ascii_uppercase()) =>
        {
            check_domain(first)?;
            rest
        }
        _ => name,
    };
    for component in path.split('/') {
        check_path_component(component)?;
    }
    if let Some(tag) = tag {
        check_tag(tag)?;
    }
    if let Some(digest) = digest {
        check_digest(digest)?;
    }
    Ok(())
}

fn check_domain(domain: &str) -> Result<(), String> {
    let valid_label = |label: &str| {
        !label.is_empty()
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let (host_ok, after_host) = match domain.strip_prefix('[') {
        // An IPv6 address in brackets.
        Some(rest) => match rest.split_once(']') {
            Some((address, after)) => (
                !address.is_empty() && address.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
                after,
            ),
            None => (false, ""),
        },
        None => {
            let end = domain.find(':').unwrap_or(domain.len());
            (domain[..end].split('.').all(valid_label), &domain[end..])
        }
    };
    let port_ok = after_host.is_empty()
        || after_host
            .strip_prefix(':')
            .is_some_and(|port| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()));
    if host_ok && port_ok {
        Ok(())
    } else {
        Err(format!("invalid registry {domain:?}"))
    }
}

/// `[a-z0-9]+` joined by `.`, `_`, `__` or runs of `-`.
fn check_path_component(component: &str) -> Result<(), String> {
    if component.is_empty() {
        return Err("empty path component in the repository name".to_owned());
    }
    if component.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("repository name {component:?} must be lowercase"));
    }
    let bad = || {
        Err(format!(
            "invalid repository name {component:?}: use lowercase letters and digits, separated by '.', '_', '__' or '-'"
        ))
    };
    let bytes = component.as_bytes();
    if !bytes[0].is_ascii_alphanumeric() || !bytes[bytes.len() - 1].is_ascii_alphanumeric() {
        return bad();
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let separator = &component[start..i];
        let allowed = matches!(separator, "." | "_" | "__") || separator.bytes().all(|b| b == b'-');
        if !allowed {
            return bad();
        }
    }
    Ok(())
}

/// `[\w][\w.-]{0,127}`.
fn check_tag(tag: &str) -> Result<(), String> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut chars = tag.chars();
    let valid = tag.len() <= 128
        && chars.next().is_some_and(word)
        && chars.all(|c| word(c) || c == '.' || c == '-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "invalid tag {tag:?}: up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'"
        ))
    }
}

/// `algorithm:hex`, with `sha256` digests exactly 64 lowercase hex digits.
fn check_digest(digest: &str) -> Result<(), String> {
    let bad = |why: &str| Err(format!("invalid digest {digest:?}: {why}"));
    let Some((algorithm, hex)) = digest.split_once(':') else {
        return bad("expected algorithm:hex, e.g. sha256:…");
    };
    let algorithm_ok = algorithm.split(['+', '.', '_', '-']).all(|part| {
        let mut chars = part.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric())
    });
    if !algorithm_ok {
        return bad("the algorithm is malformed");
    }
    if algorithm == "sha256" {
        if hex.len() != 64 || !hex.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')) {
            return bad("a sha256 digest is 64 lowercase hex digits");
        }
    } else if hex.len() < 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return bad("the digest is at least 32 hex digits");
    }
    Ok(())
}

/// Why a size could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSizeError {
    input: String,
    reason: &'static str,
}

impl ParseSizeError {
    /// The stable code, for callers that report it.
    pub fn code(&self) -> &'static str {
        "invalid_size"
    }
}

impl fmt::Display for ParseSizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid size {:?}: {}; write e.g. 512m, 4GiB, 1.5g or 1073741824 (bytes)",
            self.input, self.reason
        )
    }
}

impl std::error::Error for ParseSizeError {}

/// Reads a size as the CLI takes it: a number, optionally with a fraction,
/// then an optional unit `b`, `k`, `m`, `g` or `t` (any case, optionally
/// followed by `b` or `ib`). Units are binary, as in Docker's `--memory`:
/// `1g`, `1gb` and `1GiB` all mean 2³⁰ bytes. Fractions of a byte are
/// dropped.
pub fn parse_size(input: &str) -> Result<u64, ParseSizeError> {
    let error = |reason| ParseSizeError {
        input: input.to_owned(),
        reason,
    };
    let text = input.trim();
    let number_end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(number_end);
    let unit = unit.trim_start().to_ascii_lowercase();
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() {
        return Err(error("a number is required"));
    }
    if number.matches('.').count() > 1 {
        return Err(error("more than one decimal point"));
    }
    let shift = match unit.as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(error("unknown unit; use b, k, m, g or t")),
    };
    let too_large = || error("too large");
    let whole: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| too_large())?
    };
    let mut bytes = whole.checked_mul(1 << shift).ok_or_else(too_large)?;
    // Digits beyond 2^40's precision cannot change the result.
    let fraction = &fraction[..fraction.len().min(18)];
    if !fraction.is_empty() {
        let numerator: u128 = fraction.parse().map_err(|_| too_large())?;
        let denominator = 10u128.pow(fraction.len() as u32);
        bytes += (numerator << shift) / denominator;
    }
    u64::try_from(bytes).map_err(|_| too_large())
}

/// A size for messages: `512 MiB`, `1.5 GiB`, `100 bytes`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: &[&str] = &["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{value:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GIB: u64 = 1024 * MIB;

    fn limits() -> EngineLimits {
        EngineLimits {
            cpus: 4,
            memory_bytes: 8 * GIB,
            nvidia_runtime: false,
        }
    }

    fn spec() -> SessionSpec {
        SessionSpec {
            name: Some("ml-test".to_owned()),
            session_type: SessionType::Interactive,
            image: "python:3.12-slim".to_owned(),
            command: None,
            cpus: 1.0,
            memory_bytes: 2 * GIB,
            shm_bytes: DEFAULT_SHM_BYTES,
            env: vec![("PYTHONPATH".to_owned(), "/home/work".to_owned())],
            ports: vec![8888],
            gpus: 0,
        }
    }

    fn codes_of(spec: &SessionSpec) -> Vec<&'static str> {
        match validate_seeded(spec, &limits(), 1) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(SpecError::code).collect(),
        }
    }

    fn only_code(spec: &SessionSpec, code: &str) -> SpecError {
        let errors = validate_seeded(spec, &limits(), 1).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].code(), code, "{}", errors[0]);
        errors.into_iter().next().unwrap()
    }

    #[test]
    fn a_good_spec_passes_unchanged() {
        let valid = validate(&spec(), &limits()).unwrap();
        assert_eq!(valid.name(), "ml-test");
        assert_eq!(valid.spec(), &spec());
        assert_eq!(valid.nano_cpus(), 1_000_000_000);
        assert_eq!(valid.into_spec(), spec());
    }

    #[test]
    fn a_missing_name_is_generated_from_the_seed() {
        for name in [None, Some(String::new())] {
            let mut s = spec();
            s.name = name;
            let valid = validate_seeded(&s, &limits(), 42).unwrap();
            assert_eq!(valid.name(), generate_name(42));
            assert_eq!(valid.spec().name.as_deref(), Some(valid.name()));
        }
        let mut s = spec();
        s.name = None;
        assert!(check_session_name(validate(&s, &limits()).unwrap().name()).is_ok());
    }

    #[test]
    fn generated_names_are_valid_and_deterministic() {
        assert_eq!(generate_name(7), generate_name(7));
        let names: std::collections::HashSet<_> = (0..2000).map(generate_name).collect();
        assert!(names.len() > 1990, "{} distinct", names.len());
        for name in &names {
            assert_eq!(check_session_name(name), Ok(()), "{name}");
            let parts: Vec<_> = name.split('-').collect();
            assert_eq!(parts.len(), 3, "{name}");
            assert!(ADJECTIVES.contains(&parts[0]) && NOUNS.contains(&parts[1]));
            assert_eq!(parts[2].len(), 4);
            assert!(parts[2].chars().all(|c| c.is_ascii_hexdigit()));
        }
        for word in ADJECTIVES.iter().chain(NOUNS) {
            assert!(word.chars().all(|c| c.is_ascii_lowercase()), "{word}");
        }
    }

    #[test]
    fn session_names_follow_the_pattern() {
        for name in ["abcd", "ML.test_1-x", "a--b", "1a2b", &"x".repeat(64)] {
            assert_eq!(check_session_name(name), Ok(()), "{name}");
        }
        for name in [
            "abc",
            "-abc",
            "abc-",
            ".abcd",
            "abcd_",
            "ab cd",
            "ab/cd",
            "naïve",
            &"x".repeat(65),
        ] {
            let mut s = spec();
            s.name = Some(name.to_owned());
            let error = only_code(&s, "invalid_session_name");
            assert!(error.message().contains(name), "{}", error.message());
        }
    }

    #[test]
    fn image_references_follow_dockers_grammar() {
        for image in [
            "busybox",
            "berth-test:latest",
            "python:3.12-slim",
            "library/ubuntu:24.04",
            "ghcr.io/owner/repo:v1.2.3",
            "localhost/x",
            "localhost:5000/team/app:TAG_1",
            "registry.example.com:5000/a/b/c",
            "Registry.Example.com/app",
            "[::1]:5000/app",
            "[fe80::1]/app",
            "a__b/c.d/e---f",
            "ubuntu@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "ubuntu:24.04@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "x@sha512:0123456789abcdef0123456789abcdef",
        ] {
            assert_eq!(check_image_reference(image), Ok(()), "{image}");
        }
        for (image, why) in [
            ("", "required"),
            (" ", "whitespace"),
            ("python 3", "whitespace"),
            ("python:3\n", "whitespace"),
            ("Ubuntu", "lowercase"),
            ("library/Ubuntu", "lowercase"),
            ("ghcr.io/Owner/repo", "lowercase"),
            ("ubuntu:", "tag"),
            ("ubuntu:-x", "tag"),
            ("ubuntu:.x", "tag"),
            ("ubuntu:a/b", "registry"),
            (&format!("ubuntu:{}", "t".repeat(129)), "tag"),
            ("ubuntu@", "digest"),
            ("ubuntu@sha256:abc", "digest"),
            (
                "ubuntu@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
                "digest",
            ),
            ("ubuntu@1sha:0123456789abcdef0123456789abcdef", "digest"),
            ("ubuntu@md5", "digest"),
            (
                "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "missing",
            ),
            (":latest", "missing"),
            ("a//b", "empty"),
            ("/a", "empty"),
            ("a/", "empty"),
            ("-a", "repository"),
            ("a_", "repository"),
            ("a___b", "repository"),
            ("a._b", "repository"),
            ("a+b", "repository"),
            ("exa_mple.com/app", "registry"),
            ("-bad.com/app", "registry"),
            ("host.com:port/app", "registry"),
            ("host.com:/app", "registry"),
            ("[::1/app", "registry"),
            ("[zz]/app", "repository"),
            ("[zz:1]/app", "registry"),
            (&"a".repeat(256), "255"),
        ] {
            let mut s = spec();
            s.image = image.to_owned();
            let error = only_code(&s, "invalid_image");
            assert!(
                error.message().contains(why),
                "{image:?}: {}",
                error.message()
            );
        }
    }

    #[test]
    fn batch_sessions_need_a_command() {
        let mut s = spec();
        s.session_type = SessionType::Batch;
        only_code(&s, "command_required");
        s.command = Some("   ".to_owned());
        only_code(&s, "command_required");
        s.command = Some("python train.py".to_owned());
        assert!(codes_of(&s).is_empty());
        // An interactive session may have one too.
        let mut s = spec();
        s.command = Some("sleep infinity".to_owned());
        assert!(codes_of(&s).is_empty());
    }

    #[test]
    fn cpus_range_from_a_tenth_to_the_engines_count() {
        for cpus in [0.1, 0.5, 4.0] {
            let mut s = spec();
            s.cpus = cpus;
            assert!(codes_of(&s).is_empty(), "{cpus}");
        }
        for cpus in [0.0, 0.09, -1.0, 4.01, f64::NAN, f64::INFINITY] {
            let mut s = spec();
            s.cpus = cpus;
            let error = only_code(&s, "cpus_out_of_range");
            assert!(error.message().contains("0.1 to 4"), "{}", error.message());
        }
        let mut s = spec();
        s.cpus = 0.25;
        assert_eq!(
            validate_seeded(&s, &limits(), 1).unwrap().nano_cpus(),
            250_000_000
        );
    }

    #[test]
    fn memory_ranges_from_64_mib_to_the_engines_total() {
        for memory in [64 * MIB, 8 * GIB] {
            let mut s = spec();
            s.memory_bytes = memory;
            assert!(codes_of(&s).is_empty(), "{memory}");
        }
        let mut s = spec();
        s.shm_bytes = MIB;
        s.memory_bytes = 64 * MIB - 1;
        let error = only_code(&s, "memory_out_of_range");
        assert!(
            error.message().contains("64 MiB to 8 GiB"),
            "{}",
            error.message()
        );
        s.memory_bytes = 8 * GIB + 1;
        only_code(&s, "memory_out_of_range");
    }

    #[test]
    fn shared_memory_may_not_exceed_memory() {
        let mut s = spec();
        s.shm_bytes = s.memory_bytes;
        assert!(codes_of(&s).is_empty());
        s.shm_bytes = s.memory_bytes + 1;
        let error = only_code(&s, "shm_out_of_range");
        assert!(error.message().contains("2 GiB"), "{}", error.message());
        s.shm_bytes = 0;
        only_code(&s, "shm_out_of_range");
    }

    #[test]
    fn environment_keys_are_checked() {
        let env = |pairs: &[(&str, &str)]| {
            let mut s = spec();
            s.env = pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            s
        };
        assert!(codes_of(&env(&[("A", ""), ("_x1", "a=b c"), ("PATH", "/x")])).is_empty());
        for key in ["", "1A", "A-B", "A B", "A=B", "É"] {
            let error = only_code(&env(&[(key, "v")]), "invalid_env");
            assert!(error.message().contains(&format!("{key:?}")));
        }
        let error = only_code(&env(&[("A", "1"), ("A", "2")]), "invalid_env");
        assert!(error.message().contains("twice"));
        only_code(&env(&[("A", "a\0b")]), "invalid_env");
    }

    #[test]
    fn ports_are_nonzero_and_distinct() {
        let mut s = spec();
        s.ports = vec![22, 8888, 65535];
        assert!(codes_of(&s).is_empty());
        s.ports = vec![0];
        only_code(&s, "invalid_port");
        s.ports = vec![8888, 22, 8888];
        let error = only_code(&s, "invalid_port");
        assert!(error.message().contains("8888"));
    }

    #[test]
    fn gpus_need_an_nvidia_runtime() {
        let mut s = spec();
        s.gpus = 1;
        only_code(&s, "gpus_unavailable");
        let nvidia = EngineLimits {
            nvidia_runtime: true,
            ..limits()
        };
        assert!(validate_seeded(&s, &nvidia, 1).is_ok());
    }

    #[test]
    fn every_error_is_reported_in_one_call() {
        let s = SessionSpec {
            name: Some("x".to_owned()),
            session_type: SessionType::Batch,
            image: "Bad Image".to_owned(),
            command: None,
            cpus: 99.0,
            memory_bytes: 1,
            shm_bytes: 2,
            env: vec![("1X".to_owned(), String::new())],
            ports: vec![0],
            gpus: 2,
        };
        assert_eq!(
            codes_of(&s),
            [
                "invalid_session_name",
                "invalid_image",
                "command_required",
                "cpus_out_of_range",
                "memory_out_of_range",
                "shm_out_of_range",
                "invalid_env",
                "invalid_port",
                "gpus_unavailable",
            ]
        );
    }

    #[test]
    fn errors_serialise_as_code_and_message() {
        let mut s = spec();
        s.ports = vec![0];
        let errors = validate_seeded(&s, &limits(), 1).unwrap_err();
        assert_eq!(
            serde_json::to_value(&errors).unwrap(),
            serde_json::json!([{"code": "invalid_port", "message": "port 0 cannot be published"}])
        );
        for code in [
            SpecErrorCode::InvalidSessionName,
            SpecErrorCode::InvalidImage,
            SpecErrorCode::CommandRequired,
            SpecErrorCode::CpusOutOfRange,
            SpecErrorCode::MemoryOutOfRange,
            SpecErrorCode::ShmOutOfRange,
            SpecErrorCode::InvalidEnv,
            SpecErrorCode::InvalidPort,
            SpecErrorCode::GpusUnavailable,
        ] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }

    #[test]
    fn specs_round_trip_through_json() {
        let json = serde_json::to_value(spec()).unwrap();
        assert_eq!(json["type"], "interactive");
        assert_eq!(
            json["env"],
            serde_json::json!([["PYTHONPATH", "/home/work"]])
        );
        let back: SessionSpec = serde_json::from_value(json).unwrap();
        assert_eq!(back, spec());
        // Optional parts may be left out.
        let minimal: SessionSpec = serde_json::from_value(serde_json::json!({
            "type": "batch", "image": "busybox", "cpus": 1, "memory_bytes": 67108864,
            "shm_bytes": 67108864,
        }))
        .unwrap();
        assert_eq!(minimal.name, None);
        assert!(minimal.env.is_empty() && minimal.ports.is_empty() && minimal.gpus == 0);
        let valid = validate_seeded(&spec(), &limits(), 1).unwrap();
        assert_eq!(
            serde_json::to_value(&valid).unwrap(),
            serde_json::to_value(spec()).unwrap()
        );
    }

    #[test]
    fn typescript_shapes() {
        let config = ts_rs::Config::default();
        let decl = SessionSpec::decl(&config);
        for field in [
            "type: SessionType",
            "memory_bytes: number",
            "env: Array<[string, string]>",
        ] {
            assert!(decl.contains(field), "{decl}");
        }
    }

    #[test]
    fn sizes_parse_with_binary_units() {
        for (text, bytes) in [
            ("1073741824", GIB),
            ("512m", 512 * MIB),
            ("512M", 512 * MIB),
            ("4GiB", 4 * GIB),
            ("4gib", 4 * GIB),
            ("1g", GIB),
            ("1gb", GIB),
            ("1 GB", GIB),
            (" 2k ", 2048),
            ("100b", 100),
            ("1t", 1024 * GIB),
            ("1.5g", 3 * GIB / 2),
            ("0.5k", 512),
            (".5m", MIB / 2),
            ("1.", 1),
            ("0", 0),
            ("16777215t", 16_777_215 * 1024 * GIB),
        ] {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
        for (text, why) in [
            ("", "number"),
            ("g", "number"),
            ("-1g", "number"),
            ("1.2.3", "decimal"),
            ("12x", "unit"),
            ("1 g b", "unit"),
            ("1e9", "unit"),
            ("16777216t", "too large"),
            ("99999999999999999999999999999999999999999999", "too large"),
        ] {
            let error = parse_size(text).unwrap_err();
            assert_eq!(error.code(), "invalid_size");
            let message = error.to_string();
            assert!(message.contains(why), "{text:?}: {message}");
            assert!(message.contains(&format!("{text:?}")), "{message}");
        }
    }

    #[test]
    fn sizes_format_for_messages() {
        assert_eq!(format_size(100), "100 bytes");
        assert_eq!(format_size(64 * MIB), "64 MiB");
        assert_eq!(format_size(3 * GIB / 2), "1.5 GiB");
        assert_eq!(format_size(u64::MAX), "16 EiB");
    }
}
