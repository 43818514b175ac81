// Settings → Workflow: client-team roles, the rules that start handoffs, and the tools Baton talks to
// (Asana, Slack). Each part is its own component; this only lays them out.
import { Section } from '../section';
import { AsanaConnection } from './asana-connection';
import { RulesEditor } from './rules-editor';
import { SlackChannels } from './slack-channels';
import { TeamRolesEditor } from './team-roles-editor';

export function WorkflowSection({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Section title="Workflow" description="Handoffs as steps of the agency’s workflow: who holds which role on a client’s team, what starts a handoff, and where people hear of it.">
      <TeamRolesEditor isAdmin={isAdmin} />
      <RulesEditor isAdmin={isAdmin} />
      <AsanaConnection isAdmin={isAdmin} />
      <SlackChannels isAdmin={isAdmin} />
    </Section>
  );
}
