//! The frameworks that links named by their address on this device, remembered by id and version:
//! an assessment begun in one (an invitation for a framework that is not built in) is listed as
//! of another framework when the app is opened without that link, and this is where its address
//! is found again, so that it opens in its own framework rather than not at all.

/// Where `localStorage` keeps the list.
pub const LINK_FRAMEWORKS_KEY: &str = "leeruitkomsten:v2:link-frameworks";
const LIST_HEADER: &str = "LeeruitkomstenLinkFrameworks 1";
/// Newest first; an older one past this many is forgotten unless an assessment kept here is of it
/// ([`LinkFrameworks::trimmed`]): forgotten, its assessments would be listed as of another
/// framework, and open only through their link again.
const MAX_REMEMBERED: usize = 20;
/// The most entries a stored list is read of (those assessments use may take it past
/// [`MAX_REMEMBERED`]): a hand-made list cannot make every start read without end.
const MAX_READ: usize = 1_000;
/// Longer than any address a link can carry (an invitation link has at most 2,000 characters), so
/// only what a hand-made backup brings is turned away.
const MAX_PART_CHARS: usize = 2_000;

/// A framework a link named: its id and version, and the address the link gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkFramework {
    pub id: String,
    pub version: String,
    pub address: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkFrameworks(Vec<LinkFramework>);

impl LinkFrameworks {
    /// The stored list: a first line that names it, then a line a framework, its id, version and
    /// address apart by tabs (plain lines: no JSON code for so small a list in the form's
    /// bundle). Anything unreadable is no list; it only saves finding a link again.
    pub fn from_text(text: &str) -> LinkFrameworks {
        let mut lines = text.lines();
        if lines.next() != Some(LIST_HEADER) {
            return LinkFrameworks::default();
        }
        let read = lines.filter_map(|line| {
            let mut parts = line.split('\t');
            let (id, version, address) = (parts.next()?, parts.next()?, parts.next()?);
            let whole = parts.next().is_none() && ![id, version, address].contains(&"");
            whole.then(|| LinkFramework {
                id: id.into(),
                version: version.into(),
                address: address.into(),
            })
        });
        LinkFrameworks(read.take(MAX_READ).collect())
    }

    pub fn to_text(&self) -> String {
        let mut text = String::from(LIST_HEADER);
        for f in &self.0 {
            text.push_str(&format!("\n{}\t{}\t{}", f.id, f.version, f.address));
        }
        text
    }

    /// The list with this framework first, at `address`; one entry per id and version. One whose
    /// id, version or address holds a tab or a line break, or is longer than any link, is not
    /// remembered.
    pub fn with(&self, id: &str, version: &str, address: &str) -> LinkFrameworks {
        let unfit = |part: &&str| {
            part.contains(['\t', '\n', '\r']) || part.chars().count() > MAX_PART_CHARS
        };
        if [id, version, address].iter().any(unfit) {
            return self.clone();
        }
        let first =
            LinkFramework { id: id.into(), version: version.into(), address: address.into() };
        let others = self.0.iter().filter(|f| f.id != id || f.version != version).cloned();
        LinkFrameworks(std::iter::once(first).chain(others).collect())
    }

    /// The [`MAX_REMEMBERED`] newest, and older ones only where `in_use` (an assessment kept here
    /// is of that framework).
    pub fn trimmed(&self, in_use: impl Fn(&LinkFramework) -> bool) -> LinkFrameworks {
        let kept = self.0.iter().enumerate().filter(|(n, f)| *n < MAX_REMEMBERED || in_use(f));
        LinkFrameworks(kept.map(|(_, f)| f.clone()).collect())
    }

    /// The address a link gave for the framework of this id and version, if one did here.
    pub fn address_of(&self, id: &str, version: &str) -> Option<&str> {
        self.get(id, version).map(|f| f.address.as_str())
    }

    /// Every remembered address, newest first.
    pub fn addresses(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|f| f.address.as_str())
    }

    pub fn get(&self, id: &str, version: &str) -> Option<&LinkFramework> {
        self.0.iter().find(|f| f.id == id && f.version == version)
    }

    /// The list with the frameworks a backup brought from another device, each where this device
    /// knows no address for its id and version: an address a link gave here stays. The brought
    /// ones come first, in their order, as the latest to arrive.
    pub fn with_brought(&self, brought: &[LinkFramework]) -> LinkFrameworks {
        let unknown = brought.iter().rev().filter(|f| self.get(&f.id, &f.version).is_none());
        unknown.fold(self.clone(), |list, f| list.with(&f.id, &f.version, &f.address))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_address_of_a_framework_is_remembered_and_read_back() {
        let list = LinkFrameworks::default()
            .with("kader-a", "1", "https://a.example/a.json")
            .with("kader-b", "1", "b.json")
            .with("kader-a", "1", "https://a.example/nieuw.json");
        let read = LinkFrameworks::from_text(&list.to_text());
        assert_eq!(read, list);
        assert_eq!(read.address_of("kader-a", "1"), Some("https://a.example/nieuw.json"));
        assert_eq!(read.address_of("kader-b", "1"), Some("b.json"));
        assert_eq!(read.address_of("kader-a", "2"), None);
        assert_eq!(read.0.len(), 2);
    }

    #[test]
    fn twenty_are_kept_and_older_ones_an_assessment_uses_and_anything_unreadable_is_no_list() {
        let mut list = LinkFrameworks::default();
        for n in 0..25 {
            list = list.with(&format!("kader-{n}"), "1", &format!("{n}.json"));
        }
        let trimmed = list.trimmed(|_| false);
        assert_eq!(trimmed.0.len(), MAX_REMEMBERED);
        assert_eq!(trimmed.address_of("kader-24", "1"), Some("24.json"));
        assert_eq!(trimmed.address_of("kader-4", "1"), None);
        // An assessment of kader-2 keeps its address, past the twenty newest, and read back too.
        let in_use = list.trimmed(|f| f.id == "kader-2");
        assert_eq!(in_use.0.len(), MAX_REMEMBERED + 1);
        assert_eq!(in_use.address_of("kader-2", "1"), Some("2.json"));
        assert_eq!(in_use.address_of("kader-3", "1"), None);
        assert_eq!(LinkFrameworks::from_text(&in_use.to_text()), in_use);
        let many = (0..MAX_READ + 5)
            .fold(LinkFrameworks::default(), |list, n| list.with(&format!("k{n}"), "1", "k.json"));
        assert_eq!(LinkFrameworks::from_text(&many.to_text()).0.len(), MAX_READ);
        for text in
            ["", "[]", "Anders 1\nx\t1\tx.json", "{\"type\":\"LeeruitkomstenLinkFrameworks\"}"]
        {
            assert_eq!(LinkFrameworks::from_text(text), LinkFrameworks::default(), "{text}");
        }
        // A line without an address, or with a part too many, is passed over; the others stay.
        let text =
            "LeeruitkomstenLinkFrameworks 1\nx\t1\ny\t1\ty.json\nz\t1\tz.json\textra\nw\t1\t";
        let read = LinkFrameworks::from_text(text);
        assert_eq!(read.0.len(), 1);
        assert_eq!(read.address_of("y", "1"), Some("y.json"));
        // What would break a line is not remembered, nor what no link could hold.
        assert_eq!(read.with("q", "1", "a\nb").with("q\t", "1", "c"), read);
        let long = format!("https://x.example/{}", "a".repeat(MAX_PART_CHARS));
        assert_eq!(read.with("q", "1", &long), read);
        assert_eq!(read.with("q", "1", &long[..MAX_PART_CHARS]).0.len(), 2);
    }

    #[test]
    fn frameworks_a_backup_brings_are_added_where_no_link_named_them_here() {
        let here = LinkFrameworks::default().with("kader-a", "1", "https://hier.example/a.json");
        let brought = [
            LinkFramework { id: "kader-b".into(), version: "1".into(), address: "b.json".into() },
            LinkFramework {
                id: "kader-a".into(),
                version: "1".into(),
                address: "https://elders.example/a.json".into(),
            },
            LinkFramework { id: "kader-c".into(), version: "2".into(), address: "c.json".into() },
            LinkFramework { id: "kader-d".into(), version: "1".into(), address: "d\n.json".into() },
        ];
        let list = here.with_brought(&brought);
        assert_eq!(list.address_of("kader-a", "1"), Some("https://hier.example/a.json"));
        assert_eq!(list.address_of("kader-b", "1"), Some("b.json"));
        assert_eq!(list.address_of("kader-c", "2"), Some("c.json"));
        assert_eq!(list.get("kader-d", "1"), None);
        let order: Vec<&str> = list.0.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(order, ["kader-b", "kader-c", "kader-a"]);
        // Brought again, nothing changes.
        assert_eq!(list.with_brought(&brought), list);
    }
}
