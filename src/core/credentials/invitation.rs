//! The docent's invitation to assess one student: a small Verifiable Credential signed with the
//! docent's key and carried in a link's fragment (`#uitnodiging=…`), which browsers never send
//! to a server, so no server log holds who is assessed by whom.
//!
//! The subject uses the record's own `assessment` member names (`framework`, `mode`, `assessor`),
//! so that a record made from an invitation matches it one to one.

use std::rc::Rc;

use serde_json::{json, Value};

use super::{
    check_credential, digest_multibase, issue, validity, CredentialProblem, Signature, Validity,
};
use super::{IssueError, INVITATION_TYPE};
use crate::core::assessment::Mode;
use crate::core::crypto::data_integrity::SignatureCheck;
use crate::core::crypto::data_integrity::VerifyError;
use crate::core::crypto::signing_key::{fingerprint, SigningKey};
use crate::core::crypto::{base64url, jcs};
use crate::core::embed::link_config::canonical_origin;
use crate::core::framework::catalogue;
use crate::core::framework::hashed::HashedFramework;
use crate::core::json::{self, Node, Object};
use crate::core::record::shape::{is_calendar_date, FrameworkInfo, RECORD_CONTEXT, VC_TYPE};
use crate::core::zone::Zone;
use crate::i18n::time::{civil_from_days, days_from_civil};

pub use crate::core::record::shape::InvitationRef;

/// The name of the fragment parameter: `…/#uitnodiging=<base64url of the signed invitation>`.
pub const LINK_KEY: &str = "uitnodiging";
/// A link longer than this does not survive every mail program; the app's links stay under it.
pub const MAX_LINK_CHARS: usize = 2000;
/// A fragment longer than this is refused unread: no invitation the app makes comes near it.
pub const MAX_FRAGMENT_CHARS: usize = 6000;
/// Longest name, number or address in an invitation, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// The encoded invitation an address's fragment (with or without its `#`) carries, if it is an
/// invitation link's: `uitnodiging=…`. Any other fragment names a view.
pub fn link_payload(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.strip_prefix(LINK_KEY)?.strip_prefix('=')
}

/// What the docent invites an assessor to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub student_name: String,
    pub student_number: String,
    pub framework: FrameworkInfo,
    pub mode: Mode,
    pub assessor_name: String,
    pub assessor_email: String,
    /// `YYYY-MM-DD`; the invitation is valid until this day ends in the docent's time zone.
    pub due_date: String,
    /// The page that embeds the app for this assessment, when there is one.
    pub host_origin: Option<String>,
}

/// The fields of the docent's form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvitationField {
    /// The docent's own name, the invitation's `issuer.name`.
    DocentName,
    StudentName,
    StudentNumber,
    AssessorName,
    AssessorEmail,
    DueDate,
    HostOrigin,
}

impl InvitationField {
    pub const ALL: [InvitationField; 7] = [
        InvitationField::DocentName,
        InvitationField::StudentName,
        InvitationField::StudentNumber,
        InvitationField::AssessorName,
        InvitationField::AssessorEmail,
        InvitationField::DueDate,
        InvitationField::HostOrigin,
    ];

    pub fn key(self) -> &'static str {
        match self {
            InvitationField::DocentName => "docent-name",
            InvitationField::StudentName => "student-name",
            InvitationField::StudentNumber => "student-number",
            InvitationField::AssessorName => "assessor-name",
            InvitationField::AssessorEmail => "assessor-email",
            InvitationField::DueDate => "due-date",
            InvitationField::HostOrigin => "host-origin",
        }
    }
}

/// Why the docent's form cannot be signed yet; each names its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationInputProblem {
    Empty(InvitationField),
    TooLong(InvitationField),
    NotAnEmail,
    NotADate,
    DueDatePassed,
    NotAnOrigin,
}

impl InvitationInputProblem {
    pub fn field(self) -> InvitationField {
        match self {
            InvitationInputProblem::Empty(field) | InvitationInputProblem::TooLong(field) => field,
            InvitationInputProblem::NotAnEmail => InvitationField::AssessorEmail,
            InvitationInputProblem::NotADate | InvitationInputProblem::DueDatePassed => {
                InvitationField::DueDate
            }
            InvitationInputProblem::NotAnOrigin => InvitationField::HostOrigin,
        }
    }
}

/// Why a link's invitation is not opened. Each is a different thing for the assessor to do:
/// ask for the link again, ask the docent for a new one, or update the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvitationProblem {
    /// Not base64url, not JSON, too long, or not the shape of an invitation: the link is damaged
    /// (often cut off by a mail program).
    Damaged,
    /// A well-formed credential, but not an invitation of this app.
    NotAnInvitation,
    /// Changed after it was signed.
    Changed,
    /// Signed by another key than the issuer it names.
    ForeignKey {
        issuer: String,
        signer: String,
    },
    Expired {
        valid_until: String,
    },
    NotYetValid {
        valid_from: String,
    },
    /// Names a framework this app does not have (by id, version and content hash).
    UnknownFramework {
        id: String,
        version: String,
    },
    /// The browser has no Ed25519 to check the signature with (the form's page uses the
    /// browser's own).
    NoEd25519,
}

/// A signed invitation, checked: what the docent keeps of one sent and the assessor of one
/// received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedInvitation {
    /// The signed credential as compact (canonical, RFC 8785) JSON, exactly as it travels in the
    /// link.
    pub text: Rc<str>,
    pub reference: InvitationRef,
    /// The docent's did:key.
    pub issuer: String,
    pub issuer_name: String,
    pub valid_from: String,
    pub valid_until: String,
    pub invitation: Invitation,
}

impl SignedInvitation {
    /// The short form of the docent's key, to confirm by phone.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.issuer)
    }

    /// The fragment that carries it, without `#`.
    pub fn fragment(&self) -> String {
        format!("{LINK_KEY}={}", base64url::encode(self.text.as_bytes()))
    }

    /// The link to send: the app's address (without fragment) and the fragment.
    pub fn link(&self, app_address: &str) -> String {
        let base = app_address.split('#').next().unwrap_or(app_address);
        format!("{base}#{}", self.fragment())
    }

    /// Reads and checks a signed invitation (envelope, signature, subject), whatever the time.
    pub fn from_value(value: &Value) -> Result<SignedInvitation, InvitationProblem> {
        let (signed, _) = SignedInvitation::read(value, Signature::Check)?;
        Ok(signed)
    }

    /// [`SignedInvitation::from_value`], or with [`Signature::Return`] all but the signature,
    /// which is returned to be checked ([`SignedInvitation::signature_problem`] words a failure).
    pub fn read(
        value: &Value,
        signature: Signature,
    ) -> Result<(SignedInvitation, Option<SignatureCheck>), InvitationProblem> {
        let (verified, check) = check_credential(value, INVITATION_TYPE, signature).map_err(
            |problem| match problem {
                CredentialProblem::Signature(VerifyError::SignatureMismatch) => {
                    InvitationProblem::Changed
                }
                CredentialProblem::IssuerNotSigner { issuer, signer } => {
                    InvitationProblem::ForeignKey { issuer, signer }
                }
                CredentialProblem::WrongType { .. } => InvitationProblem::NotAnInvitation,
                _ => InvitationProblem::Damaged,
            },
        )?;
        let invitation = subject(value).ok_or(InvitationProblem::Damaged)?;
        let (Some(id), Some(valid_until), Some(issuer_name)) =
            (verified.id, verified.valid_until, verified.issuer_name)
        else {
            return Err(InvitationProblem::Damaged);
        };
        let digest = digest_multibase(value).map_err(|_| InvitationProblem::Damaged)?;
        // The canonical form is compact JSON too; through it the app needs no second serializer.
        let text = jcs::canonicalize(value).map_err(|_| InvitationProblem::Damaged)?;
        let signed = SignedInvitation {
            text: text.into(),
            reference: InvitationRef { id, digest_multibase: digest },
            issuer: verified.issuer,
            issuer_name,
            valid_from: verified.valid_from,
            valid_until,
            invitation,
        };
        Ok((signed, check))
    }

    /// Reads the invitation a link's fragment carries (with or without `#`, with or without
    /// `uitnodiging=`), and holds it to `now` (RFC 3339 UTC) and the frameworks the app has.
    pub fn from_fragment(fragment: &str, now: &str) -> Result<SignedInvitation, InvitationProblem> {
        let (signed, _) = SignedInvitation::read_fragment(fragment, Signature::Check)?;
        signed.hold_to(now, None)
    }

    /// The invitation a link's fragment carries, with [`Signature::Return`] not yet checked
    /// for its signature; then [`SignedInvitation::hold_to`].
    pub fn read_fragment(
        fragment: &str,
        signature: Signature,
    ) -> Result<(SignedInvitation, Option<SignatureCheck>), InvitationProblem> {
        if fragment.len() > MAX_FRAGMENT_CHARS {
            return Err(InvitationProblem::Damaged);
        }
        let encoded =
            link_payload(fragment).unwrap_or(fragment.strip_prefix('#').unwrap_or(fragment));
        let bytes = base64url::decode(encoded).ok_or(InvitationProblem::Damaged)?;
        let value = json::parse_bytes(&bytes, MAX_FRAGMENT_CHARS)
            .map_err(|_| InvitationProblem::Damaged)?;
        SignedInvitation::read(&value, signature)
    }

    /// Holds a signed invitation to `now` (RFC 3339 UTC) and the frameworks the app has: the
    /// built-in ones, and `in_use`, the page's framework (which a link may name by its address,
    /// as an invitation link for a framework that is not built in does).
    pub fn hold_to(
        self,
        now: &str,
        in_use: Option<&HashedFramework>,
    ) -> Result<SignedInvitation, InvitationProblem> {
        let validity = validity(&self.valid_from, Some(&self.valid_until), now);
        match validity {
            Validity::NotYet => {
                return Err(InvitationProblem::NotYetValid { valid_from: self.valid_from })
            }
            Validity::Expired => {
                return Err(InvitationProblem::Expired { valid_until: self.valid_until })
            }
            Validity::Current => {}
        }
        if self.built_in().is_none() && !in_use.is_some_and(|framework| self.names(framework)) {
            let FrameworkInfo { id, version, .. } = self.invitation.framework;
            return Err(InvitationProblem::UnknownFramework { id, version });
        }
        Ok(self)
    }

    /// Whether the invitation is for exactly this framework: id, version and hash.
    pub fn names(&self, framework: &HashedFramework) -> bool {
        let named = &self.invitation.framework;
        let fw = framework.framework();
        named.id == fw.id && named.version == fw.version && named.sha256 == framework.sha256()
    }

    /// The built-in framework the invitation names, when it is exactly one the app has (which
    /// the form's page may still have to fetch: [`catalogue::BuiltIn::load`]).
    pub fn built_in(&self) -> Option<&'static catalogue::BuiltIn> {
        let named = &self.invitation.framework;
        catalogue::built_in_version(&named.id, &named.version).filter(|b| b.sha256 == named.sha256)
    }

    /// The built-in framework the invitation names, loaded, when it is exactly one the app has
    /// at hand.
    pub fn framework(&self) -> Option<HashedFramework> {
        let named = &self.invitation.framework;
        self.built_in()?.load().ok().filter(|hashed| hashed.sha256() == named.sha256)
    }
}

/// Whether a record's invitation reference answers one of the invitations the docent sent:
/// the same id and the same digest, so that a record cannot claim an invitation it did not get.
pub fn answers<'a>(
    sent: &'a [SignedInvitation],
    reference: &InvitationRef,
) -> Option<&'a SignedInvitation> {
    sent.iter().find(|s| s.reference == *reference)
}

impl Invitation {
    /// What the docent's form says, for a framework in use, with today's date in `today`.
    pub fn check(&self, today: &str) -> Vec<InvitationInputProblem> {
        let mut problems = Vec::new();
        for (field, text) in [
            (InvitationField::StudentName, &self.student_name),
            (InvitationField::StudentNumber, &self.student_number),
            (InvitationField::AssessorName, &self.assessor_name),
            (InvitationField::AssessorEmail, &self.assessor_email),
        ] {
            // A self-assessment's assessor is the student, whose name is asked above.
            if field == InvitationField::AssessorName && self.mode == Mode::SelfAssessment {
                continue;
            }
            if text.trim().is_empty() {
                problems.push(InvitationInputProblem::Empty(field));
            } else if text.chars().count() > MAX_FIELD_CHARS {
                problems.push(InvitationInputProblem::TooLong(field));
            }
        }
        let email = self.assessor_email.trim();
        if !email.is_empty() && !is_email(email) {
            problems.push(InvitationInputProblem::NotAnEmail);
        }
        if self.due_date.is_empty() {
            problems.push(InvitationInputProblem::Empty(InvitationField::DueDate));
        } else if !is_calendar_date(&self.due_date) {
            problems.push(InvitationInputProblem::NotADate);
        } else if self.due_date.as_str() < today {
            problems.push(InvitationInputProblem::DueDatePassed);
        }
        if let Some(origin) = &self.host_origin {
            if !is_origin(origin) {
                problems.push(InvitationInputProblem::NotAnOrigin);
            }
        }
        problems
    }

    /// The unsigned credential: `validFrom` is `now`, `validUntil` the end of the due date in
    /// the docent's time zone, in UTC, with the offset in force on the due date (not today's).
    pub fn unsigned(&self, issuer_name: &str, id: &str, now: &str, zone: &Zone) -> Value {
        let mut assessment = json!({
            "framework": {
                "id": self.framework.id,
                "version": self.framework.version,
                "sha256": self.framework.sha256,
            },
            "mode": self.mode.key(),
            "assessor": {"name": self.assessor_name.trim(), "email": self.assessor_email.trim()},
            "dueDate": self.due_date,
        });
        if let (Some(origin), Some(object)) = (&self.host_origin, assessment.as_object_mut()) {
            object.insert("hostOrigin".into(), origin.as_str().into());
        }
        json!({
            "@context": RECORD_CONTEXT,
            "id": format!("urn:uuid:{id}"),
            "type": [VC_TYPE, INVITATION_TYPE],
            "issuer": {"name": issuer_name.trim()},
            "validFrom": now,
            "validUntil": end_of_day_utc(&self.due_date, zone).unwrap_or_default(),
            "credentialSubject": {
                "name": self.student_name.trim(),
                "studentNumber": self.student_number.trim(),
                "assessment": assessment,
            },
        })
    }

    /// Signs the invitation with the docent's key. `uuid` is fresh (`Entropy::uuid`), `now` the
    /// time RFC 3339 UTC.
    pub fn sign(
        &self,
        issuer_name: &str,
        key: &SigningKey,
        uuid: &str,
        now: &str,
        zone: &Zone,
    ) -> Result<SignedInvitation, IssueError> {
        let unsigned = self.unsigned(issuer_name, uuid, now, zone);
        let signed = issue(&unsigned, key.seed(), now)?;
        // What was just signed reads back; should it not, the caller is told, never a panic.
        SignedInvitation::from_value(&signed).map_err(|_| {
            IssueError::Sign(crate::core::crypto::data_integrity::SignError::DocumentNotAnObject)
        })
    }
}

/// The subject, read strictly: every member present, of its type, and no other.
fn subject(value: &Value) -> Option<Invitation> {
    let root = Node::root(value).object().ok()?;
    let subject = exactly(&root, "credentialSubject", &["name", "studentNumber", "assessment"])?;
    let fields = ["framework", "mode", "assessor", "dueDate", "hostOrigin"];
    let assessment = exactly(&subject, "assessment", &fields)?;
    let framework = exactly(&assessment, "framework", &["id", "version", "sha256"])?;
    let assessor = exactly(&assessment, "assessor", &["name", "email"])?;
    let text = |object: &Object, key: &'static str| -> Option<String> {
        let text = object.string(key).ok()?;
        (text.chars().count() <= MAX_FIELD_CHARS).then(|| text.to_string())
    };
    let due_date = text(&assessment, "dueDate").filter(|d| is_calendar_date(d))?;
    let host_origin = match assessment.optional_string("hostOrigin").ok()? {
        Some(origin) if is_origin(origin) => Some(origin.to_string()),
        Some(_) => return None,
        None => None,
    };
    Some(Invitation {
        student_name: text(&subject, "name")?,
        student_number: text(&subject, "studentNumber")?,
        framework: FrameworkInfo {
            id: text(&framework, "id")?,
            version: text(&framework, "version")?,
            sha256: text(&framework, "sha256")?,
        },
        mode: Mode::from_key(&text(&assessment, "mode")?)?,
        assessor_name: text(&assessor, "name")?,
        assessor_email: text(&assessor, "email")?,
        due_date,
        host_origin,
    })
}

fn exactly<'v>(parent: &Object<'v>, key: &'static str, fields: &[&str]) -> Option<Object<'v>> {
    let object = parent.object(key).ok()?;
    let exact = object.unknown(fields).next().is_none();
    exact.then_some(object)
}

/// The end of `date` (`YYYY-MM-DD`) in `zone`, as RFC 3339 UTC: the next day's midnight there
/// ([`Zone::utc_of_local`] says what it is should a change of offset fall on midnight).
pub fn end_of_day_utc(date: &str, zone: &Zone) -> Option<String> {
    let days = date_days(date)?;
    let minutes = zone.utc_of_local((days + 1) * 1440);
    let (y, m, d) = civil_from_days(minutes.div_euclid(1440));
    let minute = minutes.rem_euclid(1440);
    Some(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z", minute / 60, minute % 60))
}

/// `date` plus `days`, as `YYYY-MM-DD` (the default due date: four weeks from today).
pub fn add_days(date: &str, days: i64) -> Option<String> {
    let (y, m, d) = civil_from_days(date_days(date)? + days);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn date_days(date: &str) -> Option<i64> {
    if !is_calendar_date(date) {
        return None;
    }
    let part = |r: std::ops::Range<usize>| date.get(r)?.parse::<i64>().ok();
    Some(days_from_civil(part(0..4)?, part(5..7)?, part(8..10)?))
}

/// One `@`, something on both sides, a dot in the domain, no spaces: enough to catch a typo
/// without refusing an address that works.
fn is_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// An origin exactly as browsers write `event.origin`, which `postMessage` compares by, under the
/// rules of a link's `parentOrigin` (`link_config::canonical_origin`): `https://` and a host, or
/// `http://` on this computer. A signed `hostOrigin` in any other spelling would never match the
/// page that embeds the app, so it is refused rather than silently never used; the docent's form
/// writes what is typed in this spelling before signing.
pub fn is_origin(text: &str) -> bool {
    text.len() <= MAX_FIELD_CHARS && canonical_origin(text).is_some_and(|origin| origin == text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::crypto::data_integrity;

    const DOCENT: [u8; 32] = [7; 32];
    const OTHER: [u8; 32] = [8; 32];
    const NOW: &str = "2026-12-01T09:00:00.000Z";
    const UUID: &str = "3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d";

    fn invitation() -> Invitation {
        let hashed = HashedFramework::default_framework().unwrap();
        let fw = hashed.framework();
        Invitation {
            student_name: "Anne-Marijke van den Heuvel-Oosterhuis".into(),
            student_number: "500812345".into(),
            framework: FrameworkInfo {
                id: fw.id.clone(),
                version: fw.version.clone(),
                sha256: hashed.sha256().into(),
            },
            mode: Mode::Assessor,
            assessor_name: "Maria Fernanda de Oliveira-Brandsma".into(),
            assessor_email: "m.f.deoliveira-brandsma@buurtwerk-noordoost.example.nl".into(),
            due_date: "2026-12-29".into(),
            host_origin: Some("https://elo.hogeschool-utrecht.example".into()),
        }
    }

    fn key() -> SigningKey {
        SigningKey::from_seed(DOCENT, NOW)
    }

    fn signed() -> SignedInvitation {
        invitation()
            .sign("Johannes Cornelis van der Wal-Dijkstra", &key(), UUID, NOW, &Zone::fixed(60))
            .unwrap()
    }

    fn fragment_of(value: &Value) -> String {
        format!(
            "#{LINK_KEY}={}",
            base64url::encode(serde_json::to_string(value).unwrap().as_bytes())
        )
    }

    fn value() -> Value {
        serde_json::from_str(&signed().text).unwrap()
    }

    #[test]
    fn a_signed_invitation_reads_back_from_its_link() {
        let sent = signed();
        assert_eq!(sent.reference.id, format!("urn:uuid:{UUID}"));
        assert_eq!(sent.issuer, key().did());
        // The end of 29 December in Amsterdam in winter is 23:00 UTC that day.
        assert_eq!(sent.valid_until, "2026-12-29T23:00:00Z");
        assert_eq!(sent.valid_from, NOW);
        let link = sent.link("https://leeruitkomsten.hogeschool.example/app/index.html#oud");
        let fragment = link.split_once('#').unwrap().1;
        let received = SignedInvitation::from_fragment(fragment, "2026-12-10T12:00:00Z").unwrap();
        assert_eq!(received, sent);
        assert_eq!(received.invitation, invitation());
        assert!(received.framework().is_some());
        assert_eq!(received.fingerprint(), key().fingerprint());
    }

    #[test]
    fn the_link_stays_under_two_thousand_characters_with_long_dutch_names() {
        let mut long = invitation();
        long.student_name =
            "Geertruida Wilhelmina Alexandra van Oldenbarnevelt-Tjeenk Willink".into();
        long.assessor_name = "Hendrikus Johannes Bartholomeus van 't Hooft-de Leeuw".into();
        long.assessor_email =
            "hendrikus.vanthooft-deleeuw@stichting-welzijn-zuidoost-brabant.example.nl".into();
        let sent = long
            .sign(
                "Prof. dr. Cornelia Everdina Maria van Rijckevorsel-Koopmans",
                &key(),
                UUID,
                NOW,
                &Zone::fixed(60),
            )
            .unwrap();
        let link =
            sent.link("https://leeruitkomsten.hogeschool-van-arnhem-nijmegen.example/beoordelen/");
        assert!(link.len() < MAX_LINK_CHARS, "{} characters", link.len());
        eprintln!("a link with long names: {} characters", link.len());
        let fragment = link.split_once('#').unwrap().1;
        assert_eq!(SignedInvitation::from_fragment(fragment, NOW).unwrap().invitation, long);
    }

    #[test]
    fn only_an_uitnodiging_fragment_carries_an_invitation() {
        assert_eq!(link_payload("#uitnodiging=abc"), Some("abc"));
        assert_eq!(link_payload("uitnodiging=abc"), Some("abc"));
        assert_eq!(link_payload("#uitnodiging="), Some(""));
        for view in
            ["", "#", "#beoordelen", "#uitnodiging", "#uitnodigingen=abc", "##uitnodiging=abc"]
        {
            assert_eq!(link_payload(view), None, "{view}");
        }
    }

    #[test]
    fn a_damaged_or_hostile_fragment_is_refused_without_panic() {
        for fragment in [
            String::new(),
            "#uitnodiging=".into(),
            "#uitnodiging=!!!niet-base64!!!".into(),
            "#uitnodiging=A".into(),
            format!("#uitnodiging={}", base64url::encode(b"{\"a\":")),
            format!("#uitnodiging={}", base64url::encode(&[0xff, 0xfe, 0x00])),
            format!("#uitnodiging={}", "A".repeat(MAX_FRAGMENT_CHARS + 4)),
            format!("#uitnodiging={}", base64url::encode(&b"[".repeat(4000))),
            format!("#uitnodiging={}", base64url::encode(b"[1,2,3]")),
        ] {
            assert_eq!(
                SignedInvitation::from_fragment(&fragment, NOW),
                Err(InvitationProblem::Damaged),
                "{}",
                fragment.get(..60).unwrap_or(&fragment)
            );
        }
        // Cut off by a mail program: a link that lost its tail.
        let link = signed().fragment();
        let cut = link.get(..link.len() - 40).unwrap();
        assert_eq!(SignedInvitation::from_fragment(cut, NOW), Err(InvitationProblem::Damaged));
    }

    #[test]
    fn a_changed_invitation_is_refused_as_changed() {
        for (path, new) in [
            ("/credentialSubject/name", json!("Iemand Anders")),
            ("/credentialSubject/assessment/assessor/email", json!("ander@example.nl")),
            ("/validUntil", json!("2027-12-29T23:00:00Z")),
            ("/credentialSubject/assessment/mode", json!("self")),
        ] {
            let mut changed = value();
            *changed.pointer_mut(path).unwrap() = new;
            assert_eq!(
                SignedInvitation::from_fragment(&fragment_of(&changed), NOW),
                Err(InvitationProblem::Changed),
                "{path}"
            );
        }
    }

    #[test]
    fn another_credential_is_not_an_invitation_and_a_broken_subject_is_damaged() {
        let mut other = value();
        other["type"] = json!([VC_TYPE, super::super::DECISION_TYPE]);
        assert_eq!(
            SignedInvitation::from_fragment(&fragment_of(&other), NOW),
            Err(InvitationProblem::NotAnInvitation)
        );
        // Signed as it is, but with an extra member in the subject: not an invitation's shape.
        let mut unsigned = invitation().unsigned("Docent", UUID, NOW, &Zone::fixed(60));
        unsigned["credentialSubject"]["extra"] = json!(1);
        let signed = issue(&unsigned, &DOCENT, NOW).unwrap();
        assert_eq!(
            SignedInvitation::from_fragment(&fragment_of(&signed), NOW),
            Err(InvitationProblem::Damaged)
        );
    }

    #[test]
    fn one_re_signed_by_another_key_is_foreign() {
        let mut stripped = value();
        stripped.as_object_mut().unwrap().remove("proof");
        let forged = data_integrity::sign(&stripped, &OTHER, NOW).unwrap();
        assert!(matches!(
            SignedInvitation::from_fragment(&fragment_of(&forged), NOW),
            Err(InvitationProblem::ForeignKey { .. })
        ));
    }

    #[test]
    fn validity_is_held_to_now() {
        let fragment = signed().fragment();
        assert_eq!(
            SignedInvitation::from_fragment(&fragment, "2026-12-29T23:00:00.000Z"),
            Err(InvitationProblem::Expired { valid_until: "2026-12-29T23:00:00Z".into() })
        );
        assert!(SignedInvitation::from_fragment(&fragment, "2026-12-29T22:59:59.999Z").is_ok());
        assert_eq!(
            SignedInvitation::from_fragment(&fragment, "2026-12-01T08:59:59.000Z"),
            Err(InvitationProblem::NotYetValid { valid_from: NOW.into() })
        );
    }

    #[test]
    fn a_framework_the_app_lacks_is_refused_by_id_version_and_hash() {
        for (field, new) in [("sha256", "0".repeat(64)), ("version", "2030-01".into())] {
            let mut other = invitation();
            match field {
                "sha256" => other.framework.sha256 = new,
                _ => other.framework.version = new,
            }
            let sent = other.sign("Docent", &key(), UUID, NOW, &Zone::fixed(60)).unwrap();
            assert!(
                matches!(
                    SignedInvitation::from_fragment(&sent.fragment(), NOW),
                    Err(InvitationProblem::UnknownFramework { .. })
                ),
                "{field}"
            );
        }
    }

    #[test]
    fn a_framework_a_link_names_by_address_is_had_while_it_is_in_use() {
        let mut text: Value =
            serde_json::from_str(crate::core::framework::DEFAULT_FRAMEWORK_JSON).unwrap();
        text["id"] = "testkader-2026".into();
        let other =
            crate::core::framework::source::framework_from_bytes(text.to_string().as_bytes())
                .unwrap();
        let mut asked = invitation();
        asked.framework = FrameworkInfo {
            id: other.framework().id.clone(),
            version: other.framework().version.clone(),
            sha256: other.sha256().into(),
        };
        let sent = asked.sign("Docent", &key(), UUID, NOW, &Zone::fixed(60)).unwrap();
        assert!(sent.names(&other));
        let read =
            || SignedInvitation::read_fragment(&sent.fragment(), Signature::Check).unwrap().0;
        assert_eq!(read().hold_to(NOW, Some(&other)).map(|s| s.invitation), Ok(asked));
        let default = HashedFramework::default_framework().unwrap();
        for in_use in [None, Some(&default)] {
            assert!(matches!(
                read().hold_to(NOW, in_use),
                Err(InvitationProblem::UnknownFramework { .. })
            ));
        }
    }

    #[test]
    fn answers_matches_id_and_digest_both() {
        let sent = vec![signed()];
        assert!(answers(&sent, &sent[0].reference).is_some());
        let mut other_digest = sent[0].reference.clone();
        other_digest.digest_multibase.push('x');
        assert!(answers(&sent, &other_digest).is_none());
        let mut other_id = sent[0].reference.clone();
        other_id.id = "urn:uuid:00000000-0000-4000-8000-000000000000".into();
        assert!(answers(&sent, &other_id).is_none());
    }

    #[test]
    fn the_form_is_checked_field_by_field() {
        let today = "2026-12-01";
        assert_eq!(invitation().check(today), vec![]);
        let mut bad = invitation();
        bad.student_name = "  ".into();
        bad.assessor_email = "maria at buurtwerk".into();
        bad.due_date = "2026-11-30".into();
        bad.host_origin = Some("http://elo.example/pad".into());
        assert_eq!(
            bad.check(today),
            vec![
                InvitationInputProblem::Empty(InvitationField::StudentName),
                InvitationInputProblem::NotAnEmail,
                InvitationInputProblem::DueDatePassed,
                InvitationInputProblem::NotAnOrigin,
            ]
        );
        bad.due_date = "2026-02-30".into();
        assert!(bad.check(today).contains(&InvitationInputProblem::NotADate));
    }

    #[test]
    fn dates_move_across_months_years_and_time_zones() {
        assert_eq!(add_days("2026-12-10", 28).as_deref(), Some("2027-01-07"));
        assert_eq!(add_days("2028-02-28", 1).as_deref(), Some("2028-02-29"));
        assert_eq!(
            end_of_day_utc("2026-12-31", &Zone::fixed(60)).as_deref(),
            Some("2026-12-31T23:00:00Z")
        );
        assert_eq!(
            end_of_day_utc("2026-06-30", &Zone::fixed(120)).as_deref(),
            Some("2026-06-30T22:00:00Z")
        );
        assert_eq!(
            end_of_day_utc("2026-12-31", &Zone::fixed(-300)).as_deref(),
            Some("2027-01-01T05:00:00Z")
        );
        assert_eq!(
            end_of_day_utc("2026-12-31", &Zone::fixed(0)).as_deref(),
            Some("2027-01-01T00:00:00Z")
        );
        assert_eq!(end_of_day_utc("31-12-2026", &Zone::fixed(0)), None);
    }

    #[test]
    fn an_invitation_ends_at_midnight_of_its_due_date_in_the_offset_of_that_day() {
        let zone = crate::core::zone::tests::amsterdam();
        // Made in winter (NOW is 1 December 2026) for a due date in summer: the summer offset.
        let mut summer = invitation();
        summer.due_date = "2027-05-20".into();
        let made = summer.unsigned("Docent", UUID, NOW, &zone);
        assert_eq!(made["validUntil"], "2027-05-20T22:00:00Z");
        let signed = summer.sign("Docent", &key(), UUID, NOW, &zone).unwrap();
        assert_eq!(signed.valid_until, "2027-05-20T22:00:00Z");
        // Made in summer for a due date in winter: the winter offset.
        let mut winter = invitation();
        winter.due_date = "2027-01-15".into();
        let made = winter.unsigned("Docent", UUID, "2026-07-01T09:00:00.000Z", &zone);
        assert_eq!(made["validUntil"], "2027-01-15T23:00:00Z");
        // The days of the changes themselves end in the offset that holds at their midnight.
        assert_eq!(end_of_day_utc("2026-03-29", &zone).as_deref(), Some("2026-03-29T22:00:00Z"));
        assert_eq!(end_of_day_utc("2026-10-25", &zone).as_deref(), Some("2026-10-25T23:00:00Z"));
        assert_eq!(end_of_day_utc("2026-10-24", &zone).as_deref(), Some("2026-10-24T22:00:00Z"));
    }

    #[test]
    fn a_record_made_from_an_invitation_names_it_and_only_version_4_may() {
        use crate::core::assessment::{Assessment, Invited};
        use crate::core::record::{export::sign_assessment, verify_record, AssessmentRecord};
        let hashed = HashedFramework::default_framework().unwrap();
        let sent = signed();
        let mut assessment = Assessment::new(hashed.framework());
        assessment.invitation = Some(Invited {
            id: sent.reference.id.clone(),
            digest_multibase: sent.reference.digest_multibase.clone(),
            issuer: sent.issuer.clone(),
            issuer_name: sent.issuer_name.clone(),
            due_date: sent.invitation.due_date.clone(),
            host_origin: None,
        });
        let assessor = SigningKey::from_seed(OTHER, NOW);
        let record = sign_assessment(&hashed, &assessment, &assessor, NOW, "urn:uuid:r").unwrap();
        let report = verify_record(&record.record, &[&hashed]);
        assert!(report.is_valid(), "{:?}", report.problems);
        let value: Value = serde_json::from_str(&record.record).unwrap();
        assert_eq!(value["schemaVersion"], "4");
        assert_eq!(
            value["credentialSubject"]["invitation"],
            json!({"id": sent.reference.id, "digestMultibase": sent.reference.digest_multibase})
        );
        let read = AssessmentRecord::from_value(&value).unwrap();
        assert_eq!(read.invitation.as_ref(), Some(&sent.reference));
        assert!(answers(&[sent], read.invitation.as_ref().unwrap()).is_some());
        // The reference is signed with the rest, and version 3 has no such member.
        let mut changed = value.clone();
        changed["credentialSubject"]["invitation"]["digestMultibase"] = json!("uEiAx");
        assert!(!verify_record(&changed.to_string(), &[&hashed]).is_valid());
        let mut version_3 = value;
        version_3["schemaVersion"] = json!("3");
        assert!(AssessmentRecord::from_value(&version_3).is_err());
    }

    #[test]
    fn a_host_origin_is_an_https_origin_or_one_on_this_computer() {
        for origin in [
            "https://elo.hogeschool.example",
            "https://elo.hogeschool.example:8443",
            "http://localhost:8080",
            "http://localhost",
            "http://127.0.0.1:5173",
        ] {
            assert!(is_origin(origin), "{origin}");
        }
        for not in [
            "http://elo.hogeschool.example",
            "http://localhost.example.nl",
            "http://127.0.0.1.example.nl:80",
            "https://elo.hogeschool.example/pad",
            "https://",
            "http://",
            "*",
            "javascript:alert(1)",
            // Origins, but not as a browser writes them: `event.origin` would never equal them.
            "HTTPS://elo.hogeschool.example",
            "https://Elo.Hogeschool.Example",
            "https://elo.hogeschool.example/",
            "https://elo.hogeschool.example:443",
            "https://elo.hogeschool.example:08443",
            // Not origins at all.
            "https://elo.hogeschool.example:99999",
            "https://docent@elo.hogeschool.example",
            "https://elo..example:",
        ] {
            assert!(!is_origin(not), "{not}");
        }
    }
}
