//! Keeping the local message list consistent when the same message arrives several ways: the
//! optimistic copy, the POST reply, the cable push and a re-sync fetch.

use crate::types::Message;

/// Puts `msg` into `list`: replaces the copy with the same id, or the optimistic copy with the
/// same echo id, else inserts it in id order. Returns whether it was new to the list.
pub fn upsert(list: &mut Vec<Message>, mut msg: Message) -> bool {
    let same = list
        .iter()
        .position(|m| msg.id != 0 && m.id == msg.id)
        .or_else(|| {
            list.iter()
                .position(|m| m.id == 0 && msg.echo_id.is_some() && m.echo_id == msg.echo_id)
        });
    if let Some(i) = same {
        // An update without an echo id must not lose the one we matched optimistic copies by.
        if msg.echo_id.is_none() {
            msg.echo_id = list[i].echo_id.take();
        }
        msg.rev = list[i].rev.wrapping_add(1);
        list[i] = msg;
        // A push may have landed before the POST reply: drop a remaining optimistic twin.
        dedupe(list);
        return false;
    }
    // Pending sends (id 0) stay at the bottom; a server message goes after the last lower id.
    let at = if msg.id == 0 {
        list.len()
    } else {
        list.iter()
            .rposition(|m| m.id != 0 && m.id < msg.id)
            .map_or_else(
                || list.iter().position(|m| m.id != 0).unwrap_or(list.len()),
                |i| i + 1,
            )
    };
    list.insert(at, msg);
    true
}

/// Removes optimistic copies whose echo id a server message already carries.
fn dedupe(list: &mut Vec<Message>) {
    let echoes: Vec<String> = list
        .iter()
        .filter(|m| m.id != 0)
        .filter_map(|m| m.echo_id.clone())
        .collect();
    list.retain(|m| m.id != 0 || m.echo_id.as_ref().is_none_or(|e| !echoes.contains(e)));
}

/// Adds a page of older messages (already sorted) in front of the list, skipping known ids.
pub fn prepend(list: &mut Vec<Message>, older: Vec<Message>) {
    let fresh: Vec<Message> = older
        .into_iter()
        .filter(|m| !list.iter().any(|k| k.id == m.id))
        .collect();
    list.splice(0..0, fresh);
}

/// The highest server id, for `?after=` re-syncs.
pub fn last_id(list: &[Message]) -> u64 {
    list.iter().map(|m| m.id).max().unwrap_or(0)
}

/// The lowest server id, for `?before=` paging.
pub fn first_id(list: &[Message]) -> Option<u64> {
    list.iter().map(|m| m.id).filter(|&id| id != 0).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: u64, echo: Option<&str>) -> Message {
        Message {
            id,
            echo_id: echo.map(String::from),
            ..Message::default()
        }
    }

    #[test]
    fn post_reply_replaces_the_optimistic_copy() {
        let mut list = vec![msg(1, None), msg(0, Some("a"))];
        assert!(!upsert(&mut list, msg(5, Some("a"))));
        assert_eq!(list.iter().map(|m| m.id).collect::<Vec<_>>(), [1, 5]);
    }

    #[test]
    fn push_then_reply_leaves_one_copy() {
        let mut list = vec![msg(0, Some("a"))];
        // The cable push carries the echo id too.
        upsert(&mut list, msg(7, Some("a")));
        upsert(&mut list, msg(7, Some("a")));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].rev, 2);
    }

    #[test]
    fn push_without_echo_then_reply_dedupes() {
        let mut list = vec![msg(0, Some("a"))];
        assert!(upsert(&mut list, msg(7, None)));
        upsert(&mut list, msg(7, Some("a")));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, 7);
    }

    #[test]
    fn ordered_by_id_with_pending_last() {
        let mut list = vec![msg(2, None), msg(0, Some("p"))];
        upsert(&mut list, msg(4, None));
        upsert(&mut list, msg(3, None));
        upsert(&mut list, msg(1, None));
        assert_eq!(
            list.iter().map(|m| m.id).collect::<Vec<_>>(),
            [1, 2, 3, 4, 0]
        );
        assert_eq!((first_id(&list), last_id(&list)), (Some(1), 4));
    }

    #[test]
    fn prepend_skips_known() {
        let mut list = vec![msg(3, None)];
        prepend(&mut list, vec![msg(1, None), msg(3, None)]);
        assert_eq!(list.iter().map(|m| m.id).collect::<Vec<_>>(), [1, 3]);
    }
}
