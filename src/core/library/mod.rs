//! The assessments kept in one browser: their storage keys, what the start screen shows of each,
//! and the backup file that moves them to another device.
//!
//! Storage itself is the browser's; this module only decides. Every rule about which copy wins
//! lives here, so it is tested natively.

pub mod saved;

use std::fmt;

use crate::core::assessment::{Assessment, Mode};
use crate::core::crypto::signing_key::KEY_FILE_TYPE;
use crate::core::framework::link_frameworks::{LinkFramework, LinkFrameworks};
use crate::core::framework::Framework;
use crate::core::json::{self, JsonErrorKind, Node};
use crate::core::library::saved::{SavedEntry, SavedError};

/// Each assessment is kept under this prefix followed by its id.
pub const ENTRY_PREFIX: &str = "leeruitkomsten:v2:assessment:";
/// The id of the assessment that was open, so a reload reopens it.
pub const OPEN_KEY: &str = "leeruitkomsten:v2:open";
/// Where version 1 of the app kept its single assessment.
pub const V1_KEY: &str = "leeruitkomsten:v1:assessment";

pub const BACKUP_TYPE: &str = "LeeruitkomstenBackup";
pub const BACKUP_VERSION: u64 = 1;
/// Larger than any browser's storage for a site, so a real backup always fits.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

pub fn entry_key(id: &str) -> String {
    format!("{ENTRY_PREFIX}{id}")
}

/// The id in a storage key, when the key is an entry's.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ENTRY_PREFIX).filter(|id| saved::is_entry_id(id))
}

/// What the start screen shows of one assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntrySummary {
    pub id: String,
    pub student_name: String,
    pub student_number: String,
    pub mode: Mode,
    pub date: String,
    pub updated: String,
    pub scored: usize,
    pub total: usize,
    pub is_final: bool,
    /// False when the assessment belongs to a framework this app does not have.
    pub openable: bool,
    /// The title of the built-in framework it belongs to, when that is not the one in use: opening
    /// it switches frameworks.
    pub other_framework: Option<&'static str>,
}

impl EntrySummary {
    pub fn of(entry: &SavedEntry, framework: &Framework) -> EntrySummary {
        let a = &entry.assessment;
        let current = saved::check_framework(a, framework).is_ok();
        let built_in = if current { None } else { a.built_in_framework() };
        let (scored, total) = if current {
            let scored =
                framework.indicators().filter(|i| a.score(framework, &i.id).is_scored()).count();
            (scored, framework.indicator_count())
        } else {
            // Only scored indicators are kept, so counting them needs no framework.
            let scored =
                a.outcomes.values().map(|o| o.scores.values().filter(|s| s.is_scored()).count());
            (scored.sum(), built_in.map_or(0, |b| b.indicators))
        };
        EntrySummary {
            id: entry.id.clone(),
            student_name: a.metadata.student_name.clone(),
            student_number: a.metadata.student_number.clone(),
            mode: a.metadata.mode,
            date: a.metadata.date.clone(),
            updated: entry.updated.clone(),
            scored,
            total,
            is_final: a.is_final(),
            openable: current || built_in.is_some(),
            other_framework: built_in.map(|b| b.title),
        }
    }
}

/// One stored item under the entry prefix, read.
// Most items are entries, so boxing them would add an allocation to nearly every item.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Listed {
    Entry(SavedEntry),
    /// Kept as it is: never overwritten, offered for download so nothing is lost.
    Unreadable {
        key: String,
        text: String,
        error: SavedError,
    },
}

impl Listed {
    /// The entry, when the item could be read.
    pub fn entry(&self) -> Option<&SavedEntry> {
        match self {
            Listed::Entry(entry) => Some(entry),
            Listed::Unreadable { .. } => None,
        }
    }
}

/// Reads every stored `(key, text)` that belongs to an entry; newest first, unreadable ones last.
/// An entry whose id differs from its key's is unreadable: following either would risk
/// overwriting the other.
pub fn read_all(items: Vec<(String, String)>) -> Vec<Listed> {
    let listed = items.into_iter().filter_map(|(key, text)| {
        let id = id_of_key(&key)?.to_string();
        Some(match saved::from_json(&text) {
            Ok(entry) if entry.id == id => Listed::Entry(entry),
            Ok(_) => Listed::Unreadable { key, text, error: SavedError::Unreadable("id") },
            Err(error) => Listed::Unreadable { key, text, error },
        })
    });
    // Sorted by insertion: lists are short, and the standard sort would add several KB to the app.
    // Each item goes after those equal to it, so the order is stable.
    let mut sorted: Vec<Listed> = Vec::new();
    for item in listed {
        let at = sorted.iter().position(|there| comes_first(&item, there)).unwrap_or(sorted.len());
        sorted.insert(at, item);
    }
    sorted
}

/// Whether the journal's copy of an entry (see `web::journal`) should replace the one in
/// `localStorage`: when that one is gone or older. An unreadable local copy is never replaced:
/// it is kept as found, like every entry the app cannot read.
pub fn journal_copy_wins(local: Option<&str>, journal: &str) -> bool {
    saved::from_json(journal).is_ok_and(|theirs| wins_over(local, &theirs))
}

/// [`journal_copy_wins`] for a journal's copy already read.
fn wins_over(local: Option<&str>, theirs: &SavedEntry) -> bool {
    match local.map(saved::from_json) {
        None => true,
        Some(Ok(mine)) => mine.id == theirs.id && theirs.updated > mine.updated,
        Some(Err(_)) => false,
    }
}

/// What becomes of the journal's copy of an entry, read once the form is open (`web::startup`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JournalCopy {
    /// Not newer than what the page started from: nothing to put back.
    Stale,
    /// Put back under its own key: this page has not written that entry.
    PutBack,
    /// Newer than what the page started from, but the entry has changed here since (a change
    /// made before the journal answered): it becomes an assessment of its own, `text` under the
    /// new `id`, so that neither the change nor what the journal kept is lost.
    KeepApart { id: String, text: String },
}

/// The fate of the journal's `copy` of an entry, given the entry's text when the page started
/// (`at_start`) and whether this page has written it since; `new_id` names a copy kept apart.
pub fn journal_copy(
    at_start: Option<&str>,
    written_since: bool,
    copy: &str,
    new_id: impl FnOnce() -> String,
) -> JournalCopy {
    let Ok(entry) = saved::from_json(copy) else { return JournalCopy::Stale };
    if !wins_over(at_start, &entry) {
        return JournalCopy::Stale;
    }
    if !written_since {
        return JournalCopy::PutBack;
    }
    let id = new_id();
    match saved::to_json(&SavedEntry { id: id.clone(), ..entry }) {
        Ok(text) => JournalCopy::KeepApart { id, text },
        Err(_) => JournalCopy::Stale,
    }
}

/// Entries newest first (then by id, so the order is stable), unreadable items last by key.
fn comes_first(a: &Listed, b: &Listed) -> bool {
    match (a, b) {
        (Listed::Entry(a), Listed::Entry(b)) => (&b.updated, &a.id) < (&a.updated, &b.id),
        (Listed::Entry(_), Listed::Unreadable { .. }) => true,
        (Listed::Unreadable { .. }, Listed::Entry(_)) => false,
        (Listed::Unreadable { key: a, .. }, Listed::Unreadable { key: b, .. }) => a < b,
    }
}

/// A copy to go on with: a new draft with the same metadata and scores. A copy of a final
/// assessment is a draft again; its signed record stays with the original.
pub fn duplicate(entry: &SavedEntry, id: &str, now: &str) -> SavedEntry {
    let mut assessment: Assessment = entry.assessment.clone();
    assessment.signed = None;
    SavedEntry { id: id.to_string(), updated: now.to_string(), assessment }
}

/// Every assessment in one file, to move to another device or keep safe. Unreadable entries go
/// along as their raw text, so a backup loses nothing the browser held; and so do the addresses
/// links here gave for the frameworks of its assessments that are not built in
/// (`linkFrameworks`), so that those open from the list on the other device too.
pub fn backup_to_json(
    entries: &[SavedEntry],
    unreadable: &[(String, String)],
    links: &LinkFrameworks,
    exported: &str,
) -> Result<String, serde_json::Error> {
    // Built from each entry's stored form rather than through `serde_json::Value`, which would
    // bring a second serializer of the assessment into the app.
    let string = |s: &str| serde_json::to_string(s);
    let mut out = format!(
        "{{\n  \"type\": {},\n  \"version\": {BACKUP_VERSION},\n  \"exported\": {}",
        string(BACKUP_TYPE)?,
        string(exported)?
    );
    let assessments = entries.iter().map(saved::to_json).collect::<Result<Vec<_>, _>>()?;
    push_array(&mut out, "assessments", &assessments);
    let links = links_of(entries, links)
        .into_iter()
        .map(|link| {
            let (id, version) = (string(&link.id)?, string(&link.version)?);
            Ok(format!(
                "{{\"id\": {id}, \"version\": {version}, \"address\": {}}}",
                string(&link.address)?
            ))
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    if !links.is_empty() {
        push_array(&mut out, "linkFrameworks", &links);
    }
    let unreadable = unreadable
        .iter()
        .map(|(key, text)| {
            Ok(format!("{{\"key\": {}, \"text\": {}}}", string(key)?, string(text)?))
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
    if !unreadable.is_empty() {
        push_array(&mut out, "unreadable", &unreadable);
    }
    out.push_str("\n}\n");
    Ok(out)
}

/// Appends member `key` of the backup's object: an array with each item on a line of its own.
fn push_array(out: &mut String, key: &str, items: &[String]) {
    out.push_str(&format!(",\n  \"{key}\": ["));
    for (n, item) in items.iter().enumerate() {
        out.push_str(if n == 0 { "\n    " } else { ",\n    " });
        out.push_str(item);
    }
    out.push_str("\n  ]");
}

/// The remembered link frameworks of `entries`' assessments, each once: those of a framework that
/// is not built in and that a link here named.
fn links_of<'a>(entries: &[SavedEntry], links: &'a LinkFrameworks) -> Vec<&'a LinkFramework> {
    let mut used: Vec<&LinkFramework> = Vec::new();
    let linked = entries.iter().map(|e| &e.assessment).filter(|a| a.built_in_framework().is_none());
    for link in linked.filter_map(|a| links.get(&a.framework_id, &a.framework_version)) {
        if !used.contains(&link) {
            used.push(link);
        }
    }
    used
}

/// What a backup holds: every readable entry, with the open assessment as it is in memory (it may
/// be newer than its stored copy, or not stored at all when storage failed), and the raw text of
/// every unreadable one.
pub fn backup_contents(
    listed: &[Listed],
    open: Option<&SavedEntry>,
) -> (Vec<SavedEntry>, Vec<(String, String)>) {
    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    for item in listed {
        match item {
            Listed::Entry(entry) if open.is_some_and(|o| o.id == entry.id) => {}
            Listed::Entry(entry) => entries.push(entry.clone()),
            Listed::Unreadable { key, text, .. } => unreadable.push((key.clone(), text.clone())),
        }
    }
    if let Some(open) = open {
        entries.insert(0, open.clone());
    }
    (entries, unreadable)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
    },
    NotJson,
    /// JSON, but not a backup of this app (a record, something else).
    NotABackup,
    /// A signing-key backup: told apart, since it holds a secret the reader must not pass on.
    SecretKeyFile,
    UnknownVersion(u64),
    /// The assessment at this position (0-based) cannot be read.
    Entry {
        index: usize,
        error: SavedError,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::TooLarge { bytes } => {
                write!(f, "the file has {bytes} bytes, more than the {MAX_BACKUP_BYTES} allowed")
            }
            BackupError::NotJson => write!(f, "the file is not JSON"),
            BackupError::NotABackup => write!(f, "the file is not a backup of this app"),
            BackupError::SecretKeyFile => {
                write!(f, "the file is a secret signing key, not a backup")
            }
            BackupError::UnknownVersion(v) => write!(f, "the backup has unknown version {v}"),
            BackupError::Entry { index, error } => {
                write!(f, "assessment {} in the backup: {error}", index + 1)
            }
        }
    }
}

/// What a backup brings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    pub entries: Vec<SavedEntry>,
    /// Where links on the device it came from found frameworks that are not built in. One that
    /// cannot be read is passed over: it only saves opening that assessment's link once.
    pub link_frameworks: Vec<LinkFramework>,
}

/// Reads a backup. One unreadable assessment refuses the whole file: importing part of it would
/// look like success while something was left behind.
pub fn backup_from_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    let value = json::parse_bytes(bytes, MAX_BACKUP_BYTES).map_err(|error| match error.kind {
        JsonErrorKind::TooLarge { bytes, .. } => BackupError::TooLarge { bytes },
        _ => BackupError::NotJson,
    })?;
    let root = Node::root(&value).object().map_err(|_| BackupError::NotABackup)?;
    let kind = root.string("type").ok();
    if kind == Some(KEY_FILE_TYPE) {
        return Err(BackupError::SecretKeyFile);
    }
    if kind != Some(BACKUP_TYPE) {
        return Err(BackupError::NotABackup);
    }
    let version = root.count("version").map_err(|_| BackupError::NotABackup)?;
    if version != BACKUP_VERSION {
        return Err(BackupError::UnknownVersion(version));
    }
    let items = root.array("assessments").map_err(|_| BackupError::NotABackup)?;
    let entries = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            saved::from_value(item.value()).map_err(|error| BackupError::Entry { index, error })
        })
        .collect::<Result<_, _>>()?;
    let links = root.get("linkFrameworks").and_then(|node| node.array().ok()).unwrap_or_default();
    let link_frameworks = links
        .iter()
        .filter_map(|node| {
            let link = node.object().ok()?;
            let part = |key| link.string(key).ok().map(str::to_string);
            Some(LinkFramework {
                id: part("id")?,
                version: part("version")?,
                address: part("address")?,
            })
        })
        .collect();
    Ok(Backup { entries, link_frameworks })
}

/// What importing does with one assessment from a backup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportDecision {
    /// Not here yet: added.
    Add,
    /// The backup's copy is newer: it replaces this browser's.
    Replace,
    /// Both copies are the same.
    Same,
    /// This browser's copy is as new or newer: kept, the backup's is skipped.
    KeepNewer,
    /// This browser's copy is final (signed) and the backup's is not: a signed assessment is
    /// never turned back into a draft.
    KeepFinal,
}

/// Decides, per assessment in a backup, what happens to it here. Never replaces a newer copy.
pub fn plan_import(local: &[SavedEntry], incoming: &[SavedEntry]) -> Vec<ImportDecision> {
    incoming
        .iter()
        .map(|theirs| match local.iter().find(|mine| mine.id == theirs.id) {
            None => ImportDecision::Add,
            Some(mine) if mine == theirs => ImportDecision::Same,
            Some(mine) if mine.assessment.is_final() && !theirs.assessment.is_final() => {
                ImportDecision::KeepFinal
            }
            Some(mine) if theirs.updated > mine.updated => ImportDecision::Replace,
            Some(_) => ImportDecision::KeepNewer,
        })
        .collect()
}

/// Counts of an import, for the message after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub kept_newer: usize,
}

impl ImportCounts {
    pub fn of(decisions: &[ImportDecision]) -> ImportCounts {
        let mut counts = ImportCounts::default();
        for decision in decisions {
            match decision {
                ImportDecision::Add => counts.added += 1,
                ImportDecision::Replace => counts.replaced += 1,
                ImportDecision::Same => counts.unchanged += 1,
                ImportDecision::KeepNewer | ImportDecision::KeepFinal => counts.kept_newer += 1,
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, MetadataField, Signed};
    use crate::core::framework::score::Score;

    fn framework() -> Framework {
        Framework::default_framework().unwrap()
    }

    fn entry(id: &str, updated: &str, student: &str) -> SavedEntry {
        let fw = framework();
        let mut assessment = Assessment::new(&fw);
        assessment
            .apply(&fw, Action::SetMetadata(MetadataField::StudentName, student.into()))
            .unwrap();
        SavedEntry { id: id.into(), updated: updated.into(), assessment }
    }

    fn sealed(mut e: SavedEntry) -> SavedEntry {
        let signed =
            Signed { record: "{}".into(), created: e.updated.clone(), signer: "did:key:z".into() };
        e.assessment.apply(&framework(), Action::Seal(signed)).unwrap();
        e
    }

    #[test]
    fn keys_carry_only_safe_ids() {
        assert_eq!(id_of_key(&entry_key("ab-12")), Some("ab-12"));
        assert_eq!(id_of_key("leeruitkomsten:v2:assessment:../x"), None);
        assert_eq!(id_of_key("leeruitkomsten:v2:assessment:"), None);
        assert_eq!(id_of_key(OPEN_KEY), None);
        assert_eq!(id_of_key(V1_KEY), None);
    }

    #[test]
    fn lists_newest_first_and_keeps_what_it_cannot_read() {
        let old = entry("a", "2026-11-20T10:00:00.000Z", "Oud");
        let new = entry("b", "2026-11-22T10:00:00.000Z", "Nieuw");
        let items = vec![
            (entry_key("a"), saved::to_json(&old).unwrap()),
            ("leeruitkomsten:lang".into(), "nl".into()),
            (entry_key("c"), "{kapot".into()),
            (entry_key("b"), saved::to_json(&new).unwrap()),
            // An entry copied under another id's key is not trusted either way.
            (entry_key("d"), saved::to_json(&old).unwrap()),
        ];
        let listed = read_all(items);
        assert_eq!(listed.len(), 4);
        assert_eq!(listed[0], Listed::Entry(new));
        assert_eq!(listed[1], Listed::Entry(old));
        let unreadable: Vec<_> = listed[2..]
            .iter()
            .map(|l| match l {
                Listed::Unreadable { key, .. } => key.clone(),
                Listed::Entry(e) => panic!("{} should be unreadable", e.id),
            })
            .collect();
        assert_eq!(unreadable, vec![entry_key("c"), entry_key("d")]);
    }

    #[test]
    fn summary_counts_scored_indicators() {
        let fw = framework();
        let mut e = entry("a", "2026-11-20T10:00:00.000Z", "Sanne");
        for id in ["LU1.1", "LU1.2", "LU6.9"] {
            e.assessment
                .apply(&fw, Action::SetScore { indicator: id.into(), score: Score::Good })
                .unwrap();
        }
        e.assessment
            .apply(&fw, Action::SetScore { indicator: "LU1.2".into(), score: Score::NotScored })
            .unwrap();
        let s = EntrySummary::of(&e, &fw);
        assert_eq!((s.scored, s.total), (2, 42));
        assert!(!s.is_final && s.openable);
        assert_eq!(s.student_name, "Sanne");
        let s = EntrySummary::of(&sealed(e.clone()), &fw);
        assert!(s.is_final);
        e.assessment.framework_id = "ander".into();
        let s = EntrySummary::of(&e, &fw);
        assert!(!s.openable);
        assert_eq!((s.scored, s.total, s.other_framework), (2, 0, None));
        // An assessment of the other built-in framework opens, by switching to it.
        e.assessment.framework_id = "competentieprofiel-opbouwwerker-2010".into();
        e.assessment.framework_version = "2010".into();
        let s = EntrySummary::of(&e, &fw);
        assert!(s.openable);
        assert_eq!((s.scored, s.total), (2, 150));
        assert_eq!(s.other_framework, Some("Competentieprofiel opbouwwerker"));
        // Another version of a built-in framework is not that framework.
        e.assessment.framework_version = "2009".into();
        assert!(!EntrySummary::of(&e, &fw).openable);
    }

    #[test]
    fn the_journal_brings_back_only_newer_copies() {
        let older = saved::to_json(&entry("a", "2026-11-20T10:00:00.000Z", "A")).unwrap();
        let newer = saved::to_json(&entry("a", "2026-11-20T10:00:03.000Z", "AB")).unwrap();
        assert!(journal_copy_wins(None, &newer));
        assert!(journal_copy_wins(Some(&older), &newer));
        assert!(!journal_copy_wins(Some(&newer), &older));
        assert!(!journal_copy_wins(Some(&newer), &newer));
        assert!(!journal_copy_wins(Some("{kapot"), &newer));
        assert!(!journal_copy_wins(None, "{kapot"));
        let other = saved::to_json(&entry("b", "2026-11-21T10:00:00.000Z", "B")).unwrap();
        assert!(!journal_copy_wins(Some(&older), &other));
    }

    #[test]
    fn a_newer_journal_copy_of_an_entry_changed_since_the_start_is_kept_as_an_assessment_of_its_own(
    ) {
        let at_start = saved::to_json(&entry("a", "2026-11-20T10:00:00.000Z", "A")).unwrap();
        let copy = saved::to_json(&entry("a", "2026-11-20T10:00:03.000Z", "AB")).unwrap();
        let c = || "c".to_string();
        assert_eq!(journal_copy(Some(&at_start), false, &copy, c), JournalCopy::PutBack);
        assert_eq!(journal_copy(None, false, &copy, c), JournalCopy::PutBack);
        let JournalCopy::KeepApart { id, text } = journal_copy(Some(&at_start), true, &copy, c)
        else {
            panic!("a copy kept apart")
        };
        let apart = saved::from_json(&text).unwrap();
        assert_eq!((id.as_str(), apart.id.as_str()), ("c", "c"));
        assert_eq!(apart.updated, "2026-11-20T10:00:03.000Z");
        assert_eq!(apart.assessment, saved::from_json(&copy).unwrap().assessment);
        // What the page started from was as new: whatever it wrote since is all there is.
        assert_eq!(journal_copy(Some(&copy), true, &at_start, c), JournalCopy::Stale);
        assert_eq!(journal_copy(Some(&copy), true, &copy, c), JournalCopy::Stale);
        assert_eq!(journal_copy(None, true, "{kapot", c), JournalCopy::Stale);
    }

    #[test]
    fn a_duplicate_is_a_new_draft() {
        let original = sealed(entry("a", "2026-11-20T10:00:00.000Z", "Sanne"));
        let copy = duplicate(&original, "b", "2026-11-23T08:00:00.000Z");
        assert_eq!(copy.id, "b");
        assert!(!copy.assessment.is_final());
        assert_eq!(copy.assessment.metadata, original.assessment.metadata);
        assert!(original.assessment.is_final());
    }

    #[test]
    fn backup_round_trips_and_carries_unreadable_text() {
        let entries = vec![
            entry("a", "2026-11-20T10:00:00.000Z", "A"),
            entry("b", "2026-11-21T10:00:00.000Z", "B"),
        ];
        let raw = vec![(entry_key("c"), "{kapot".to_string())];
        let links = LinkFrameworks::default().with("elders", "1", "https://elders.example/k.json");
        let text = backup_to_json(&entries, &raw, &links, "2026-11-23T12:00:00.000Z").unwrap();
        let read = backup_from_bytes(text.as_bytes()).unwrap();
        assert_eq!(read.entries, entries);
        assert!(text.contains("{kapot"));
        // Every assessment here is of the built-in framework: no address goes along.
        assert_eq!(read.link_frameworks, []);
        assert!(!text.contains("linkFrameworks"));
    }

    #[test]
    fn backup_carries_the_addresses_of_its_link_frameworks() {
        let of = |id: &str, framework: &str, version: &str| {
            let mut e = entry(id, "2026-11-20T10:00:00.000Z", id);
            e.assessment.framework_id = framework.into();
            e.assessment.framework_version = version.into();
            e
        };
        let entries = vec![
            of("a", "elders", "1"),
            of("b", "elders", "1"),
            of("c", "elders", "2"),
            of("d", "nergens", "1"),
            entry("e", "2026-11-20T10:00:00.000Z", "E"),
        ];
        let links = LinkFrameworks::default()
            .with("elders", "1", "https://elders.example/k.json")
            .with("elders", "2", "k2.json")
            .with("ongebruikt", "1", "https://x.example/o.json");
        let text = backup_to_json(&entries, &[], &links, "2026-11-23T12:00:00.000Z").unwrap();
        let read = backup_from_bytes(text.as_bytes()).unwrap();
        assert_eq!(read.entries, entries);
        // Each framework once, only those of its assessments, none the device has no address for.
        let brought: Vec<(&str, &str, &str)> = read
            .link_frameworks
            .iter()
            .map(|f| (f.id.as_str(), f.version.as_str(), f.address.as_str()))
            .collect();
        assert_eq!(
            brought,
            [("elders", "1", "https://elders.example/k.json"), ("elders", "2", "k2.json")]
        );
        // A backup from before the addresses, or one whose addresses cannot be read, still imports.
        let entry_json = saved::to_json(&entries[0]).unwrap();
        for links in ["", ", \"linkFrameworks\": {}", ", \"linkFrameworks\": [1, {\"id\": \"x\"}]"]
        {
            let text = format!(
                "{{\"type\":\"{BACKUP_TYPE}\",\"version\":1,\"assessments\":[{entry_json}]{links}}}"
            );
            let read = backup_from_bytes(text.as_bytes()).unwrap();
            assert_eq!((read.entries.len(), read.link_frameworks.len()), (1, 0), "{links}");
        }
    }

    #[test]
    fn backup_takes_the_open_assessment_from_memory() {
        let stored_open = entry("a", "2026-11-20T10:00:00.000Z", "Oud");
        let other = entry("b", "2026-11-19T10:00:00.000Z", "B");
        let in_memory = entry("a", "2026-11-21T10:00:00.000Z", "Nieuw");
        let listed = vec![
            Listed::Entry(stored_open),
            Listed::Entry(other.clone()),
            Listed::Unreadable {
                key: entry_key("c"),
                text: "{".into(),
                error: SavedError::Unreadable("text"),
            },
        ];
        let (entries, raw) = backup_contents(&listed, Some(&in_memory));
        assert_eq!(entries, vec![in_memory.clone(), other.clone()]);
        assert_eq!(raw, vec![(entry_key("c"), "{".to_string())]);
        // Not stored at all (storage failed): still in the backup.
        let (entries, _) = backup_contents(&[], Some(&in_memory));
        assert_eq!(entries, vec![in_memory]);
        let (entries, _) = backup_contents(&listed[1..2], None);
        assert_eq!(entries, vec![other]);
    }

    #[test]
    fn backup_refuses_what_is_not_one() {
        assert_eq!(backup_from_bytes(b"\xff"), Err(BackupError::NotJson));
        assert_eq!(backup_from_bytes(b"{\"a\":1,\"a\":2}"), Err(BackupError::NotJson));
        assert_eq!(backup_from_bytes(b"[]"), Err(BackupError::NotABackup));
        assert_eq!(
            backup_from_bytes(b"{\"type\":\"AssessmentRecord\"}"),
            Err(BackupError::NotABackup)
        );
        let newer = format!("{{\"type\":\"{BACKUP_TYPE}\",\"version\":2,\"assessments\":[]}}");
        assert_eq!(backup_from_bytes(newer.as_bytes()), Err(BackupError::UnknownVersion(2)));
        let broken = format!(
            "{{\"type\":\"{BACKUP_TYPE}\",\"version\":1,\"assessments\":[{}, {{\"version\":2}}]}}",
            saved::to_json(&entry("a", "t", "A")).unwrap()
        );
        assert_eq!(
            backup_from_bytes(broken.as_bytes()),
            Err(BackupError::Entry { index: 1, error: SavedError::Unreadable("id") })
        );
        let huge = vec![b' '; MAX_BACKUP_BYTES + 1];
        assert_eq!(
            backup_from_bytes(&huge),
            Err(BackupError::TooLarge { bytes: MAX_BACKUP_BYTES + 1 })
        );
    }

    #[test]
    fn import_never_replaces_a_newer_or_final_copy() {
        let mine = vec![
            entry("same", "2026-11-20T10:00:00.000Z", "S"),
            entry("older-here", "2026-11-20T10:00:00.000Z", "O"),
            entry("newer-here", "2026-11-22T10:00:00.000Z", "N"),
            sealed(entry("final-here", "2026-11-20T10:00:00.000Z", "F")),
        ];
        let theirs = vec![
            entry("same", "2026-11-20T10:00:00.000Z", "S"),
            entry("older-here", "2026-11-21T10:00:00.000Z", "O2"),
            entry("newer-here", "2026-11-21T10:00:00.000Z", "N2"),
            entry("final-here", "2026-11-25T10:00:00.000Z", "F2"),
            entry("new", "2026-11-19T10:00:00.000Z", "X"),
        ];
        let plan = plan_import(&mine, &theirs);
        assert_eq!(
            plan,
            vec![
                ImportDecision::Same,
                ImportDecision::Replace,
                ImportDecision::KeepNewer,
                ImportDecision::KeepFinal,
                ImportDecision::Add,
            ]
        );
        assert_eq!(
            ImportCounts::of(&plan),
            ImportCounts { added: 1, replaced: 1, unchanged: 1, kept_newer: 2 }
        );
        // Equal times but different content: this browser's copy stays.
        let tie = vec![entry("same", "2026-11-20T10:00:00.000Z", "Other")];
        assert_eq!(plan_import(&mine, &tie), vec![ImportDecision::KeepNewer]);
    }
}
