// /admin: the province's rules and people, for administrators (supervisors read). Signed-out staff sign in first.
import '../views/dispatch/dispatch.css';
import './admin.css';
import { useState } from 'react';
import { useDispatchSession } from '../data/use-dispatch-session.ts';
import { useReference } from '../data/use-reference.ts';
import { LangToggle } from '../components/toggles.tsx';
import { LoginScreen } from '../views/dispatch/login-screen.tsx';
import { useAgencies } from '../views/dispatch/use-agencies.ts';
import { AuditTab } from './audit-tab.tsx';
import { CannedTab } from './canned-tab.tsx';
import { HolidaysTab } from './holidays-tab.tsx';
import { RoutingTab } from './routing-tab.tsx';
import { SlaTab } from './sla-tab.tsx';
import { StaffTab } from './staff-tab.tsx';
import { UnitsTab } from './units-tab.tsx';
import { WallsTab } from './walls-tab.tsx';
import { ClientsTab } from './clients-tab.tsx';
import { WebhooksTab } from './webhooks-tab.tsx';
import { MappingsTab } from './mappings-tab.tsx';
import { useAdminI18n, type AdminKey } from './strings.ts';
import { AdminContext, useAdminAction } from './use-admin.ts';

const TABS = [
  'routing',
  'sla',
  'holidays',
  'staff',
  'units',
  'canned',
  'walls',
  'clients',
  'webhooks',
  'mappings',
  'audit',
] as const;
type Tab = (typeof TABS)[number];

export function AdminView() {
  const s = useDispatchSession();
  const { a } = useAdminI18n();
  if (s.loading) return <div className="center-page" aria-busy="true" />;
  if (!s.session?.user) return <LoginScreen onLogin={(u, p) => s.login(u, p)} />;
  const role = s.session.user.role;
  if (role !== 'administrator' && role !== 'supervisor')
    return (
      <main className="center-page">
        <p>{a('noAccess')}</p>
      </main>
    );
  return <AdminPage canWrite={role === 'administrator'} who={s.session.user.name} onLogout={() => s.logout()} />;
}

function AdminPage({ canWrite, who, onLogout }: { canWrite: boolean; who: string; onLogout: () => Promise<void> }) {
  const { a, t, lang } = useAdminI18n();
  const [tab, setTab] = useState<Tab>('routing');
  const reference = useReference(null);
  const agencies = useAgencies(lang);
  const action = useAdminAction();
  const panels: Record<Tab, React.ReactNode> = {
    routing: <RoutingTab />,
    sla: <SlaTab />,
    holidays: <HolidaysTab />,
    staff: <StaffTab />,
    units: <UnitsTab />,
    canned: <CannedTab />,
    walls: <WallsTab />,
    clients: <ClientsTab />,
    webhooks: <WebhooksTab />,
    mappings: <MappingsTab />,
    audit: <AuditTab />,
  };
  return (
    <AdminContext.Provider value={{ canWrite, reference, agencies, run: action.run }}>
      <div className="ad-shell" data-testid="admin">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-sep" aria-hidden="true">
              /
            </span>
            <h1 className="brand-title">{a('title')}</h1>
          </div>
          <div className="topbar-tools">
            {!canWrite && <span className="ad-readonly">{a('readOnly')}</span>}
            <span className="dx-user">{who}</span>
            <LangToggle />
            <button type="button" className="dx-btn" onClick={() => void onLogout()}>
              {lang === 'vi' ? 'Đăng xuất' : 'Sign out'}
            </button>
          </div>
        </header>
        <nav className="ad-tabs" role="tablist">
          {TABS.filter((k) => canWrite || k !== 'walls').map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              data-tab={k}
              className={`dx-btn${tab === k ? ' ad-tab-on' : ''}`}
              onClick={() => setTab(k)}
            >
              {a(`tab.${k}` as AdminKey)}
            </button>
          ))}
        </nav>
        <main className="ad-main" role="tabpanel">
          {panels[tab]}
        </main>
        {action.message && (
          <div className={`dx-flash ${action.message.ok ? 'ok' : 'bad'}`} role="status" data-testid="admin-flash">
            {action.message.text}
          </div>
        )}
      </div>
    </AdminContext.Provider>
  );
}
