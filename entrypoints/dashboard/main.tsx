import { createRoot } from 'react-dom/client';
import '../../assets/tailwind.css';
import { DashboardPage } from '../../components/dashboard/dashboard-page';

const root = document.getElementById('root');
if (root) createRoot(root).render(<DashboardPage />);
