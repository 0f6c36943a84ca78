//! Fetching a built-in framework that this build leaves out (the 2010 profile on the form's
//! page, `catalogue::PROFILE_2010_JSON`): its file is served next to the app, and the service
//! worker keeps it once fetched, so that it opens offline from then on.

use crate::core::framework::catalogue::BuiltIn;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::LoadFailure;

/// The bytes of `built_in`'s file, from next to the page, with the limits of any framework
/// download (`fetch::framework_bytes`).
pub async fn bytes(built_in: &BuiltIn) -> Result<Vec<u8>, LoadFailure> {
    let url = super::link::resolve(built_in.file).ok_or(LoadFailure::Network)?;
    super::fetch::framework_bytes(&url).await
}

/// `built_in` at hand: compiled in, fetched before, or fetched now and held to its SHA-256.
pub async fn load(built_in: &BuiltIn) -> Result<HashedFramework, LoadFailure> {
    // The hogeschool's page compiles every built-in framework in, so it leaves the fetch out.
    if cfg!(feature = "hogeschool") {
        return built_in.load();
    }
    match built_in.load() {
        Err(LoadFailure::NotFetched) => built_in.accept(&bytes(built_in).await?),
        loaded => loaded,
    }
}
