import { AppHeader } from '../../components/app-header';
import { AdPlatformAccess } from '../../components/ad-platform-access';
import { ClientDirectory } from '../../components/client-directory';
import { HubConnection } from '../../components/hub-connection';
import { OwnDomains } from '../../components/own-domains';

export function App() {
  return (
    <div className="min-h-screen">
      <AppHeader />
      <main className="mx-auto flex max-w-3xl flex-col gap-10 px-6 py-8">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <ClientDirectory />
        <HubConnection />
        <OwnDomains />
        <AdPlatformAccess />
      </main>
    </div>
  );
}
