import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, maskWebhookUrl } from '../../../server/slack/slack-channels';
import { slackText } from '../../../server/slack/slack-message';

describe('text for a Slack message', () => {
  it('escapes Slack’s control characters, so no text becomes a mention or a link', () => {
    expect(slackText('<!channel> & <https://evil.example|click>', 200)).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(slackText('ping @here and @Everyone', 200)).toBe('ping @\u200Bhere and @\u200BEveryone');
  });

  it('drops NUL, controls and half an emoji, keeps whole emoji, and stays one line', () => {
    expect(slackText('a\u0000b\u0007c \uD83D d 🎉\n> quoted', 200)).toBe('abc  d 🎉 > quoted'.replace('>', '&gt;'));
  });

  it('cuts 1 MB of text to the limit once escaped, never inside an entity or an emoji', () => {
    const cut = slackText('&'.repeat(1024 * 1024), 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^(&amp;)+…$/);
    const emoji = slackText('🎉'.repeat(100), 11);
    expect(emoji).toBe(`${'🎉'.repeat(5)}…`);
  });
});

describe('a Slack webhook URL', () => {
  it('must be https on an allowed host, and is shown masked', () => {
    const hosts = ['hooks.slack.com'];
    expect(checkWebhookUrl('https://hooks.slack.com/services/T1/B2/abcd', hosts)).toEqual({ ok: true, url: 'https://hooks.slack.com/services/T1/B2/abcd' });
    expect(checkWebhookUrl('http://hooks.slack.com/services/T1/B2/abcd', hosts)).toEqual({ ok: false, error: 'A Slack webhook URL must start with https://.' });
    expect(checkWebhookUrl('https://hooks.slack.com.evil.example/services/x', hosts)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://127.0.0.1:9/x', hosts)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('http://127.0.0.1:9/x', ['127.0.0.1'])).toMatchObject({ ok: true });
    expect(checkWebhookUrl('https://user:pw@hooks.slack.com/services/x', hosts)).toMatchObject({ ok: false });
    expect(maskWebhookUrl('https://hooks.slack.com/services/T1/B2/secretWXYZ')).toBe('https://hooks.slack.com/…WXYZ');
  });
});
