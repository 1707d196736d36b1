//! The agents page: the invite form, the link of the last invitation, and the members.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::invite::{InviteForm, LinkPanel};
use super::row::AgentRow;
use super::server_fns::{Invitation, get_agents_page};
use crate::i18n::{tu_string, use_i18n};
use crate::settings::forms::Refresh;
use crate::settings::nav::{Section, SettingsFrame, current};

/// `settings/agents/list`.
#[component]
pub fn AgentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let loading = tu_string!(i18n, settings.loading);
    let account_id = current().map_or(0, |(id, _)| id);
    let refresh = Refresh::provide();
    let page =
        crate::json_resource::blocking(move || refresh.get(), move |_| get_agents_page(account_id));
    let query = use_query_map();
    view! {
        <SettingsFrame section=Section::Agents>
            <p class="muted">{tu_string!(i18n, settings.agents.intro)}</p>
            <InviteForm account_id />
            <Transition fallback=move || view! { <p class="muted">{loading}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => {
                            // After a plain form post the link arrives in the URL.
                            let token = query.read_untracked().get("token");
                            let invited = query.read_untracked().get("invited").and_then(|i| i.parse().ok());
                            let from_url = invited.map(|agent_id| Invitation {
                                agent_id,
                                name: String::new(),
                                link: token.map(|t| format!("{}{t}", page.link_base)),
                            });
                            let rows = page
                                .agents
                                .into_iter()
                                .map(|agent| view! { <AgentRow account_id agent /> })
                                .collect_view();
                            view! {
                                {from_url.map(|invitation| view! { <LinkPanel invitation /> })}
                                <table class="settings-table" id="agent-table">
                                    <thead>
                                        <tr>
                                            <th scope="col">{tu_string!(i18n, settings.agents.agent)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.agents.role)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.agents.availability)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.agents.status)}</th>
                                            <th scope="col">{tu_string!(i18n, settings.actions)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>{rows}</tbody>
                                </table>
                            }
                                .into_any()
                        }
                        Err(err) => view! { <p role="alert">{err.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </SettingsFrame>
    }
}
