// The satisfaction survey: when an agent resolves the conversation, the visitor sees the survey in
// the widget, rates it, and the rating is stored on the survey message.
import { expect, test } from "./browser_log";
import { Api, hostUrl, openWidget, SEL, sendVisitorMessage, unique, waitForReady } from "./widget_support";

test("after the agent resolves, the visitor rates the conversation in the widget", async ({
  page,
  request,
  baseURL,
}) => {
  const api = await Api.signIn(request);
  const inbox = await api.createWebsiteInbox("Widget CSAT", {}, { csat_survey_enabled: true });
  await page.goto(hostUrl({ token: inbox.website_token, base: baseURL! }));
  await waitForReady(page);
  const frame = await openWidget(page);
  const text = `My parcel is late ${unique()}`;
  await sendVisitorMessage(frame, text);
  const conversation = await api.conversationWith(inbox.id, text);

  await api.post(`/conversations/${conversation.id}/toggle_status`, { status: "resolved" });

  const survey = frame.locator(SEL.csat);
  await expect(survey).toBeVisible();
  await frame.locator(SEL.csatRating(5)).click();
  const feedback = `Quick and kind ${unique()}`;
  await frame.locator(SEL.csatFeedback).fill(feedback);
  await frame.locator(SEL.csatSubmit).click();

  const surveyAnswer = async () => {
    const messages = await api.messages(conversation.id);
    const csat = messages.find((m) => m.content_type === "input_csat");
    return csat?.content_attributes?.submitted_values?.csat_survey_response;
  };
  await expect.poll(surveyAnswer).toMatchObject({ rating: 5, feedback_message: feedback });
});
