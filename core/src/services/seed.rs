//! Fills an account with a large, plausible history: contacts, conversations in every status
//! and their messages, with the bookkeeping (display ids, last activity, first reply, waiting
//! since) the conversation rules would have produced. Used by the benchmark in `bench/` and for
//! demo data; it writes in batches, one transaction per batch, so it is fast on both backends
//! and a failure leaves only whole batches behind.

use chrono::{DateTime, TimeDelta, Utc};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::domain::{ConversationStatus, MessageType, Priority, StoredEnum};
use crate::secrets::random_token;
use crate::store::bulk::{self, SeedContact, SeedContactInbox, SeedConversation, SeedMessage};
use crate::{Error, Result, Services};

/// What to create.
#[derive(Debug, Clone)]
pub struct SeedPlan {
    /// Number of contacts; conversations are spread over them.
    pub contacts: usize,
    /// Number of conversations.
    pub conversations: usize,
    /// Number of messages, spread evenly over the conversations.
    pub messages: usize,
    /// Inboxes of the account to spread contacts over (at least one).
    pub inbox_ids: Vec<i64>,
    /// Agents who reply and are assigned (at least one).
    pub agent_ids: Vec<i64>,
    /// Conversations per transaction.
    pub batch: usize,
    /// Seed of the random choices, so two runs create the same history.
    pub seed: u64,
}

/// How far seeding has come (reported after each batch).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SeedProgress {
    /// Contacts written.
    pub contacts: usize,
    /// Conversations written.
    pub conversations: usize,
    /// Messages written.
    pub messages: usize,
}

const FIRST_NAMES: &[&str] = &[
    "Ada",
    "Grace",
    "Alan",
    "Linus",
    "Margaret",
    "Dennis",
    "Barbara",
    "Ken",
    "Frances",
    "Edsger",
    "Radia",
    "Tim",
    "Hedy",
    "Donald",
    "Katherine",
    "John",
    "Annie",
    "Guido",
    "Sophie",
    "Bjarne",
];
const LAST_NAMES: &[&str] = &[
    "Lovelace",
    "Hopper",
    "Turing",
    "Torvalds",
    "Hamilton",
    "Ritchie",
    "Liskov",
    "Thompson",
    "Allen",
    "Dijkstra",
    "Perlman",
    "Berners-Lee",
    "Lamarr",
    "Knuth",
    "Johnson",
    "McCarthy",
    "Easley",
    "Rossum",
    "Wilson",
    "Stroustrup",
];
const CONTACT_LINES: &[&str] = &[
    "Hi, my order {n} has not arrived yet",
    "Can I change the delivery address for order {n}?",
    "The app crashes when I open the settings page",
    "How do I reset my password?",
    "I was charged twice for invoice {n}",
    "Is there a discount for yearly plans?",
    "Thanks, that worked!",
    "Could you send me the receipt again?",
    "When will the refund for {n} be processed?",
    "I can't log in since this morning",
];
const AGENT_LINES: &[&str] = &[
    "Thanks for reaching out! Let me check order {n} for you.",
    "I have updated the address, you should get a confirmation shortly.",
    "Sorry about that. Could you tell me which version you are on?",
    "You can reset it from the sign-in page with 'Forgot password'.",
    "I see the duplicate charge and have refunded it.",
    "Yes, yearly plans come with two months free.",
    "Glad to help! Anything else?",
    "I have sent the receipt to your email address.",
    "The refund was issued today and takes 3-5 business days.",
    "We had a short outage; it is fixed now. Please try again.",
];

/// Creates the plan's contacts, conversations and messages in the account.
pub async fn seed_account(
    svc: &Services,
    account_id: i64,
    plan: &SeedPlan,
    mut progress: impl FnMut(SeedProgress),
) -> Result<SeedProgress> {
    if plan.inbox_ids.is_empty() || plan.agent_ids.is_empty() || plan.contacts == 0 {
        return Err(Error::Unprocessable(
            "seeding needs at least one inbox, one agent and one contact".into(),
        ));
    }
    let mut rng = StdRng::seed_from_u64(plan.seed);
    let now = crate::store::now();
    let start = now - TimeDelta::days(365);
    let batch = plan.batch.max(1);
    let mut done = SeedProgress::default();

    // Contacts and their inbox links: contact i talks through inbox i % inboxes.
    let mut contacts: Vec<(i64, i64, i64)> = Vec::with_capacity(plan.contacts); // (contact, inbox, link)
    for chunk_start in (0..plan.contacts).step_by(batch) {
        let chunk_end = (chunk_start + batch).min(plan.contacts);
        let rows: Vec<SeedContact> = (chunk_start..chunk_end)
            .map(|i| {
                let first = FIRST_NAMES[i % FIRST_NAMES.len()];
                let last = LAST_NAMES[(i / FIRST_NAMES.len()) % LAST_NAMES.len()];
                let created_at = start + TimeDelta::seconds(rng.random_range(0..86_400 * 30));
                SeedContact {
                    name: format!("{first} {last}"),
                    email: format!(
                        "{}.{}{i}@example.com",
                        first.to_lowercase(),
                        last.to_lowercase()
                    ),
                    phone_number: format!("+1555{i:07}"),
                    last_activity_at: created_at,
                    created_at,
                }
            })
            .collect();
        let mut tx = svc.db.begin().await?;
        let mut ids = bulk::insert_contacts(tx.conn(), account_id, &rows).await?;
        ids.sort_by_key(|(_, email)| email_index(email));
        let links: Vec<SeedContactInbox> = ids
            .iter()
            .map(|(id, email)| SeedContactInbox {
                contact_id: *id,
                inbox_id: plan.inbox_ids[email_index(email) % plan.inbox_ids.len()],
                source_id: uuid::Uuid::new_v4().to_string(),
                pubsub_token: random_token(24),
                created_at: start,
            })
            .collect();
        let mut link_ids = bulk::insert_contact_inboxes(tx.conn(), &links).await?;
        let by_token: std::collections::HashMap<String, i64> =
            link_ids.drain(..).map(|(id, token)| (token, id)).collect();
        tx.commit().await?;
        for link in &links {
            contacts.push((link.contact_id, link.inbox_id, by_token[&link.pubsub_token]));
        }
        done.contacts = contacts.len();
        progress(done);
    }

    let first_display_id = {
        let mut handle = svc.db.read().await?;
        bulk::display_seq(handle.conn(), account_id).await? + 1
    };
    let span = (now - start - TimeDelta::days(1)).num_seconds().max(1);
    let per_conversation = plan.messages / plan.conversations.max(1);
    let extra = plan.messages % plan.conversations.max(1);
    for chunk_start in (0..plan.conversations).step_by(batch) {
        let chunk_end = (chunk_start + batch).min(plan.conversations);
        let mut conversations = Vec::with_capacity(chunk_end - chunk_start);
        let mut threads: Vec<Vec<(MessageType, String, DateTime<Utc>)>> =
            Vec::with_capacity(chunk_end - chunk_start);
        for i in chunk_start..chunk_end {
            let (contact_id, inbox_id, link_id) = contacts[i % contacts.len()];
            // Older conversations first, so display ids grow with time as they do for real.
            let created_at = start
                + TimeDelta::seconds(span * i as i64 / plan.conversations as i64)
                + TimeDelta::seconds(rng.random_range(0..600));
            let count = per_conversation + usize::from(i < extra);
            let mut at = created_at;
            let mut thread = Vec::with_capacity(count);
            for n in 0..count {
                let incoming = n % 2 == 0 || rng.random_bool(0.1);
                let lines = if incoming { CONTACT_LINES } else { AGENT_LINES };
                let order = format!("#{}", 10_000 + (i * 7 + n) % 90_000);
                let text = lines[rng.random_range(0..lines.len())].replace("{n}", &order);
                let kind = if incoming {
                    MessageType::Incoming
                } else {
                    MessageType::Outgoing
                };
                thread.push((kind, text, at));
                at = (at + TimeDelta::seconds(rng.random_range(30..3_600))).min(now);
            }
            let last_activity_at = thread.last().map_or(created_at, |(_, _, at)| *at);
            let first_reply_created_at = thread
                .iter()
                .find(|(kind, _, _)| *kind == MessageType::Outgoing)
                .map(|(_, _, at)| *at);
            let status = match rng.random_range(0..100) {
                0..65 => ConversationStatus::Resolved,
                65..85 => ConversationStatus::Open,
                85..93 => ConversationStatus::Pending,
                _ => ConversationStatus::Snoozed,
            };
            // Waiting since the first incoming message after the last agent reply.
            let waiting_since = match status {
                ConversationStatus::Resolved => None,
                _ => thread
                    .iter()
                    .rev()
                    .take_while(|(kind, _, _)| *kind == MessageType::Incoming)
                    .last()
                    .map(|(_, _, at)| *at),
            };
            let assignee_id = rng
                .random_bool(0.7)
                .then(|| plan.agent_ids[rng.random_range(0..plan.agent_ids.len())]);
            let priority = rng
                .random_bool(0.2)
                .then(|| Priority::ALL[rng.random_range(0..Priority::ALL.len())].to_i16());
            conversations.push(SeedConversation {
                inbox_id,
                display_id: first_display_id + i as i64,
                uuid: uuid::Uuid::new_v4().to_string(),
                status: status.to_i16(),
                priority,
                contact_id,
                contact_inbox_id: link_id,
                assignee_id,
                last_activity_at,
                first_reply_created_at,
                waiting_since,
                snoozed_until: (status == ConversationStatus::Snoozed)
                    .then(|| now + TimeDelta::days(rng.random_range(1..14))),
                created_at,
            });
            threads.push(thread);
        }

        let mut tx = svc.db.begin().await?;
        let ids = bulk::insert_conversations(tx.conn(), account_id, &conversations).await?;
        let by_display: std::collections::HashMap<i64, i64> =
            ids.into_iter().map(|(id, display)| (display, id)).collect();
        let mut messages: Vec<SeedMessage> = Vec::new();
        let mut written = 0;
        for (conversation, thread) in conversations.iter().zip(threads) {
            let conversation_id = by_display[&conversation.display_id];
            let agent = conversation.assignee_id.unwrap_or(plan.agent_ids[0]);
            for (kind, content, at) in thread {
                let (sender_type, sender_id) = match kind {
                    MessageType::Incoming => ("Contact", conversation.contact_id),
                    _ => ("User", agent),
                };
                messages.push(SeedMessage {
                    inbox_id: conversation.inbox_id,
                    conversation_id,
                    content,
                    message_type: kind.to_i16(),
                    sender_type,
                    sender_id,
                    created_at: at,
                });
                if messages.len() == 2_000 {
                    bulk::insert_messages(tx.conn(), account_id, &messages).await?;
                    written += messages.len();
                    messages.clear();
                }
            }
        }
        bulk::insert_messages(tx.conn(), account_id, &messages).await?;
        written += messages.len();
        bulk::raise_display_seq(
            tx.conn(),
            account_id,
            first_display_id + chunk_end as i64 - 1,
        )
        .await?;
        tx.commit().await?;
        done.conversations = chunk_end;
        done.messages += written;
        progress(done);
    }
    Ok(done)
}

/// The running number inside a seeded email (`ada.lovelace42@example.com` → 42).
fn email_index(email: &str) -> usize {
    let local = email.split('@').next().unwrap_or_default();
    let digits: String = local
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::email_index;

    #[test]
    fn email_index_reads_the_trailing_number() {
        assert_eq!(email_index("ada.lovelace42@example.com"), 42);
        assert_eq!(email_index("grace.hopper0@example.com"), 0);
    }
}
