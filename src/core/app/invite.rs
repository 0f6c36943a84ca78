//! Invitations: the docent makes and signs one and keeps what was sent; the assessor opens one
//! from a link, which starts a new assessment with what the invitation sets, locked.

use std::rc::Rc;

use serde_json::Value;

use super::frameworks::AfterFetch;
use super::signing::{hogeschool_key, HogeschoolKey};
use super::{form, frameworks};
use super::{CheckPurpose, Effect, KeyImport, Model, NoEd25519, Now, StorageFailed, View};
use crate::core::assessment::{Action, Assessment, Invited, MetadataField, Mode};
use crate::core::credentials::invitation::{
    add_days, Invitation, InvitationField, InvitationInputProblem, InvitationProblem,
    SignedInvitation,
};
use crate::core::credentials::Signature;
use crate::core::crypto::jcs;
use crate::core::crypto::signing_key::SigningKey;
use crate::core::embed::link_config::{canonical_origin, percent_encode, with_param, Param};
use crate::core::framework::source::FrameworkSource;
use crate::core::json::{self, Node};
use crate::core::record::shape::FrameworkInfo;
use crate::i18n::Lang;

/// Where the docent's app keeps the invitations it signed.
pub const SENT_KEY: &str = "leeruitkomsten:v2:sent-invitations";
const SENT_TYPE: &str = "LeeruitkomstenSentInvitations";
/// A default due date this many days ahead: four weeks, a common period for a practice assessment.
pub const DEFAULT_DUE_DAYS: i64 = 28;

#[derive(Clone, Debug, PartialEq)]
pub enum InviteMsg {
    /// The app's own address and what storage holds of sent invitations, read at start.
    Started {
        app_address: String,
        sent: Option<String>,
    },
    Set(InvitationField, String),
    SetMode(Mode),
    Sign,
    Copy,
    /// Clears the form for the next invitation.
    Another,
    /// Answer to [`Effect::StoreSentInvitations`].
    Stored(Result<(), StorageFailed>),
    /// A link's fragment, read at start or when it changes.
    Open(String),
    DismissNotice,
}

/// The docent's form and what became of it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InviteState {
    pub docent_name: String,
    pub student_name: String,
    pub student_number: String,
    pub mode: Mode,
    pub assessor_name: String,
    pub assessor_email: String,
    /// Empty until the view is first shown, then four weeks from that day.
    pub due_date: String,
    pub host_origin: String,
    /// Shown after a try to sign, and kept up to date while the form is corrected.
    pub problems: Vec<InvitationInputProblem>,
    pub made: Option<Rc<SignedInvitation>>,
    pub failure: Option<InviteFailure>,
    pub copied: Option<bool>,
    /// A key is being kept first; signing follows its answer.
    waiting_for_key: bool,
    /// The page's address without its fragment: the link's start.
    pub app_address: Rc<str>,
    /// The start of the made invitation's link: the app's address, with the framework's address
    /// where the framework is not built in.
    pub made_address: Rc<str>,
}

impl InviteState {
    /// The link of the invitation just made.
    pub fn made_link(&self) -> Option<String> {
        self.made.as_ref().map(|made| made.link(&self.made_address))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteFailure {
    KeyUnreadable,
    KeyNotKept,
    NoRandomSource,
    /// The invitation could not be signed (it would not read back as one).
    NotSigned,
    /// Signed, but the list of sent invitations could not be kept in this browser.
    NotKept,
    /// The framework in use was opened from a file: the assessor could not open an invitation
    /// for it.
    FrameworkFromFile,
}

/// What the assessor is told about the link they opened.
#[derive(Clone, Debug, PartialEq)]
pub enum InvitationNotice {
    Opened(Rc<SignedInvitation>),
    Refused(InvitationProblem),
}

/// The invitations this browser signed, as kept; items it cannot read are kept as they are, so
/// writing the list back loses nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentInvitations {
    pub read: Vec<SignedInvitation>,
    unreadable: Vec<Value>,
}

impl SentInvitations {
    pub fn from_json(text: &str) -> SentInvitations {
        let mut sent = SentInvitations::default();
        let Ok(value) = json::parse(text, crate::core::library::MAX_BACKUP_BYTES) else {
            return sent;
        };
        let items = Node::root(&value).object().and_then(|root| root.array("invitations"));
        for item in items.unwrap_or_default() {
            match SignedInvitation::from_value(item.value()) {
                Ok(signed) => sent.read.push(signed),
                Err(_) => sent.unreadable.push(item.value().clone()),
            }
        }
        sent
    }

    pub fn to_json(&self) -> String {
        let items: Vec<Value> = self
            .read
            .iter()
            .filter_map(|s| jcs::parse_strict(&s.text).ok())
            .chain(self.unreadable.iter().cloned())
            .collect();
        let list = serde_json::json!({"type": SENT_TYPE, "version": 1, "invitations": items});
        // Canonical JSON is plain compact JSON: no second serializer in the app for it.
        jcs::canonicalize(&list).unwrap_or_default()
    }
}

pub(super) fn update(model: &mut Model, msg: InviteMsg, now: &Now) -> Vec<Effect> {
    // Making invitations is the docent's, on the hogeschool's page: on the form's page the
    // condition is constant and the compiler leaves that code out of its bundle.
    let docent = cfg!(feature = "hogeschool");
    let invite = &mut model.invite;
    match msg {
        InviteMsg::Started { app_address, sent } => {
            invite.app_address = app_address.into();
            // The docent's sent invitations serve the hogeschool's views alone; the form's page
            // leaves them unread (reading checks every signature, with the Rust Ed25519).
            if cfg!(feature = "hogeschool") {
                model.sent_invitations =
                    Rc::new(sent.as_deref().map(SentInvitations::from_json).unwrap_or_default());
                known_to_trusted(model);
            }
        }
        InviteMsg::Set(field, text) if docent => {
            *field_mut(invite, field) = text;
            refresh_problems(model, now);
        }
        InviteMsg::SetMode(mode) if docent => invite.mode = mode,
        InviteMsg::Sign if docent => return sign(model, now),
        InviteMsg::Copy if docent => {
            if let Some(link) = invite.made_link() {
                invite.copied = None;
                return vec![Effect::Copy(link.into())];
            }
        }
        InviteMsg::Another if docent => {
            let docent_name = std::mem::take(&mut invite.docent_name);
            let app_address = invite.app_address.clone();
            *invite = InviteState { docent_name, app_address, ..InviteState::default() };
            invite.due_date = add_days(&now.today, DEFAULT_DUE_DAYS).unwrap_or_default();
        }
        InviteMsg::Stored(result) if docent => {
            if result.is_err() {
                invite.failure = Some(InviteFailure::NotKept);
            }
        }
        InviteMsg::Open(fragment) => return open(model, &fragment, now),
        InviteMsg::DismissNotice => model.invitation_notice = None,
        InviteMsg::Set(..)
        | InviteMsg::SetMode(_)
        | InviteMsg::Sign
        | InviteMsg::Copy
        | InviteMsg::Another
        | InviteMsg::Stored(_) => {}
    }
    Vec::new()
}

/// The view is shown: a due date to start from.
pub(super) fn shown(model: &mut Model, now: &Now) {
    if model.invite.due_date.is_empty() {
        model.invite.due_date = add_days(&now.today, DEFAULT_DUE_DAYS).unwrap_or_default();
    }
}

fn field_mut(invite: &mut InviteState, field: InvitationField) -> &mut String {
    match field {
        InvitationField::DocentName => &mut invite.docent_name,
        InvitationField::StudentName => &mut invite.student_name,
        InvitationField::StudentNumber => &mut invite.student_number,
        InvitationField::AssessorName => &mut invite.assessor_name,
        InvitationField::AssessorEmail => &mut invite.assessor_email,
        InvitationField::DueDate => &mut invite.due_date,
        InvitationField::HostOrigin => &mut invite.host_origin,
    }
}

impl InviteState {
    /// The invitation the form describes, for the framework in use.
    pub fn invitation(&self, framework: FrameworkInfo) -> Invitation {
        let origin = self.host_origin.trim();
        Invitation {
            student_name: self.student_name.clone(),
            student_number: self.student_number.clone(),
            framework,
            mode: self.mode,
            // A student invited to assess themselves is the one who assesses.
            assessor_name: match self.mode {
                Mode::Assessor => self.assessor_name.clone(),
                Mode::SelfAssessment => self.student_name.clone(),
            },
            assessor_email: self.assessor_email.clone(),
            due_date: self.due_date.clone(),
            // Typed as an address bar shows it (a slash at the end, capitals, the default port),
            // it is written as browsers write origins; what is no origin is kept for its message.
            host_origin: (!origin.is_empty())
                .then(|| canonical_origin(origin).unwrap_or_else(|| origin.to_string())),
        }
    }

    /// The problems of one field, for the message beside it.
    pub fn problem(&self, field: InvitationField) -> Option<InvitationInputProblem> {
        self.problems.iter().copied().find(|p| p.field() == field)
    }
}

fn framework_info(model: &Model) -> FrameworkInfo {
    let fw = model.framework.framework();
    FrameworkInfo {
        id: fw.id.clone(),
        version: fw.version.clone(),
        sha256: model.framework.sha256().to_string(),
    }
}

fn check(model: &Model, now: &Now) -> Vec<InvitationInputProblem> {
    let mut problems = Vec::new();
    if model.invite.docent_name.trim().is_empty() {
        problems.push(InvitationInputProblem::Empty(InvitationField::DocentName));
    }
    problems.extend(model.invite.invitation(framework_info(model)).check(&now.today));
    problems
}

/// Once problems are shown, they follow the corrections.
fn refresh_problems(model: &mut Model, now: &Now) {
    if !model.invite.problems.is_empty() {
        model.invite.problems = check(model, now);
    }
}

fn sign(model: &mut Model, now: &Now) -> Vec<Effect> {
    model.invite.problems = check(model, now);
    model.invite.failure = None;
    if !model.invite.problems.is_empty() {
        return Vec::new();
    }
    if matches!(model.source, FrameworkSource::File(_)) {
        return fail(model, InviteFailure::FrameworkFromFile);
    }
    match hogeschool_key(model, now, false, &model.invite.docent_name) {
        HogeschoolKey::Sign(key) => sign_with(model, &key, now),
        HogeschoolKey::Make(store) => {
            model.invite.waiting_for_key = true;
            vec![*store]
        }
        HogeschoolKey::Unreadable => fail(model, InviteFailure::KeyUnreadable),
        HogeschoolKey::NotKept => fail(model, InviteFailure::KeyNotKept),
        HogeschoolKey::NoRandomSource => fail(model, InviteFailure::NoRandomSource),
    }
}

/// After the key was kept (or not): signing goes on where it waited for it.
pub(super) fn key_stored(model: &mut Model, import_before: KeyImport, now: &Now) -> Vec<Effect> {
    if !std::mem::take(&mut model.invite.waiting_for_key) {
        return Vec::new();
    }
    // Not an import: the key panel has nothing to report.
    model.key.import = import_before;
    match model.key.hogeschool_signer(&model.invite.docent_name) {
        Some(owned) => {
            let key = owned.key.clone();
            sign_with(model, &key, now)
        }
        None => fail(model, InviteFailure::KeyNotKept),
    }
}

fn fail(model: &mut Model, failure: InviteFailure) -> Vec<Effect> {
    model.invite.failure = Some(failure);
    Vec::new()
}

fn sign_with(model: &mut Model, key: &SigningKey, now: &Now) -> Vec<Effect> {
    let Some(entropy) = &now.entropy else { return fail(model, InviteFailure::NoRandomSource) };
    let invitation = model.invite.invitation(framework_info(model));
    let name = model.invite.docent_name.trim().to_string();
    let Ok(signed) = invitation.sign(&name, key, &entropy.uuid(), &now.time, &now.zone) else {
        return fail(model, InviteFailure::NotSigned);
    };
    model.invite.made = Some(Rc::new(signed.clone()));
    model.invite.made_address = link_address(&model.invite.app_address, &model.source).into();
    model.invite.copied = None;
    let mut sent = (*model.sent_invitations).clone();
    sent.read.insert(0, signed);
    let text = sent.to_json();
    model.sent_invitations = Rc::new(sent);
    known_to_trusted(model);
    vec![Effect::StoreSentInvitations(text.into())]
}

/// The signer's standing (verify view, cohort) counts a record that answers one of these as
/// *uitgenodigd*: the standing sees them by reference only.
fn known_to_trusted(model: &mut Model) {
    model.trusted.sent = model
        .sent_invitations
        .read
        .iter()
        .map(|s| (s.reference.id.clone(), s.reference.digest_multibase.clone()))
        .collect();
}

/// A link's invitation: read, then its signature is checked by Ed25519 (the browser's own on the
/// form's page, which answers later) before [`signature_checked`] opens it.
fn open(model: &mut Model, fragment: &str, now: &Now) -> Vec<Effect> {
    match SignedInvitation::read_fragment(fragment, Signature::Return) {
        Err(problem) => refuse(model, problem),
        Ok((_, Some(check))) => {
            vec![Effect::CheckSignature {
                check,
                purpose: CheckPurpose::Invitation(fragment.into()),
            }]
        }
        Ok((signed, None)) => match signed.hold_to(&now.time, Some(&model.framework)) {
            Ok(signed) => open_signed(model, signed, fragment, now),
            Err(problem) => refuse(model, problem),
        },
    }
}

/// A link's invitation read again once the built-in framework it names was fetched.
pub(super) fn reopen(model: &mut Model, fragment: &str, now: &Now) -> Vec<Effect> {
    open(model, fragment, now)
}

/// Refused with its reason, and then nothing changes.
fn refuse(model: &mut Model, problem: InvitationProblem) -> Vec<Effect> {
    model.invitation_notice = Some(InvitationNotice::Refused(problem));
    Vec::new()
}

/// The answer to a link's invitation's signature check.
pub(super) fn signature_checked(
    model: &mut Model,
    fragment: &str,
    result: Result<bool, NoEd25519>,
    now: &Now,
) -> Vec<Effect> {
    match result {
        Err(NoEd25519) => refuse(model, InvitationProblem::NoEd25519),
        Ok(false) => refuse(model, InvitationProblem::Changed),
        Ok(true) => {
            let read = SignedInvitation::read_fragment(fragment, Signature::Return);
            let in_use = Some(&*model.framework);
            match read.and_then(|(signed, _)| signed.hold_to(&now.time, in_use)) {
                Ok(signed) => open_signed(model, signed, fragment, now),
                Err(problem) => refuse(model, problem),
            }
        }
    }
}

/// A link's checked invitation: opened as a new assessment, or the one already made from it. The
/// learning environment it names (if any) hears from the app from now on, where the app is in
/// one of its pages.
fn open_signed(
    model: &mut Model,
    signed: SignedInvitation,
    fragment: &str,
    now: &Now,
) -> Vec<Effect> {
    let host = signed.invitation.host_origin.clone();
    let mut effects = show_signed(model, signed, fragment, now);
    effects.extend(host.map(Effect::Embed));
    effects
}

fn show_signed(
    model: &mut Model,
    signed: SignedInvitation,
    fragment: &str,
    now: &Now,
) -> Vec<Effect> {
    let signed = Rc::new(signed);
    model.invitation_notice = Some(InvitationNotice::Opened(signed.clone()));
    let made_from = |assessment: &Assessment| {
        assessment.invitation.as_ref().is_some_and(|i| {
            i.id == signed.reference.id && i.digest_multibase == signed.reference.digest_multibase
        })
    };
    if made_from(&model.open.assessment) {
        model.view = View::Assess;
        return Vec::new();
    }
    let earlier = model.library.entries().find(|e| made_from(&e.assessment)).cloned();
    if let Some(entry) = earlier {
        if !form::belongs(&entry, &model.framework) {
            return frameworks::open_in_own(model, entry);
        }
        model.view = View::Assess;
        return form::open(model, entry, false);
    }
    // A framework that is not built in is had only as the one in use: the invitation's link
    // named its address, and the page opened with it.
    if let Some(built_in) = signed.built_in() {
        let then = AfterFetch::Invitation(fragment.into());
        let hashed = match frameworks::at_hand_or_fetch(model, built_in, then) {
            Ok(hashed) => hashed,
            Err(effects) => {
                // Opened once the framework is here; until then the banner does not claim it is.
                model.invitation_notice = None;
                return effects;
            }
        };
        if hashed.sha256() != model.framework.sha256() {
            frameworks::use_framework(model, hashed);
        }
    } else if !signed.names(&model.framework) {
        let FrameworkInfo { id, version, .. } = signed.invitation.framework.clone();
        model.invitation_notice =
            Some(InvitationNotice::Refused(InvitationProblem::UnknownFramework { id, version }));
        return Vec::new();
    }
    let previous = model.open.assessment.metadata.clone();
    let mut entry = form::fresh_entry_after(&model.framework, &model.presets, now, &previous);
    let framework = model.framework.framework();
    let asked = &signed.invitation;
    let assessment = &mut entry.assessment;
    // In a self-assessment the student signs under their own name; no assessor is named (an
    // invitation names the student as the one who assesses, or, made before, someone typed).
    let assessor = match asked.mode {
        Mode::Assessor => asked.assessor_name.clone(),
        Mode::SelfAssessment => String::new(),
    };
    for action in [
        Action::SetMode(asked.mode),
        Action::SetMetadata(MetadataField::StudentName, asked.student_name.clone()),
        Action::SetMetadata(MetadataField::StudentNumber, asked.student_number.clone()),
        Action::SetMetadata(MetadataField::AssessorName, assessor),
    ] {
        // Every value was held to the limits of a field when the invitation was read.
        let _ = assessment.apply(framework, action);
    }
    assessment.invitation = Some(Invited {
        id: signed.reference.id.clone(),
        digest_multibase: signed.reference.digest_multibase.clone(),
        issuer: signed.issuer.clone(),
        issuer_name: signed.issuer_name.clone(),
        due_date: asked.due_date.clone(),
        host_origin: asked.host_origin.clone(),
    });
    model.view = View::Assess;
    form::open(model, entry, true)
}

/// Where an invitation link for the framework from `source` starts: the form's address, and for
/// a framework a link named by its address, that address as the same link parameter, so that
/// the assessor's form opens with the framework the invitation is for.
fn link_address(app_address: &str, source: &FrameworkSource) -> String {
    match source {
        FrameworkSource::Url(address) => {
            format!("{app_address}{}", with_param("", Param::Framework, address))
        }
        FrameworkSource::BuiltIn | FrameworkSource::File(_) => app_address.to_string(),
    }
}

/// A `mailto:` link with the invitation's `link` in a message in the docent's language.
pub fn mailto(lang: Lang, made: &SignedInvitation, link: &str) -> String {
    let (subject, body) = lang.invitation_mail(made, link);
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(made.invitation.assessor_email.trim()),
        percent_encode(&subject),
        percent_encode(&body)
    )
}
