//! A verified record's signer, as the docent knows them: the signature says the record is
//! unchanged since a key signed it, not whose key that is. The docent knows a key in two ways:
//! the record answers an invitation the docent sent (its id and digest match one the docent's app
//! kept), or the key is on a list of trusted assessors the docent holds. Neither makes a record
//! invalid: an unknown signer is flagged, and the docent decides.

use super::trusted::TrustedAssessors;

/// What the docent knows of a record's signer. Both can hold at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// *uitgenodigd*: the record answers an invitation the docent sent.
    pub invited: bool,
    /// *vertrouwd*: the key is on a trusted list, under this name.
    pub trusted: Option<TrustedAs>,
}

/// A key on a trusted list: the name the list gives it, and whose list that is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustedAs {
    pub name: String,
    pub organisation: Option<String>,
    /// The docent who vouches for the key (the list's signer, by name).
    pub by: String,
}

impl Standing {
    /// *onbekende ondertekenaar*: neither invited nor trusted.
    pub fn is_unknown(&self) -> bool {
        !self.invited && self.trusted.is_none()
    }
}

/// One trusted list as the standing needs it: whose it is and what it lists.
#[derive(Clone, Copy, Debug)]
pub struct HeldList<'a> {
    pub by: &'a str,
    pub list: &'a TrustedAssessors,
}

/// The signer's standing. `signer` is the did:key that signed a verified record, `invitation`
/// the record's own reference (`credentialSubject.invitation`: id and `digestMultibase`), `sent`
/// the invitations this docent sent, and `lists` the trusted lists the docent holds, first
/// match counting. An invitation counts only when both id and digest match: an id alone could
/// be copied from a link into a record the docent never invited.
pub fn standing(
    signer: &str,
    invitation: Option<(&str, &str)>,
    sent: &[(String, String)],
    lists: &[HeldList<'_>],
) -> Standing {
    let invited = invitation.is_some_and(|(id, digest)| {
        sent.iter().any(|(sent_id, sent_digest)| sent_id == id && sent_digest == digest)
    });
    let trusted = lists.iter().find_map(|held| {
        held.list.find(signer).map(|a| TrustedAs {
            name: a.name.clone(),
            organisation: a.organisation.clone(),
            by: held.by.to_string(),
        })
    });
    Standing { invited, trusted }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::core::credentials::trusted::TrustedAssessor;
    use crate::core::crypto::did_key::did_key_from_seed;

    fn list(seed: u8, name: &str) -> TrustedAssessors {
        TrustedAssessors {
            assessors: vec![TrustedAssessor {
                did: did_key_from_seed(&[seed; 32]),
                name: name.into(),
                organisation: Some("Buurtwerk Noord".into()),
            }],
        }
    }

    fn sent() -> Vec<(String, String)> {
        vec![("urn:uuid:a".into(), "uAAA".into()), ("urn:uuid:b".into(), "uBBB".into())]
    }

    #[test]
    fn an_answered_invitation_needs_its_id_and_digest() {
        let signer = did_key_from_seed(&[1; 32]);
        let invited = standing(&signer, Some(("urn:uuid:b", "uBBB")), &sent(), &[]);
        assert_eq!(invited, Standing { invited: true, trusted: None });
        assert!(!invited.is_unknown());
        for reference in [("urn:uuid:b", "uAAA"), ("urn:uuid:c", "uBBB")] {
            let other = standing(&signer, Some(reference), &sent(), &[]);
            assert!(other.is_unknown(), "{reference:?} matched");
        }
        assert!(standing(&signer, Some(("urn:uuid:a", "uAAA")), &[], &[]).is_unknown());
    }

    #[test]
    fn a_key_on_a_held_list_is_trusted_under_that_lists_name() {
        let signer = did_key_from_seed(&[1; 32]);
        let (mine, colleagues) = (list(2, "Iemand"), list(1, "Karim Haddou"));
        let lists = [
            HeldList { by: "mij", list: &mine },
            HeldList { by: "Docent Jansen", list: &colleagues },
        ];
        let trusted = standing(&signer, None, &sent(), &lists);
        assert!(!trusted.invited);
        assert_eq!(
            trusted.trusted,
            Some(TrustedAs {
                name: "Karim Haddou".into(),
                organisation: Some("Buurtwerk Noord".into()),
                by: "Docent Jansen".into()
            })
        );
        let both = standing(&signer, Some(("urn:uuid:a", "uAAA")), &sent(), &lists);
        assert!(both.invited && both.trusted.is_some());
        let stranger = standing(&did_key_from_seed(&[3; 32]), None, &sent(), &lists);
        assert!(stranger.is_unknown());
    }
}
