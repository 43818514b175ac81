import { createRoot } from 'react-dom/client';
import '../../assets/tailwind.css';
import { OptionsPage } from '../../components/options/options-page';

const root = document.getElementById('root');
if (root) createRoot(root).render(<OptionsPage />);
