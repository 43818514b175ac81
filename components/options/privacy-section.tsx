import { Section } from '../section';

const FACTS: [string, string][] = [
  ['What a capture keeps', 'The email thread’s id, subject, participants (names and addresses), the date and a link back to it. An Asana task or an ad account is kept as its id, name and link.'],
  ['Email bodies', 'Never read or kept, unless you select text in an email and start a handoff with it: then only the selected text is kept.'],
  ['Where your data lives', 'In this browser’s own database (IndexedDB), on this computer. When you connect a team hub, the workspace is also kept on that hub, which your agency runs.'],
  ['What Baton reads', 'Only Gmail and Asana, and the ad platforms you turn on above. On those pages it reads ids, subjects, names and addresses — to recognise the client — and nothing else.'],
  ['No remote code', 'Everything Baton runs ships inside the extension. It loads no scripts from the internet and uses no eval.'],
  ['Permissions', 'Storage (your workspace), side panel, notifications (a handoff arrives), alarms (reminders), context menus (“Start handoff with selection”), and the sites above.'],
];

/** What Baton keeps and where, in plain words. */
export function PrivacySection() {
  return (
    <Section title="Privacy" description="What Baton keeps, where, and what it never touches.">
      <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr]">
        {FACTS.map(([term, text]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-900 dark:text-slate-100">{term}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{text}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
