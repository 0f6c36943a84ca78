//! Running inside another page: the settings a link carries and the messages sent to the host.

pub mod host_messages;
pub mod link_config;
